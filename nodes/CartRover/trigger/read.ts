/**
 * The trigger's requests: pages of `GET /{cart|merchant}/orders/list/any?from_date=…`, and a status
 * read for a shipped order the list gave without tracking.
 *
 * Why one list, `any`: each status's list filters `from_date` on that status's own date (reference §5),
 * so `any` (every status) lists an order again whenever it enters a status; one request per poll
 * covers every event, however many are selected. The order object carries the dates of the statuses it
 * went through (transitions.ts), so an order that moved twice between polls yields both transitions.
 * Six per-status lists would cost six requests per idle poll and still miss an order that passed
 * through a status between two polls.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cartRoverRequest, MAX_PAGE_SIZE, pathSegment, type Query } from '../transport';
import type { PollDeadline } from '../../shared/poll';
import type { TriggerSettings } from './settings';
import { cartRoverDate, transitionsOf } from './transitions';

export const PAGE_SIZE = MAX_PAGE_SIZE;

export interface ListPage {
	orders: IDataObject[];
	serverDate: string | undefined;
}

const ordersBase = (settings: TriggerSettings) => `/${settings.level}/orders`;

function ordersOf(ctx: IPollFunctions, response: unknown, page: number): IDataObject[] {
	if (response === undefined || response === null || response === '') return [];
	if (Array.isArray(response) && response.every((entry) => entry && typeof entry === 'object'))
		return response as IDataObject[];
	if (typeof response === 'object' && Object.keys(response).length === 0) return [];
	throw new NodeOperationError(
		ctx.getNode(),
		`CartRover's order list (page ${page}) is not a list of orders`,
		{
			description:
				'Nothing was emitted and the trigger’s position was kept; the next poll reads again.',
		},
	);
}

/** One page of every order whose current status was stamped at or after `from` (epoch seconds). */
export async function fetchListPage(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	from: number,
	page: number,
	limit = PAGE_SIZE,
): Promise<ListPage> {
	const query: Query = { from_date: cartRoverDate(from), limit, page };
	if (settings.orderSource !== undefined) query.order_source = settings.orderSource;
	const answer = await cartRoverRequest.call(ctx, {
		method: 'GET',
		path: `${ordersBase(settings)}/list/any`,
		query,
	});
	return { orders: ordersOf(ctx, answer.response, page), serverDate: answer.serverDate };
}

/** `GET /{level}/orders/status/{cust_ref}`: status plus shipments (reference §3.1). */
export async function fetchShipments(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	custRef: string,
): Promise<IDataObject[]> {
	const answer = await cartRoverRequest.call(ctx, {
		method: 'GET',
		path: `${ordersBase(settings)}/status/${pathSegment(custRef)}`,
	});
	const status = answer.response as IDataObject | undefined;
	return Array.isArray(status?.shipments) ? (status.shipments as IDataObject[]) : [];
}

export interface ListRead {
	/** Every order read, in the order read. */
	orders: IDataObject[];
	complete: boolean;
	/** When not complete: the next page to read. */
	nextPage?: number;
	pages: number;
	/** CartRover's time at the first page: its Date header, else the newest date on that page. */
	startedAt?: number;
}

/** The `Date` header (RFC 9110 §5.6.7, e.g. `Wed, 02 Dec 2026 17:12:46 GMT`) as epoch seconds. */
export function httpDateSeconds(value: string | undefined): number | undefined {
	const ms = value === undefined ? NaN : Date.parse(value);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

function timeOfPage(page: ListPage): number | undefined {
	const header = httpDateSeconds(page.serverDate);
	if (header !== undefined) return header;
	const dates = page.orders
		.map((order) => transitionsOf(order)?.listedAt)
		.filter((at): at is number => at !== undefined);
	return dates.length === 0 ? undefined : Math.max(...dates);
}

/**
 * How many orders a page of this account holds, as seen: CartRover caps `limit` at 100 (reference
 * §8), but a server that caps lower would make every page look like the last one and the cursor
 * would skip the rest. The first non-empty page shorter than asked is therefore followed by one more
 * request: empty, the server honours 100; not empty, its pages hold what that page held. A full page
 * of 100 says the same for free. Kept per account for the life of the process (one extra request
 * per process, at most).
 */
const pageSizes = new Map<string, number>();

export const accountKeyOf = (settings: TriggerSettings): string =>
	[settings.account.baseUrl, settings.account.apiUser, settings.level].join('\u0000');

/** Tests: forget what was learned. */
export function forgetPageSizes(): void {
	pageSizes.clear();
}

const signatureOf = (orders: IDataObject[]) =>
	JSON.stringify(orders.map((order) => [order.order_source, order.cust_ref]));

function ignoresPage(ctx: IPollFunctions, page: number): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`CartRover's order list answered page ${page} with page ${page - 1} again, so it ignores "page"`,
		{
			description:
				'Nothing was emitted and the trigger’s position was kept: going on would double or miss orders. Ask CartRover support about paging of orders/list/any (include the X-CartRover-Process-ID).',
		},
	);
}

/**
 * Pages `from_date=from` from `startPage` until the last page (complete), or until the poll's
 * deadline (not complete: the next poll goes on at `nextPage`). The first request is always made.
 */
export async function readList(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	from: number,
	startPage: number,
	deadline: PollDeadline,
): Promise<ListRead> {
	const account = accountKeyOf(settings);
	const orders: IDataObject[] = [];
	let previous: string | undefined;
	/** Set while checking whether a short page was the last: how many orders it held. */
	let probing: number | undefined;
	let startedAt: number | undefined;
	for (let page = startPage; ; page++) {
		if (page > startPage && !deadline.allowsAnotherRequest())
			return { orders, complete: false, nextPage: page, pages: page - startPage, startedAt };
		const read = await deadline.track(async () => await fetchListPage(ctx, settings, from, page));
		if (page === startPage) startedAt = timeOfPage(read);
		const last = { orders, complete: true, pages: page - startPage + 1, startedAt };
		const count = read.orders.length;
		const signature = signatureOf(read.orders);
		if (count > 0 && signature === previous) {
			if (probing === undefined) throw ignoresPage(ctx, page);
			// The short page answered again: it held every order there is (the server repeats it for any page).
			pageSizes.set(account, PAGE_SIZE);
			return last;
		}
		orders.push(...read.orders);
		if (probing !== undefined) {
			pageSizes.set(account, count === 0 ? PAGE_SIZE : probing);
			probing = undefined;
		}
		if (count === 0) return last;
		if (count >= PAGE_SIZE) pageSizes.set(account, PAGE_SIZE); // a full page: the server honours 100
		const pageSize = pageSizes.get(account);
		if (count < (pageSize ?? PAGE_SIZE)) {
			if (pageSize !== undefined) return last;
			probing = count;
		}
		previous = signature;
	}
}
