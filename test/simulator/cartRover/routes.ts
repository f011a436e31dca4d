/**
 * CartRover's endpoints (reference §3.1–3.3), one table: method, path pattern (below /v1), the API
 * levels whose keys may call it, whether it is rate limited, and the handler.
 */
import { checkNewOrder } from './create';
import {
	advanceOrder,
	canAdvance,
	formatUtc,
	LIST_FILTERS,
	orderJson,
	statusDate,
	statusJson,
	toMillis,
	type WireOptions,
} from './orders';
import { inventoryJson, productJson, type SeedData, type SimProduct } from './seed';
import type {
	CartRoverErrorCode,
	CartRoverLevel,
	CartRoverSimOptions,
	CartRoverSimOrder,
} from './types';

export type HandlerResult =
	| { kind: 'ok'; response?: unknown }
	/** Create order: its fields at the top level of the envelope (ExtRuby `create.json`). */
	| { kind: 'top'; fields: Record<string, unknown> }
	| { kind: 'error'; errorCode: CartRoverErrorCode; message: string; status?: number };

export interface SimState {
	data: SeedData;
	orders: Map<string, CartRoverSimOrder>;
	nextRecordNo: number;
	cartSource: string;
	quirks: NonNullable<CartRoverSimOptions['quirks']>;
}

export interface HandlerContext {
	state: SimState;
	level: CartRoverLevel;
	params: string[];
	query: Record<string, string>;
	body: unknown;
	bodyInvalid: boolean;
	now: string;
}

export interface Route {
	method: 'GET' | 'POST';
	pattern: RegExp;
	levels: readonly CartRoverLevel[];
	rateLimited: boolean;
	handle(context: HandlerContext): HandlerResult;
}

const invalid = (message: string): HandlerResult => ({
	kind: 'error',
	errorCode: 'Invalid',
	message,
});
const ok = (response?: unknown): HandlerResult => ({ kind: 'ok', response });
const flag = (value: string | undefined): boolean => value?.toUpperCase() === 'Y';

function wireOptions(query: Record<string, string>): WireOptions {
	return {
		includeFilteredItems: flag(query.include_filtered_items),
		includeOrderExtras: flag(query.include_order_extras),
		includeLineExtras: flag(query.include_line_extras),
	};
}

/**
 * A date parameter as a PHP server reads it. A `+` sent raw was already decoded to a space, so
 * `2024-05-01T10:00:00 05:00` is read as 10:00 UTC, the offset lost: wrong results, no error
 * (the spec page: "YOU MUST encode the plus symbol (+) as %2B").
 */
export function readDateParam(value: string): number | undefined {
	const text = value.trim();
	const lostOffset = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) \d{2}:?\d{2}$/.exec(
		text,
	);
	if (lostOffset) return Date.parse(`${lostOffset[1]}Z`);
	const dateOnly = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (dateOnly) return Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
	const sql = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/.exec(text);
	if (sql) return Date.parse(`${sql[1]}T${sql[2]}Z`);
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return undefined;
}

/** `page` (from 1) and `limit` (default 20, at most 100: reference §8). */
function paging(
	query: Record<string, string>,
	maxLimit: number,
): { page: number; limit: number } | string {
	const limitText = query.limit ?? '20';
	const pageText = query.page ?? '1';
	if (!/^\d+$/.test(limitText)) return 'limit must be a whole number';
	if (!/^\d+$/.test(pageText)) return 'page must be a whole number';
	const limit = Math.min(Math.max(1, Number(limitText)), maxLimit);
	return { page: Math.max(1, Number(pageText)), limit };
}

function pageOf<T>(items: T[], query: Record<string, string>, state: SimState): T[] | string {
	const paged = paging(query, state.quirks.maxLimit ?? 100);
	if (typeof paged === 'string') return paged;
	const page = state.quirks.ignorePage ? 1 : paged.page;
	return items.slice((page - 1) * paged.limit, page * paged.limit);
}

