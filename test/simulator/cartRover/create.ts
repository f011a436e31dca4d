/**
 * New orders (POST /cart/orders/cartrover and /cart/orders/batch): required fields, number checks,
 * and the stored totals. Required: cust_ref and items[] with item and quantity (the Ruby sample,
 * the PHP client's test/NewOrder.php), and the ship-to address lines the 3rd-party TypeScript
 * typings mark required (every public sample sends them).
 */
import { applyPriceRules } from './orders';
import type { CartRoverSimLine, CartRoverSimOrder } from './types';

const REQUIRED_HEADER = ['cust_ref', 'ship_address_1', 'ship_city', 'ship_zip', 'ship_country'];
const MANAGED = new Set([
	'items',
	'shipments',
	'order_status',
	'record_no',
	'created_date_time',
	'updated_date_time',
	'delivered_to_wms_date',
	'cancel_date',
	'extra_fields',
	'sub_total',
	'grand_total',
	'sales_tax',
	'shipping_handling',
	'order_discount',
]);

export type CreateCheck =
	| { ok: true; order: CartRoverSimOrder }
	| { ok: false; errorCode: 'Invalid'; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const present = (value: unknown): boolean =>
	value !== undefined && value !== null && String(value).trim() !== '';

/** A number as CartRover accepts it: a JSON number or a numeric string. */
function numberOf(value: unknown, fallback: number): number | undefined {
	if (value === undefined || value === null || value === '') return fallback;
	const parsed =
		typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(parsed) ? parsed : undefined;
}

function readLines(
	items: unknown,
): { lines: CartRoverSimLine[] } | { missing: string[] } | { invalid: string } {
	if (!Array.isArray(items) || items.length === 0) return { missing: ['items'] };
	const lines: CartRoverSimLine[] = [];
	const missing = new Set<string>();
	for (const [index, raw] of items.entries()) {
		if (!isObject(raw)) return { invalid: `items[${index}] must be an object` };
		if (!present(raw.item)) missing.add('items.item');
		if (!present(raw.quantity)) missing.add('items.quantity');
		if (missing.size > 0) continue;
		const quantity = numberOf(raw.quantity, 0);
		if (quantity === undefined || quantity <= 0)
			return { invalid: `items[${index}].quantity must be a number above 0` };
		const numbers: Record<string, number> = {};
		for (const field of ['price', 'discount', 'addl_discount', 'tax']) {
			const value = numberOf(raw[field], 0);
			if (value === undefined) return { invalid: `items[${index}].${field} must be a number` };
			numbers[field] = value;
		}
		lines.push({
			line_no: index + 1,
			item: String(raw.item),
			description: typeof raw.description === 'string' ? raw.description : '',
			quantity,
			price: numbers.price,
			discount: numbers.discount,
			addl_discount: numbers.addl_discount,
			tax: numbers.tax,
			extended_amount: 0,
			filtered_sku: 'N',
			line_comment: typeof raw.line_comment === 'string' ? raw.line_comment : undefined,
			extra_fields: isObject(raw.extra_fields) ? raw.extra_fields : undefined,
		});
	}
	return missing.size > 0 ? { missing: [...missing] } : { lines };
}

/** Checks a new order and builds what is stored; totals follow the spec page's price rules. */
export function checkNewOrder(
	body: unknown,
	context: { source: string; recordNo: number; now: string },
): CreateCheck {
	if (!isObject(body))
		return { ok: false, errorCode: 'Invalid', message: 'Order must be a JSON object' };
	const missing = REQUIRED_HEADER.filter((field) => !present(body[field]));
	const read = readLines(body.items);
	if ('missing' in read) missing.push(...read.missing);
	if (missing.length > 0)
		return {
			ok: false,
			errorCode: 'Invalid',
			message: `Order missing required field(s): ${missing.join(', ')}`,
		};
	if ('invalid' in read) return { ok: false, errorCode: 'Invalid', message: read.invalid };
	if (!('lines' in read))
		return { ok: false, errorCode: 'Invalid', message: 'Order missing required field(s): items' };
	const header: Record<string, number> = {};
	for (const field of ['sales_tax', 'shipping_handling', 'order_discount']) {
		const value = numberOf(body[field], 0);
		if (value === undefined)
			return { ok: false, errorCode: 'Invalid', message: `${field} must be a number` };
		header[field] = value;
	}
	const fields = Object.fromEntries(Object.entries(body).filter(([key]) => !MANAGED.has(key)));
	const order: CartRoverSimOrder = {
		record_no: context.recordNo,
		cust_ref: String(body.cust_ref),
		cust_po_no: present(body.cust_po_no) ? String(body.cust_po_no) : String(body.cust_ref),
		order_source: context.source,
		order_number: String(context.recordNo),
		order_status: 'new',
		order_date: present(body.order_date) ? String(body.order_date) : context.now.slice(0, 10),
		created_date_time: context.now,
		updated_date_time: context.now,
		delivered_to_wms_date: null,
		cancel_date: null,
		error_reason: null,
		confirmed_tracking: [],
		fields,
		sub_total: 0,
		sales_tax: header.sales_tax,
		shipping_handling: header.shipping_handling,
		order_discount: header.order_discount,
		grand_total: 0,
		items: read.lines,
		shipments: [],
		extra_fields: isObject(body.extra_fields) ? body.extra_fields : undefined,
	};
	applyPriceRules(order);
	return { ok: true, order };
}
