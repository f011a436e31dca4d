/**
 * Orders as CartRover keeps them: create (with its checks and price rules), the wire form, the
 * status lists with the date each status filters on, and the status moves of advance().
 * Sources: the spec page (https://versori.com/open-api-spec-library/cartrover-api, "Order Charge
 * Field Definitions", "Timestamps") and the public clients' fixtures named in each comment.
 */
import type {
	AdvanceTarget,
	CartRoverShipment,
	CartRoverSimLine,
	CartRoverSimOrder,
	CartRoverStatus,
} from './types';

/** `2018-08-27T02:24:58+00:00`: ISO 8601 in UTC, whole seconds (spec page, "Timestamps"). */
export function formatUtc(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}

export const toMillis = (timestamp: string): number => Date.parse(timestamp);

/** Money as CartRover answers it: a string with four decimals ("8.0000", ExtRuby fixtures). */
const money = (value: number): string => value.toFixed(4);
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** (price − discount) × quantity (spec page, "extended_amount"). */
export function extendedAmount(line: {
	price: number;
	discount: number;
	quantity: number;
}): number {
	return round2((line.price - line.discount) * line.quantity);
}

/** sub_total = Σ extended_amount; grand_total = sub_total + sales_tax + shipping_handling − order_discount. */
export function applyPriceRules(order: CartRoverSimOrder): void {
	for (const line of order.items) line.extended_amount = extendedAmount(line);
	order.sub_total = round2(order.items.reduce((sum, line) => sum + line.extended_amount, 0));
	order.grand_total = round2(
		order.sub_total + order.sales_tax + order.shipping_handling - order.order_discount,
	);
}

export const STATUSES: readonly CartRoverStatus[] = [
	'new',
	'at_wms',
	'shipped',
	'confirmed',
	'error',
	'canceled',
];

/** The filters of `/orders/list/{status}` (reference §5: the PHP fork, ExtRuby, 3rd-party TS/Python). */
export const LIST_FILTERS: Record<string, (order: CartRoverSimOrder) => boolean> = {
	...Object.fromEntries(
		STATUSES.map((status) => [status, (order: CartRoverSimOrder) => order.order_status === status]),
	),
	new_or_at_wms: (order) => order.order_status === 'new' || order.order_status === 'at_wms',
	shipped_or_confirmed: (order) =>
		order.order_status === 'shipped' || order.order_status === 'confirmed',
	partial: (order) =>
		order.order_status === 'shipped' && shippedQuantity(order) < totalQuantity(order),
	any: () => true,
};

export const totalQuantity = (order: CartRoverSimOrder): number =>
	order.items.reduce((sum, line) => sum + line.quantity, 0);

export const shippedQuantity = (order: CartRoverSimOrder): number =>
	order.shipments.reduce(
		(sum, shipment) => sum + shipment.items.reduce((count, item) => count + item.quantity, 0),
		0,
	);

/**
 * The date the order's current status lists filter on (reference §5, as the contract fixes it):
 * new → created, at_wms → delivered to the WMS, shipped → the newest shipment, canceled → canceled,
 * confirmed and error → updated (no dedicated field is documented).
 */
export function statusDate(order: CartRoverSimOrder): string {
	switch (order.order_status) {
		case 'new':
			return order.created_date_time;
		case 'at_wms':
			return order.delivered_to_wms_date ?? order.updated_date_time;
		case 'shipped': {
			const dates = order.shipments.map((shipment) => shipment.date).sort();
			return dates[dates.length - 1] ?? order.updated_date_time;
		}
		case 'canceled':
			return order.cancel_date ?? order.updated_date_time;
		default:
			return order.updated_date_time;
	}
}

/** Wire form of one line: quantities, line numbers and money as strings, flags Y/N (ExtRuby `retrieve.json`). */
function lineJson(line: CartRoverSimLine, includeExtras: boolean): Record<string, unknown> {
	const json: Record<string, unknown> = {
		line_no: String(line.line_no),
		item: line.item,
		Description: line.description,
		quantity: String(line.quantity),
		price: money(line.price),
		discount: money(line.discount),
		addl_discount: money(line.addl_discount),
		tax: money(line.tax),
		extended_amount: money(line.extended_amount),
		filtered_sku: line.filtered_sku,
		alt_sku: '',
		line_location: '',
		line_comment: line.line_comment ?? '',
	};
	if (includeExtras) json.extra_fields = line.extra_fields ?? {};
	return json;
}