function listOrders(context: HandlerContext, sources: string[] | undefined): HandlerResult {
	const [status] = context.params;
	const filter = LIST_FILTERS[status];
	if (!filter) return invalid(`Invalid order status filter: ${status}`);
	const bounds: Record<string, number> = {};
	for (const name of ['from_date', 'to_date']) {
		const raw = context.query[name];
		if (raw === undefined || raw === '') continue;
		const parsed = readDateParam(raw);
		if (parsed === undefined) return invalid(`Invalid ${name}: ${raw}`);
		// Compared in whole seconds, as a DATETIME column stores them.
		bounds[name] = Math.floor(parsed / 1000) * 1000;
	}
	const orders = [...context.state.orders.values()]
		.filter((order) => !sources || sources.includes(order.order_source))
		.filter((order) => filter(order))
		.filter((order) => {
			const at = toMillis(statusDate(order));
			return (
				(bounds.from_date === undefined || at >= bounds.from_date) &&
				(bounds.to_date === undefined || at <= bounds.to_date)
			);
		})
		.sort((a, b) => a.record_no - b.record_no);
	const page = pageOf(orders, context.query, context.state);
	if (typeof page === 'string') return invalid(page);
	const options = { ...wireOptions(context.query), listFields: true };
	return ok(page.map((order) => orderJson(order, options)));
}

function findOrder(context: HandlerContext, cartOnly: boolean): CartRoverSimOrder | HandlerResult {
	const custRef = context.params[0];
	const order = context.state.orders.get(custRef);
	if (!order || (cartOnly && order.order_source !== context.state.cartSource))
		return invalid(`Order not found: ${custRef}`);
	return order;
}

const isResult = (value: unknown): value is HandlerResult =>
	typeof value === 'object' && value !== null && 'kind' in value;

function createOne(context: HandlerContext, body: unknown): HandlerResult {
	const check = checkNewOrder(body, {
		source: context.state.cartSource,
		recordNo: context.state.nextRecordNo,
		now: context.now,
	});
	if (!check.ok) return { kind: 'error', errorCode: check.errorCode, message: check.message };
	if (context.state.orders.has(check.order.cust_ref))
		return { kind: 'error', errorCode: 'Failure', message: 'OrderDuplicate' };
	context.state.orders.set(check.order.cust_ref, check.order);
	context.state.nextRecordNo++;
	return {
		kind: 'top',
		fields: { cust_ref: check.order.cust_ref, order_number: check.order.order_number },
	};
}

function createBatch(context: HandlerContext): HandlerResult {
	if (!Array.isArray(context.body)) return invalid('Batch body must be a JSON array of orders');
	const success: Array<Record<string, unknown>> = [];
	const failed: Array<Record<string, unknown>> = [];
	context.body.forEach((entry: unknown, index) => {
		const record =
			typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
		const result = createOne(context, entry);
		const ids = { cust_ref: record.cust_ref ?? null, cust_po_no: record.cust_po_no ?? null };
		if (result.kind === 'top') success.push(ids);
		else if (result.kind === 'error')
			failed.push({ ...ids, message: result.message, index_pos: index });
	});
	return ok({ success, failed });
}

function findProduct(state: SimState, sku: string): SimProduct | undefined {
	return state.data.products.find((product) => product.sku === sku);
}

const MERCHANT_READERS: readonly CartRoverLevel[] = ['merchant', 'cart'];

