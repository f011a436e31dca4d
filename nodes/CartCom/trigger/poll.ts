import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyRecord } from '../helpers/crud';
import { buildFilterQuery, getConnection, tryParseDateInput, type CartComRecord, type Query } from '../transport';
import { pollBudget } from './budget';
import { pollChanges, startChangeCursor, type FeedSource } from './changeFeed';
import { pollCreated, startCreatedCursor } from './createdFeed';
import { DEFAULT_LOOK_BACK_SECONDS, MAX_LOOK_BACK_SECONDS } from './description';
import { findEvent, type TriggerEvent } from './events';
import { fetchPage } from './page';
import {
	advanceChangeCursor,
	fingerprint,
	isChangeCursor,
	isCreatedCursor,
	readCursor,
	writeCursor,
	type Cursor,
} from './state';

interface TriggerSettings {
	event: TriggerEvent;
	statusIds: number[];
	startFrom?: number;
	lookBackMs: number;
	simplify: boolean;
}

function settingError(ctx: IPollFunctions, field: string, problem: string, fix: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem}`, { description: fix });
}

function readStatusIds(ctx: IPollFunctions, event: TriggerEvent): number[] {
	if (event.resource.value !== 'order') return [];
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const raw = filters.orderStatusIds;
	const values = Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : String(raw).split(',');
	return values.map((value) => {
		const text = String(value).trim();
		if (!/^\d+$/.test(text) || Number(text) <= 0) {
			throw settingError(ctx, 'Order Status Names or IDs', `"${text}" is not an order status ID`, 'Pick statuses from the list, or give their numeric IDs.');
		}
		return Number(text);
	});
}

/** A date without an offset means the workflow's time zone, as n8n's date pickers do. */
function readStartFrom(ctx: IPollFunctions, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = tryParseDateInput(value, ctx.getTimezone());
	if (!date) {
		throw settingError(ctx, 'Start From', `"${String(value)}" is not a valid date`, 'Use ISO 8601, e.g. 2024-05-14T11:09:00-05:00, or pick a date.');
	}
	return date.toMillis();
}

function readSettings(ctx: IPollFunctions): TriggerSettings {
	const eventValue = ctx.getNodeParameter('event') as string;
	const event = findEvent(eventValue);
	if (!event) throw settingError(ctx, 'Event', `"${eventValue}" is not a Cart.com Trigger event`, 'Choose an event from the list.');
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const lookBack = options.lookBackSeconds ?? DEFAULT_LOOK_BACK_SECONDS;
	if (typeof lookBack !== 'number' || !Number.isFinite(lookBack) || lookBack < 0 || lookBack > MAX_LOOK_BACK_SECONDS) {
		throw settingError(ctx, 'Look-Back (Seconds)', `"${String(lookBack)}" is not a number of seconds from 0 to ${MAX_LOOK_BACK_SECONDS}`, 'Enter a small number such as 2.');
	}
	return {
		event,
		statusIds: readStatusIds(ctx, event),
		startFrom: readStartFrom(ctx, options.startFrom),
		lookBackMs: Math.round(lookBack * 1000),
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
	};
}

function feedSource(settings: TriggerSettings): FeedSource {
	const { resource } = settings.event;
	const filter: Query = settings.statusIds.length
		? buildFilterQuery(
				settings.statusIds.map((id) => ({ field: 'order_status_id', operator: 'eq' as const, value: id })),
				'OR',
			)
		: {};
	return { path: resource.path, recordsKey: resource.recordsKey, filter };
}

function toItems(settings: TriggerSettings, records: CartComRecord[]): INodeExecutionData[][] | null {
	if (records.length === 0) return null;
	const fields = settings.simplify ? settings.event.resource.simplifyFields : undefined;
	return [records.map((record) => ({ json: simplifyRecord(record as IDataObject, fields) }))];
}

/**
 * One poll. Manual runs ("Fetch Test Event") return the newest matching record and leave the cursor
 * alone. Otherwise the cursor is read from static data (or set up on the first run, which returns
 * nothing unless Start From asks for history), every change since it is read, and the cursor is
 * written only after all of that succeeded: a failed request throws and the next poll starts over.
 */
export async function pollCartCom(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const connection = await getConnection(this);
	const source = feedSource(settings);
	const { kind } = settings.event;

	if (this.getMode() === 'manual') {
		const { records } = await fetchPage(this, connection, {
			path: source.path,
			recordsKey: source.recordsKey,
			query: { ...source.filter, sort: kind === 'created' ? '-id' : '-updated_at,-id' },
			count: 1,
		});
		return toItems(settings, records);
	}

	const staticData = this.getWorkflowStaticData('node');
	const key = fingerprint({
		event: settings.event.value,
		storeKey: connection.storeKey,
		statusIds: settings.statusIds,
		startFrom: settings.startFrom,
	});
	const stored = readCursor(staticData, key);
	const budget = pollBudget(this);
	const save = (cursor: Cursor) => {
		if (JSON.stringify(cursor) !== JSON.stringify(stored)) writeCursor(staticData, key, cursor);
	};

	if (kind === 'created') {
		let cursor = isCreatedCursor(stored) ? stored : undefined;
		if (!cursor) {
			cursor = await startCreatedCursor(this, connection, source, settings.startFrom);
			if (settings.startFrom === undefined) {
				save(cursor);
				return null;
			}
		}
		const result = await pollCreated(this, connection, source, cursor, budget);
		save(result.cursor);
		return toItems(settings, result.records);
	}

	let cursor = isChangeCursor(stored) ? stored : undefined;
	if (!cursor) {
		cursor = await startChangeCursor(this, connection, source, settings.startFrom);
		if (settings.startFrom === undefined) {
			save(cursor);
			return null;
		}
	}
	const result = await pollChanges(this, connection, source, cursor, budget);
	save(advanceChangeCursor(cursor, result.emitted, settings.lookBackMs));
	return toItems(settings, result.records);
}
