import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyRecord } from '../helpers/crud';
import {
	getConnection,
	tryParseDateInput,
	type CartComRecord,
	type ConnectionInfo,
} from '../transport';
import { pollBudget } from './budget';
import { pollChanges } from './changeFeed';
import { newestId, pollCreated, startCreatedCursor } from './createdFeed';
import { DEFAULT_LOOK_BACK_SECONDS, MAX_LOOK_BACK_SECONDS } from './description';
import { findEvent, type TriggerEvent } from './events';
import { claimPoll, isSavedCursor, rememberCursor, triggerKeyOf } from './guards';
import { isValidZone, storeTime, type StoreTimeOptions } from './instants';
import { fetchPage } from './page';
import { versionOf, type FeedSource } from './records';
import {
	advanceChangeCursor,
	capChangeCursor,
	fingerprint,
	isChangeCursor,
	isCreatedCursor,
	readCursor,
	writeCursor,
	type ChangeCursor,
	type CreatedCursor,
	type Cursor,
	type Version,
} from './state';

/**
 * A change cursor this far ahead of this machine's clock cannot come from the store (clocks of
 * servers differ by seconds, not a day): it is foreign or corrupt data and would silently match nothing.
 */
export const MAX_CURSOR_LEAD_MS = 24 * 60 * 60_000;

interface TriggerSettings {
	event: TriggerEvent;
	statusIds: number[];
	startFrom?: number;
	lookBackMs: number;
	simplify: boolean;
	time: StoreTimeOptions;
}