export const ROUTES: Route[] = [
	{
		method: 'POST',
		pattern: /^cart\/orders\/cartrover$/,
		levels: ['cart'],
		// "Currently the New Order API endpoint is NOT rate limited" (spec page).
		rateLimited: false,
		handle: (context) =>
			Array.isArray(context.body)
				? invalid('Send one order object; use /cart/orders/batch for several')
				: createOne(context, context.body),
	},
	{
		method: 'POST',
		pattern: /^cart\/orders\/batch$/,
		levels: ['cart'],
		rateLimited: true,
		handle: createBatch,
	},
	{
		method: 'GET',
		pattern: /^cart\/orders\/list\/([^/]+)$/,
		levels: ['cart'],
		rateLimited: true,
		handle: (context) => listOrders(context, [context.state.cartSource]),
	},
	{
		method: 'GET',
		pattern: /^cart\/orders\/status\/([^/]+)$/,
		levels: ['cart'],
		rateLimited: true,
		handle: (context) => {
			const order = findOrder(context, true);
			return isResult(order) ? order : ok(statusJson(order));
		},
	},
	{
		method: 'GET',
		pattern: /^cart\/orders\/wms_cancel\/([^/]+)$/,
		levels: ['cart'],
		rateLimited: true,
		handle: (context) => {
			const order = findOrder(context, true);
			if (isResult(order)) return order;
			if (order.order_status === 'canceled')
				return ok({ success: true, message: 'Order already canceled' });
			if (!canAdvance(order, 'canceled'))
				return ok({
					success: false,
					message: `Order is ${order.order_status}; it cannot be canceled`,
				});
			advanceOrder(order, 'canceled', context.now);
			return ok({ success: true, message: '' });
		},
	},
	{
		method: 'POST',
		pattern: /^cart\/orders\/update\/([^/]+)$/,
		levels: ['cart'],
		rateLimited: true,
		handle: (context) => confirmOrder(context),
	},
	{
		method: 'GET',
		pattern: /^cart\/orders\/([^/]+)$/,
		levels: ['cart'],
		rateLimited: true,
		handle: (context) => {
			const order = findOrder(context, true);
			return isResult(order) ? order : ok(orderJson(order, wireOptions(context.query)));
		},
	},
	{
		method: 'GET',
		pattern: /^cart\/list$/,
		levels: ['cart', 'merchant'],
		rateLimited: true,
		handle: (context) => ok(context.state.data.carts),
	},
	{
		method: 'GET',
		pattern: /^cart\/listall$/,
		levels: ['cart', 'merchant'],
		rateLimited: true,
		handle: (context) => ok(context.state.data.cartTypes),
	},
	{
		method: 'GET',
		pattern: /^cart\/shipmethod\/list\/([^/]+)$/,
		levels: ['cart', 'merchant'],
		rateLimited: true,
		handle: (context) => {
			const list = context.state.data.cartShipMethods.get(context.params[0]);
			return list ? ok(list) : invalid(`Unknown order source: ${context.params[0]}`);
		},
	},
	{
		method: 'POST',
		pattern: /^cart\/shipmethod\/([^/]+)$/,
		levels: ['cart', 'merchant'],
		rateLimited: true,
		handle: (context) => updateShipMethods(context),
	},
	{
		method: 'GET',
		pattern: /^merchant\/orders\/list\/([^/]+)$/,
		levels: ['merchant'],
		rateLimited: true,
		handle: (context) => {
			const source = context.query.order_source;
			return listOrders(context, source ? [source] : undefined);
		},
	},
	{
		method: 'GET',
		pattern: /^merchant\/orders\/status\/([^/]+)$/,
		levels: ['merchant'],
		rateLimited: true,
		handle: (context) => {
			const order = findOrder(context, false);
			return isResult(order) ? order : ok(statusJson(order));
		},
	},
	{
		method: 'GET',
		pattern: /^merchant\/orders\/([^/]+)$/,
		levels: ['merchant'],
		rateLimited: true,
		handle: (context) => {
			const order = findOrder(context, false);
			return isResult(order) ? order : ok(orderJson(order, wireOptions(context.query)));
		},
	},
	{
		method: 'GET',
		pattern: /^merchant\/inventory$/,
		// ExtRuby reads inventory with Cart keys (reference §3.1): allowed for both.
		levels: MERCHANT_READERS,
		rateLimited: true,
		handle: (context) => {
			const page = pageOf(context.state.data.products, context.query, context.state);
			return typeof page === 'string' ? invalid(page) : ok(page.map(inventoryJson));
		},
	},
	{
		method: 'GET',
		pattern: /^merchant\/inventory\/([^/]+)$/,
		levels: MERCHANT_READERS,
		rateLimited: true,
		handle: (context) => {
			const product = findProduct(context.state, context.params[0]);
			return product ? ok(inventoryJson(product)) : invalid(`SKU not found: ${context.params[0]}`);
		},
	},
	{
		method: 'GET',
		pattern: /^merchant\/product\/([^/]+)$/,
		levels: MERCHANT_READERS,
		rateLimited: true,
		handle: (context) => {
			const product = findProduct(context.state, context.params[0]);
			return product ? ok(productJson(product)) : invalid(`SKU not found: ${context.params[0]}`);
		},
	},
	{
		method: 'GET',
		pattern: /^wms\/shipmethod\/list$/,
		levels: ['wms', 'cart'],
		rateLimited: true,
		handle: (context) => ok(context.state.data.wmsShipMethods),
	},
];

