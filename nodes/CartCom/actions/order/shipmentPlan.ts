/**
 * The pure part of Order → Create Shipment: which shipment a request means, whether the order
 * already has it, and which order items (and how many) it ships. No I/O here, so every rule is
 * testable on plain data.
 */
import { createHash } from 'crypto';
import { nestedRecords } from '../../helpers/records';
import type { CartComRecord } from '../../transport';

/** One requested line: an order item id or a SKU, and a quantity (undefined = all not yet shipped). */
export type RequestedLine =
	| { orderItemId: number; sku?: undefined; quantity?: number }
	| { sku: string; orderItemId?: undefined; quantity?: number };

export type ItemSelection = { mode: 'allUnshipped' } | { mode: 'listed'; lines: RequestedLine[] };

/**
 * A line of the shipment body: Cart.com wants the ORDER ITEM id, not the product id. A type rather
 * than an interface, so that a list of lines fits a request body as it is.
 */
export type ShipmentLine = {
	id: number;
	quantity_shipped: number;
};

/** A rule broken by the order's data (not by the parameters' format); the operation names the field. */
export class ShipmentPlanError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'ShipmentPlanError';
	}
}

/** Separators people use between tracking numbers; not spaces, which some carriers print inside one. */
const TRACKING_SEPARATORS = /[,;\r\n]+/;

/** Tracking numbers from text ("A, B" or one per line) or an array, trimmed, without repeats. */
export function parseTrackingNumbers(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.flatMap((entry) => String(entry ?? '').split(TRACKING_SEPARATORS))
		: String(value ?? '').split(TRACKING_SEPARATORS);
	const seen = new Set<string>();
	const numbers: string[] = [];
	for (const part of parts) {
		const number = part.trim();
		if (number && !seen.has(number.toUpperCase())) {
			seen.add(number.toUpperCase());
			numbers.push(number);
		}
	}
	return numbers;
}

/** Whether a stored shipment carries exactly these tracking numbers (any order, any case). */
export function hasSameTrackingNumbers(shipment: CartComRecord, numbers: string[]): boolean {
	if (numbers.length === 0) return false;
	const stored = new Set(
		parseTrackingNumbers(shipment.tracking_numbers).map((n) => n.toUpperCase()),
	);
	return stored.size === numbers.length && numbers.every((n) => stored.has(n.toUpperCase()));
}

