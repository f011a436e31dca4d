/**
 * The trigger's parameters, read and checked once per poll, and what they select: the records of
 * the event's resource, with the status filter split into what the server can filter and what is
 * tested here.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildFilterQuery, tryParseDateInput } from '../transport';
import { DEFAULT_LOOK_BACK_SECONDS, MAX_LOOK_BACK_SECONDS } from './description';
import { findEvent, type TriggerEvent } from './events';
import type { FeedSource } from './feed';
import { isValidZone, type StoreTimeOptions } from './instants';

export interface TriggerSettings {
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

export function readSettings(ctx: IPollFunctions): TriggerSettings {
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

/** `order_status_id` is one of `statusIds`, as one filter parameter. */
export function statusFilter(statusIds: number[]) {
	return buildFilterQuery(
		statusIds.map((id) => ({ field: 'order_status_id', operator: 'eq' as const, value: id })),
		'OR',
	);
}

/**
 * One status is an AND-able condition and goes to the server. Several would need an OR next to
 * the cursor condition, which Cart.com reads without parentheses (docs/query_syntax.md) as
 * `A OR (B AND cursor)`: they are tested here instead, on every record read.
 */
export function feedSource(settings: TriggerSettings): FeedSource {
	const { resource } = settings.event;
	const source = {
		path: resource.path,
		recordsKey: resource.recordsKey,
		noun: resource.name.toLowerCase(),
	};
	const { statusIds } = settings;
	if (statusIds.length === 0) return { ...source, serverFilter: {}, matches: () => true };
	if (statusIds.length === 1) {
		return { ...source, serverFilter: statusFilter(statusIds), matches: () => true };
	}
	const wanted = new Set(statusIds);
	return {
		...source,
		serverFilter: {},
		matches: (record) => wanted.has(Number(record.order_status_id)),
	};
}