function settingError(
	ctx: IPollFunctions,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem}`, { description: fix });
}

function readStatusIds(ctx: IPollFunctions, event: TriggerEvent): number[] {
	if (event.resource.value !== 'order') return [];
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const raw = filters.orderStatusIds;
	const values = Array.isArray(raw)
		? raw
		: raw === undefined || raw === ''
			? []
			: String(raw).split(',');
	const ids = values.map((value) => {
		const text = String(value).trim();
		if (!/^\d+$/.test(text) || Number(text) <= 0) {
			throw settingError(
				ctx,
				'Order Status Names or IDs',
				`"${text}" is not an order status ID`,
				'Pick statuses from the list, or give their numeric IDs.',
			);
		}
		return Number(text);
	});
	return [...new Set(ids)];
}

/** A date without an offset means the workflow's time zone, as n8n's date pickers do. */
function readStartFrom(ctx: IPollFunctions, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = tryParseDateInput(value, ctx.getTimezone());
	if (!date) {
		throw settingError(
			ctx,
			'Start From',
			`"${String(value)}" is not a valid date`,
			'Use ISO 8601, e.g. 2024-05-14T11:09:00-05:00, or pick a date.',
		);
	}
	return date.toMillis();
}

function readStoreTimeZone(ctx: IPollFunctions, value: unknown): string | undefined {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (zone === '') return undefined;
	if (!isValidZone(zone)) {
		throw settingError(
			ctx,
			'Store Time Zone',
			`"${zone}" is not an IANA time zone`,
			'Use a name such as America/Chicago, or leave it empty.',
		);
	}
	return zone;
}

function readSettings(ctx: IPollFunctions): TriggerSettings {
	const eventValue = ctx.getNodeParameter('event') as string;
	const event = findEvent(eventValue);
	if (!event) {
		throw settingError(
			ctx,
			'Event',
			`"${eventValue}" is not a Cart.com Trigger event`,
			'Choose an event from the list.',
		);
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const lookBack = options.lookBackSeconds ?? DEFAULT_LOOK_BACK_SECONDS;
	if (
		typeof lookBack !== 'number' ||
		!Number.isFinite(lookBack) ||
		lookBack < 0 ||
		lookBack > MAX_LOOK_BACK_SECONDS
	) {
		throw settingError(
			ctx,
			'Look-Back (Seconds)',
			`"${String(lookBack)}" is not a number of seconds from 0 to ${MAX_LOOK_BACK_SECONDS}`,
			'Enter a small number such as 2.',
		);
	}
	return {
		event,
		statusIds: readStatusIds(ctx, event),
		startFrom: readStartFrom(ctx, options.startFrom),
		lookBackMs: Math.round(lookBack * 1000),
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
		time: { zone: readStoreTimeZone(ctx, options.storeTimeZone), workflowZone: ctx.getTimezone() },
	};
}

/**
 * One status is an AND-able condition and goes to the server. Several would need an OR next to
 * the cursor condition, which Cart.com reads without parentheses (docs/query_syntax.md) as
 * `A OR (B AND cursor)`: they are tested here instead, on every record read.
 */
function feedSource(settings: TriggerSettings): FeedSource {
	const { resource } = settings.event;
	const source = {
		path: resource.path,
		recordsKey: resource.recordsKey,
		noun: resource.name.toLowerCase(),
	};
	const { statusIds } = settings;
	if (statusIds.length === 0) return { ...source, serverFilter: {}, matches: () => true };
	if (statusIds.length === 1) {
		return {
			...source,
			serverFilter: { order_status_id: `eq:${statusIds[0]}` },
			matches: () => true,
		};
	}
	const wanted = new Set(statusIds);
	return {
		...source,
		serverFilter: {},
		matches: (record) => wanted.has(Number(record.order_status_id)),
	};
}

function toItems(
	settings: TriggerSettings,
	records: CartComRecord[],
): INodeExecutionData[][] | null {
	if (records.length === 0) return null;
	const fields = settings.simplify ? settings.event.resource.simplifyFields : undefined;
	return [records.map((record) => ({ json: simplifyRecord(record, fields) }))];
}

/** "Fetch Test Event": the newest matching record; no cursor condition, so an OR of statuses is safe here. */
async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	connection: ConnectionInfo,
) {
	const source = feedSource(settings);
	const { statusIds } = settings;
	const statusFilter =
		statusIds.length > 1
			? { order_status_id: statusIds.map((id) => `eq:${id}`).join(' OR ') }
			: source.serverFilter;
	const { records } = await fetchPage(ctx, connection, {
		path: source.path,
		recordsKey: source.recordsKey,
		query: { ...statusFilter, sort: settings.event.kind === 'created' ? '-id' : '-updated_at,-id' },
		count: 1,
	});
	return toItems(settings, records);
}

/**
 * The store's newest change (of all records, whatever the filters: the cursor walks over all of
 * them), read from the store itself rather than taken from this machine's clock, which may be
 * ahead of Cart.com's and would then skip the changes made in between.
 */
async function newestChange(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	time: StoreTimeOptions,
): Promise<Version | undefined> {
	const { records } = await fetchPage(ctx, connection, {
		path: source.path,
		recordsKey: source.recordsKey,
		query: { sort: '-updated_at,-id' },
		count: 1,
	});
	return records.length === 0
		? undefined
		: versionOf(ctx, connection, source, records[0], storeTime(records, time));
}

/** Start of the Updated cursor: Start From, or the store's newest change (everything up to it is history). */
async function startChangeCursor(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	time: StoreTimeOptions,
	startFrom?: number,
): Promise<ChangeCursor> {
	if (startFrom !== undefined) return { from: startFrom, seen: [] };
	const newest = await newestChange(ctx, connection, source, time);
	return newest ? { from: newest.at, afterId: newest.id, seen: [] } : { from: 0, seen: [] }; // an empty store: all to come is new
}

interface CursorStore {
	stored: unknown;
	save(cursor: Cursor): void;
	/** This process saved (or checked) this very cursor: no need to ask the store about it. */
	isTrusted(cursor: Cursor): boolean;
	warn(message: string): void;
}

function cursorStore(ctx: IPollFunctions, key: string, trustKey: string): CursorStore {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = readCursor(staticData, key);
	return {
		stored,
		save(cursor) {
			if (JSON.stringify(cursor) !== JSON.stringify(stored)) writeCursor(staticData, key, cursor);
			rememberCursor(trustKey, cursor);
		},
		isTrusted: (cursor) => isSavedCursor(trustKey, cursor),
		warn(message) {
			ctx.logger.warn(`Cart.com Trigger "${ctx.getNode().name}": ${message}`, {
				workflowId: ctx.getWorkflow().id,
			});
		},
	};
}

async function pollCreatedEvents(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	connection: ConnectionInfo,
	source: FeedSource,
	cursors: CursorStore,
): Promise<INodeExecutionData[][] | null> {
	let cursor: CreatedCursor | undefined = isCreatedCursor(cursors.stored)
		? cursors.stored
		: undefined;
	if (cursor && !cursors.isTrusted(cursor)) {
		const newest = await newestId(ctx, connection, source);
		if (cursor.lastId > newest) {
			cursors.warn(
				`the stored cursor (last id ${cursor.lastId}) is ahead of the store's newest record (id ${newest}); starting from that record`,
			);
			cursors.save({ lastId: newest });
			return null;
		}
	}
	if (!cursor) {
		cursor = await startCreatedCursor(ctx, connection, source, settings.startFrom);
		if (settings.startFrom === undefined) {
			cursors.save(cursor);
			return null;
		}
	}
	const result = await pollCreated(ctx, connection, source, cursor, pollBudget(ctx));
	cursors.save(result.cursor);
	return toItems(settings, result.records);
}