/**
 * The cart acknowledges tracking: `{order_status: "confirmed", shipments: [{tracking_no}]}` →
 * `{success_code: true}` (ExtRuby `update_status_confirmed*.json`); only a shipped order has tracking.
 */
function confirmOrder(context: HandlerContext): HandlerResult {
	const order = findOrder(context, true);
	if (isResult(order)) return order;
	const body = (
		typeof context.body === 'object' && context.body !== null ? context.body : {}
	) as Record<string, unknown>;
	if (body.order_status !== 'confirmed') return invalid('order_status must be "confirmed"');
	if (order.order_status !== 'shipped' && order.order_status !== 'confirmed')
		return invalid(`Order is ${order.order_status}; only a shipped order can be confirmed`);
	const shipments = Array.isArray(body.shipments) ? body.shipments : [];
	const known = new Set(order.shipments.map((shipment) => shipment.tracking_no));
	const tracking: string[] = [];
	for (const shipment of shipments) {
		const number = (shipment as Record<string, unknown> | null)?.tracking_no;
		if (typeof number !== 'string' || !known.has(number))
			return invalid(`Unknown tracking_no: ${String(number)}`);
		tracking.push(number);
	}
	if (order.order_status === 'shipped') advanceOrder(order, 'confirmed', context.now);
	order.confirmed_tracking = [...new Set([...order.confirmed_tracking, ...tracking])];
	return ok();
}

/** Body: array of `{cart_code (required), wms_code (string, or null = pass through)}` (PHP client docblock). */
function updateShipMethods(context: HandlerContext): HandlerResult {
	const source = context.params[0];
	const list = context.state.data.cartShipMethods.get(source);
	if (!list) return invalid(`Unknown order source: ${source}`);
	if (!Array.isArray(context.body)) return invalid('Body must be a JSON array of ship methods');
	for (const [index, entry] of context.body.entries()) {
		const record = entry as Record<string, unknown> | null;
		if (!record || typeof record.cart_code !== 'string' || record.cart_code.trim() === '')
			return invalid(`Ship method ${index} missing required field(s): cart_code`);
		if (
			record.wms_code !== null &&
			record.wms_code !== undefined &&
			typeof record.wms_code !== 'string'
		)
			return invalid(`Ship method ${index}: wms_code must be text or null`);
	}
	for (const entry of context.body as Array<{ cart_code: string; wms_code?: string | null }>) {
		const existing = list.find((method) => method.cart_code === entry.cart_code);
		if (existing) existing.wms_code = entry.wms_code ?? null;
		else list.push({ cart_code: entry.cart_code, wms_code: entry.wms_code ?? null });
	}
	return ok(list);
}

export { formatUtc };