function shipmentJson(shipment: CartRoverShipment): Record<string, unknown> {
	return {
		carrier: shipment.carrier,
		method: shipment.method,
		tracking_no: shipment.tracking_no,
		tracking_no_secondary: '',
		tracking_url: shipment.tracking_url,
		date: shipment.date,
		total_cost: money(shipment.total_cost),
		package_weight_lbs: money(shipment.package_weight_lbs),
		items: shipment.items.map((item) => ({ item: item.item, quantity: String(item.quantity) })),
	};
}

export interface WireOptions {
	includeFilteredItems?: boolean;
	includeOrderExtras?: boolean;
	includeLineExtras?: boolean;
	/** List answers add total_qty, num_to_ship, num_shipped (ExtRuby `list.json`). */
	listFields?: boolean;
}

/** An order as GET /orders/{cust_ref} answers it. */
export function orderJson(
	order: CartRoverSimOrder,
	options: WireOptions = {},
): Record<string, unknown> {
	const lines = order.items.filter(
		(line) => options.includeFilteredItems || line.filtered_sku === 'N',
	);
	const json: Record<string, unknown> = {
		...order.fields,
		record_no: String(order.record_no),
		cust_ref: order.cust_ref,
		cust_po_no: order.cust_po_no,
		order_source: order.order_source,
		order_status: order.order_status,
		order_date: order.order_date,
		created_date_time: order.created_date_time,
		updated_date_time: order.updated_date_time,
		delivered_to_wms_date: order.delivered_to_wms_date,
		cancel_date: order.cancel_date,
		error_reason: order.error_reason,
		sending_canceled: 'N',
		on_hold: 'N',
		sub_total: money(order.sub_total),
		sales_tax: money(order.sales_tax),
		shipping_handling: money(order.shipping_handling),
		order_discount: money(order.order_discount),
		grand_total: money(order.grand_total),
		items: lines.map((line) => lineJson(line, Boolean(options.includeLineExtras))),
		shipments: order.shipments.map(shipmentJson),
	};
	if (options.includeOrderExtras) json.extra_fields = order.extra_fields ?? {};
	if (options.listFields) {
		const total = totalQuantity(order);
		const shipped = shippedQuantity(order);
		json.total_qty = String(total);
		json.num_shipped = String(shipped);
		json.num_to_ship = String(Math.max(0, total - shipped));
	}
	return json;
}

/** GET /orders/status/{cust_ref} (ExtRuby `status.json`; the TS typings add updated_date_time, ship_country). */
export function statusJson(order: CartRoverSimOrder): Record<string, unknown> {
	return {
		cust_ref: order.cust_ref,
		cust_po_no: order.cust_po_no,
		order_status: order.order_status,
		delivered_to_wms_date: order.delivered_to_wms_date,
		updated_date_time: order.updated_date_time,
		ship_country: order.fields.ship_country ?? null,
		shipments: order.shipments.map(shipmentJson),
	};
}

const MOVES: Record<AdvanceTarget, readonly CartRoverStatus[]> = {
	at_wms: ['new', 'error'],
	shipped: ['new', 'at_wms', 'shipped'],
	confirmed: ['shipped'],
	error: ['new', 'at_wms'],
	canceled: ['new', 'at_wms', 'error'],
};

/** Which statuses an order may come from to reach `to`. */
export const canAdvance = (order: CartRoverSimOrder, to: AdvanceTarget): boolean =>
	MOVES[to].includes(order.order_status);

/**
 * Moves an order and stamps the date its new status filters on; earlier dates are kept (an order that
 * went new → at_wms → shipped still has its delivered_to_wms_date).
 */
export function advanceOrder(
	order: CartRoverSimOrder,
	to: AdvanceTarget,
	now: string,
	shipment: Partial<CartRoverShipment> = {},
): void {
	if (!canAdvance(order, to))
		throw new Error(`Order ${order.cust_ref} cannot go from ${order.order_status} to ${to}`);
	order.updated_date_time = now;
	switch (to) {
		case 'at_wms':
			order.delivered_to_wms_date = now;
			order.error_reason = null;
			break;
		case 'shipped':
			order.delivered_to_wms_date ??= now;
			order.shipments.push({
				carrier: 'UPS',
				method: 'Ground',
				tracking_no: `1Z${order.record_no.toString().padStart(6, '0')}${order.shipments.length + 1}`,
				tracking_url: '',
				date: now,
				total_cost: 7.5,
				package_weight_lbs: 1.2,
				items: order.items
					.filter((line) => line.filtered_sku === 'N')
					.map((line) => ({ item: line.item, quantity: line.quantity })),
				...shipment,
			});
			break;
		case 'error':
			order.error_reason = 'Ship method not mapped';
			break;
		case 'canceled':
			order.cancel_date = now;
			break;
		case 'confirmed':
			break;
	}
	order.order_status = to;
}