const sameName = (a: unknown, b: string) =>
	typeof a === 'string' && a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * The existing shipment this request means: one with the same shipment name (Cart.com's own upsert
 * key per order, compared without case as the store's database does), else one with the same
 * tracking numbers.
 */
export function findExistingShipment(
	shipments: CartComRecord[],
	shipmentName: string | undefined,
	trackingNumbers: string[],
): CartComRecord | undefined {
	if (shipmentName) {
		const byName = shipments.find((shipment) => sameName(shipment.shipment_name, shipmentName));
		if (byName) return byName;
	}
	return shipments.find((shipment) => hasSameTrackingNumbers(shipment, trackingNumbers));
}

/**
 * The name that makes a re-run address the same shipment: the given one; else the tracking numbers;
 * else, for listed items, a fingerprint of the lines. Shipping "all unshipped items" without either
 * needs no name: once shipped, nothing is left for a re-run to ship.
 */
export function shipmentIdentity(
	explicitName: string | undefined,
	trackingNumbers: string[],
	selection: ItemSelection,
): string | undefined {
	if (explicitName) return explicitName;
	if (trackingNumbers.length) return trackingNumbers.join(',');
	if (selection.mode === 'allUnshipped') return undefined;
	const canonical = selection.lines
		.map(
			(line) =>
				`${line.orderItemId !== undefined ? `id:${line.orderItemId}` : `sku:${line.sku.toUpperCase()}`}x${line.quantity ?? 'all'}`,
		)
		.sort()
		.join('|');
	return `n8n-${createHash('sha256').update(canonical).digest('hex').slice(0, 12)}`;
}

/** The most recent shipment (highest id), e.g. to answer a re-run when nothing is left to ship. */
export function latestShipment(shipments: CartComRecord[]): CartComRecord | undefined {
	return shipments.reduce<CartComRecord | undefined>(
		(latest, shipment) => (!latest || Number(shipment.id) > Number(latest.id) ? shipment : latest),
		undefined,
	);
}

/** Quantity already shipped per order item id, summed over the order's shipments (items expanded). */
export function shippedQuantities(shipments: CartComRecord[]): Map<number, number> {
	const shipped = new Map<number, number>();
	for (const shipment of shipments) {
		for (const line of nestedRecords(shipment.items)) {
			const id = Number(line?.id);
			const quantity = Number(line?.quantity_shipped ?? 0);
			if (Number.isFinite(id) && Number.isFinite(quantity))
				shipped.set(id, (shipped.get(id) ?? 0) + quantity);
		}
	}
	return shipped;
}

const remainingOf = (item: CartComRecord, shipped: Map<number, number>) =>
	Math.max(0, Number(item.quantity ?? 0) - (shipped.get(Number(item.id)) ?? 0));

const isBoundTo = (parent: CartComRecord) => (line: CartComRecord) =>
	line.is_quantity_bound_to_parent === true &&
	line.parent_order_item_id !== null &&
	line.parent_order_item_id !== undefined &&
	Number(line.parent_order_item_id) === Number(parent.id);

/**
 * Why a line of the order is not shipped itself, or undefined for a line a warehouse picks. Discount
 * lines (`is_discount_item`) and non-shipping lines carry no goods. A kit's parent line whose
 * components are on the order with their quantity bound to it (`parent_order_item_id`,
 * `is_quantity_bound_to_parent`, docs/resources/order_items.md) is the bundle's price, not a box:
 * its components are the goods, so they ship and it does not (shipping both would count them twice).
 */
export function notShippedReason(
	item: CartComRecord,
	orderItems: CartComRecord[],
): string | undefined {
	if (item.is_discount_item === true) return 'is a discount line, which ships nothing';
	if (item.is_non_shipping_item === true) return 'is marked as a non-shipping item';
	const components = orderItems.filter(isBoundTo(item));
	if (components.length === 0) return undefined;
	return `is a kit whose components ship instead (order items ${components.map((line) => String(line.id)).join(', ')})`;
}

/** Every line a warehouse ships (see notShippedReason) with what is left of it. */
export function unshippedLines(
	orderItems: CartComRecord[],
	shipped: Map<number, number>,
): ShipmentLine[] {
	return orderItems
		.filter((item) => notShippedReason(item, orderItems) === undefined)
		.map((item) => ({ id: Number(item.id), quantity_shipped: remainingOf(item, shipped) }))
		.filter((line) => line.quantity_shipped > 0);
}

const skuMatches = (item: CartComRecord, sku: string) =>
	[item.item_number, item.item_number_full].some((value) => sameName(value, sku));

function addLine(lines: Map<number, number>, id: number, quantity: number) {
	lines.set(id, (lines.get(id) ?? 0) + quantity);
}

/** What a requested line is resolved against, and the shipment lines resolved so far. */
interface Resolution {
	orderId: number;
	orderItems: CartComRecord[];
	shipped: Map<number, number>;
	lines: Map<number, number>;
}

const freeOf = (item: CartComRecord, { shipped, lines }: Resolution) =>
	Math.max(0, remainingOf(item, shipped) - (lines.get(Number(item.id)) ?? 0));

/** A line listed by order item id: on the order, shipped by a warehouse, something left (or a quantity given). */
function addListedItem(line: { orderItemId: number; quantity?: number }, plan: Resolution): void {
	const { orderId, orderItems, shipped, lines } = plan;
	const item = orderItems.find((candidate) => Number(candidate.id) === line.orderItemId);
	if (!item) {
		throw new ShipmentPlanError(
			'Items',
			`order item ${line.orderItemId} is not on order ${orderId}`,
			'Use the ID of one of the order’s items (Order Item → Get Many with the Order ID filter).',
		);
	}
	const reason = notShippedReason(item, orderItems);
	if (reason) {
		throw new ShipmentPlanError(
			'Items',
			`order item ${line.orderItemId} ${reason}`,
			'Remove the line: only lines with goods are shipped (for a kit, list its components).',
		);
	}
	const quantity = line.quantity ?? remainingOf(item, shipped);
	if (quantity <= 0) {
		throw new ShipmentPlanError(
			'Items',
			`order item ${line.orderItemId} has nothing left to ship`,
			'Remove the line, or give a quantity.',
		);
	}
	addLine(lines, line.orderItemId, quantity);
}

/** A line listed by SKU: spread over the shippable lines carrying it, never beyond what is left. */
function addSku(line: { sku: string; quantity?: number }, plan: Resolution): void {
	const { orderId, orderItems, lines } = plan;
	const matching = orderItems.filter((item) => skuMatches(item, line.sku));
	if (matching.length === 0) {
		throw new ShipmentPlanError(
			'Items',
			`SKU "${line.sku}" is not on order ${orderId}`,
			'Check the SKU against the order’s items (their item number).',
		);
	}
	const candidates = matching.filter((item) => !notShippedReason(item, orderItems));
	if (candidates.length === 0) {
		throw new ShipmentPlanError(
			'Items',
			`SKU "${line.sku}" on order ${orderId} ${notShippedReason(matching[0], orderItems) ?? ''}`,
			'Remove the line: only lines with goods are shipped (for a kit, list its components’ SKUs).',
		);
	}
	const available = candidates.reduce((sum, item) => sum + freeOf(item, plan), 0);
	const wanted = line.quantity ?? available;
	if (wanted <= 0 || wanted > available) {
		throw new ShipmentPlanError(
			'Items',
			`SKU "${line.sku}": ${wanted <= 0 ? 'nothing' : `${wanted} requested but only ${available}`} left to ship on order ${orderId}`,
			'Lower the quantity, or leave it empty to ship what is left.',
		);
	}
	let left = wanted;
	for (const item of candidates) {
		const take = Math.min(freeOf(item, plan), left);
		if (take > 0) addLine(lines, Number(item.id), take);
		left -= take;
		if (left === 0) break;
	}
}

/**
 * Turns requested lines into shipment lines, checked against the order's items: a line that ships no
 * goods (notShippedReason) is refused, whether listed by id or only reachable through its SKU. A
 * quantity given with an order item id is sent as given (Cart.com checks it); a missing quantity
 * means "what is left of it".
 */
export function resolveLines(
	orderId: number,
	requested: RequestedLine[],
	orderItems: CartComRecord[],
	shipped: Map<number, number>,
): ShipmentLine[] {
	const plan: Resolution = { orderId, orderItems, shipped, lines: new Map() };
	for (const line of requested) {
		if (line.orderItemId !== undefined) addListedItem(line, plan);
		else addSku(line, plan);
	}
	return [...plan.lines].map(([id, quantity_shipped]) => ({ id, quantity_shipped }));
}
