/**
 * Which status transitions one order object shows, each with the date CartRover stamped for it.
 * Pure functions over the list's order objects.
 *
 * CartRover filters each status's list on a different date (reference §5, from the official docs as a
 * third-party client quotes them): new → order created, at_wms → delivered to the WMS, shipped →
 * shipment loaded, confirmed → shipment sent to the cart, error → error raised, canceled → canceled.
 * An order object keeps the dates of the statuses it went through (`created_date_time`,
 * `delivered_to_wms_date`, `shipments[].date`, `cancel_date`), so an order that moved through two
 * statuses between polls shows both transitions. Confirmed and error have no documented date field of
 * their own: they are seen while the order is in them, dated by `updated_date_time`.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventOf, isOrderStatus, type OrderStatus } from './events';

export interface Transition {
	status: OrderStatus;
	/** When CartRover stamped it: epoch seconds (CartRover's dates are whole seconds). */
	at: number;
}

export interface OrderTransitions {
	/** "order_source NUL cust_ref": cust_ref is unique per cart (reference §4.1), not per merchant. */
	identity: string;
	/** In the order they happened (date, then the order of statuses in an order's life). */
	transitions: Transition[];
	/** The date the `any` list filtered this order on (its current status's), or the newest seen. */
	listedAt: number | undefined;
	/** Its status is shipped or confirmed but the list gave no shipment with tracking: read its status. */
	lacksTracking: boolean;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A CartRover timestamp as epoch seconds. CartRover returns ISO 8601 in UTC, e.g.
 * `2018-08-27T02:24:58+00:00` (spec page, "Timestamps"); a value without an offset is read as UTC too.
 */
export function epochSecondsOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const iso = LOCAL_DATE_TIME.test(text) ? `${text.replace(' ', 'T')}Z` : text;
	if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return undefined; // a bare date (order_date) is not an instant
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** `from_date` as CartRover prints its own dates; the transport sends its `+` as %2B. */
export function cartRoverDate(epochSeconds: number): string {
	return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function identityOf(order: IDataObject): string | undefined {
	const custRef = order.cust_ref;
	if ((typeof custRef !== 'string' && typeof custRef !== 'number') || String(custRef) === '')
		return undefined;
	const source = typeof order.order_source === 'string' ? order.order_source : '';
	return `${source}\u0000${String(custRef)}`;
}

export function shipmentsWithTracking(order: IDataObject): IDataObject[] {
	const shipments = Array.isArray(order.shipments) ? order.shipments : [];
	return shipments.filter(
		(shipment): shipment is IDataObject =>
			!!shipment &&
			typeof shipment === 'object' &&
			typeof (shipment as IDataObject).tracking_no === 'string' &&
			((shipment as IDataObject).tracking_no as string).trim() !== '',
	);
}

/**
 * Shipment dates (when CartRover loaded each one): the first is when the order entered shipped; the
 * newest is what the shipped list filters on. A second shipment (partial shipping) is no new status.
 */
function shipmentDates(order: IDataObject): number[] {
	return shipmentsWithTracking(order)
		.map((shipment) => epochSecondsOf(shipment.date))
		.filter((at): at is number => at !== undefined)
		.sort((a, b) => a - b);
}

function currentStatusOf(order: IDataObject): OrderStatus | undefined {
	const status = typeof order.order_status === 'string' ? order.order_status.trim() : '';
	return isOrderStatus(status) ? status : undefined;
}

/** The date of each status the order shows it went through (undefined: not shown). */
function datesOf(
	order: IDataObject,
	current: OrderStatus | undefined,
): Record<OrderStatus, number | undefined> {
	const updated = epochSecondsOf(order.updated_date_time);
	const whileIn = (status: OrderStatus) => (current === status ? updated : undefined);
	const shipped = shipmentDates(order);
	const hasTracking = shipmentsWithTracking(order).length > 0;
	return {
		new: epochSecondsOf(order.created_date_time),
		at_wms: epochSecondsOf(order.delivered_to_wms_date),
		shipped: hasTracking ? (shipped[0] ?? whileIn('shipped')) : undefined,
		confirmed: whileIn('confirmed'),
		error: whileIn('error'),
		canceled: epochSecondsOf(order.cancel_date) ?? whileIn('canceled'),
	};
}

/** The date the list filtered the order on: its current status's (the newest shipment's, when shipped). */
function listedAtOf(
	order: IDataObject,
	current: OrderStatus | undefined,
	dates: Record<OrderStatus, number | undefined>,
): number | undefined {
	const shipped = shipmentDates(order);
	if (current === 'shipped' && shipped.length > 0) return shipped[shipped.length - 1];
	return (current && dates[current]) ?? epochSecondsOf(order.updated_date_time);
}

/**
 * Statuses dated by a field of their own, stamped when the order enters them: a newer date there is
 * the order entering the status again. Confirmed and error are dated by `updated_date_time`, which
 * any later edit moves, so a newer date there says nothing.
 */
export const hasOwnDate = (status: OrderStatus): boolean =>
	status !== 'confirmed' && status !== 'error';

const byTime = (a: Transition, b: Transition): number =>
	a.at - b.at || eventOf(a.status)!.rank - eventOf(b.status)!.rank;

export function transitionsOf(order: IDataObject): OrderTransitions | undefined {
	const identity = identityOf(order);
	if (identity === undefined) return undefined;
	const current = currentStatusOf(order);
	const dates = datesOf(order, current);
	const transitions = (Object.keys(dates) as OrderStatus[])
		.filter((status) => dates[status] !== undefined)
		.map((status) => ({ status, at: dates[status]! }))
		.sort(byTime);
	const newest = transitions.length === 0 ? undefined : transitions[transitions.length - 1].at;
	const listedAt = listedAtOf(order, current, dates) ?? newest;
	return {
		identity,
		transitions,
		listedAt,
		lacksTracking:
			(current === 'shipped' || current === 'confirmed') &&
			shipmentsWithTracking(order).length === 0,
	};
}