/** Why a stored Updated cursor cannot be right, if it cannot; asks the store only for a cursor this process did not save. */
async function implausibility(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	settings: TriggerSettings,
	cursors: CursorStore,
	cursor: ChangeCursor,
): Promise<string | undefined> {
	const at = (ms: number) => new Date(ms).toISOString();
	if (cursor.from > Date.now() + MAX_CURSOR_LEAD_MS) {
		return `the stored cursor (${at(cursor.from)}) is more than a day ahead of this machine's clock`;
	}
	if (cursors.isTrusted(cursor)) return undefined;
	const newest = await newestChange(ctx, connection, source, settings.time);
	if (cursor.from > (newest?.at ?? 0)) {
		return `the stored cursor (${at(cursor.from)}) is ahead of the store's newest change (${newest ? at(newest.at) : 'none'})`;
	}
	return undefined;
}

async function pollChangeEvents(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	connection: ConnectionInfo,
	source: FeedSource,
	cursors: CursorStore,
): Promise<INodeExecutionData[][] | null> {
	const stored = isChangeCursor(cursors.stored) ? cursors.stored : undefined;
	const problem =
		stored && (await implausibility(ctx, connection, source, settings, cursors, stored));
	if (problem) {
		cursors.warn(`${problem}; starting from the store's newest change`);
		cursors.save(await startChangeCursor(ctx, connection, source, settings.time));
		return null;
	}
	let cursor = stored && capChangeCursor(stored);
	if (!cursor) {
		cursor = await startChangeCursor(ctx, connection, source, settings.time, settings.startFrom);
		if (settings.startFrom === undefined) {
			cursors.save(cursor);
			return null;
		}
	}
	const result = await pollChanges(ctx, connection, source, cursor, pollBudget(ctx), settings.time);
	cursors.save(advanceChangeCursor(cursor, result.read, settings.lookBackMs, result.open));
	return toItems(settings, result.records);
}

/**
 * One poll. Manual runs ("Fetch Test Event") return the newest matching record and leave the cursor
 * alone. Otherwise one poll at a time per trigger (see claimPoll); the cursor is read from static
 * data (or set up on the first run, which returns nothing unless Start From asks for history),
 * checked for plausibility, every change since it is read, and the cursor is written only after
 * all of that succeeded: a failed request throws and the next poll starts over.
 */
export async function pollCartCom(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') {
		return await fetchTestEvent(this, settings, await getConnection(this));
	}

	const triggerKey = triggerKeyOf(this);
	const release = claimPoll(triggerKey);
	if (!release) {
		this.logger.info(
			`Cart.com Trigger "${this.getNode().name}": the previous poll is still running; this one is skipped`,
		);
		return null;
	}
	try {
		const connection = await getConnection(this);
		const source = feedSource(settings);
		const key = fingerprint({
			event: settings.event.value,
			storeKey: connection.storeKey,
			statusIds: settings.statusIds,
			startFrom: settings.startFrom,
			storeTimeZone: settings.time.zone,
		});
		const cursors = cursorStore(this, key, `${triggerKey}\u0000${key}`);
		return settings.event.kind === 'created'
			? await pollCreatedEvents(this, settings, connection, source, cursors)
			: await pollChangeEvents(this, settings, connection, source, cursors);
	} finally {
		release();
	}
}
