import {
	parseListPage,
	UnexpectedResponseError,
	type CartComErrorBody,
	type CartComRecord,
	type ListPage,
} from './envelope';
import { warnUser } from '../../shared/http';
import { cartComTransportError } from './errors';
import { tryParseDateInput } from './filters';
import type { Query } from './query';
import {
	cartComRequest,
	getConnection,
	type CartComFunctions,
	type ConnectionInfo,
} from './request';

/** Cart.com's own default page size (what a request without `count` gets). */
export const DEFAULT_PAGE_SIZE = 100;
/**
 * The page the node asks for unless told otherwise: the API documents no maximum, and Airbyte's
 * live-tested client reads 1,000 per page (PR #14752). The rate limit counts requests, not records,
 * so the largest page the store honours is the fastest read.
 */
export const MAX_PAGE_SIZE = 1000;

/**
 * Stores that return fewer records than asked while more exist: the count they returned, per store
 * (credential host, and site for the router), so later reads in this process ask for that much
 * from the start. In process memory only: a restart (or another worker) learns it again with one
 * short first page, which costs no extra request.
 */
const storePageCaps = new Map<string, number>();

/** Forgets the learned page caps (tests and the bench start each store fresh). */
export function resetPageSizeCaps(): void {
	storePageCaps.clear();
}

/** The learned cap of this store, if it has shown one. */
export const learnedPageSizeCap = (connection: ConnectionInfo): number | undefined =>
	storePageCaps.get(connection.storeKey);

/**
 * The page size to ask for: the user's (1 to 1,000), else the largest; never more than the store
 * has been seen to return (asking more only gets a short page, with the same number of requests).
 */
export function listPageSize(connection: ConnectionInfo, requested?: number): number {
	const wanted = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(requested ?? MAX_PAGE_SIZE)));
	return Math.min(wanted, learnedPageSizeCap(connection) ?? MAX_PAGE_SIZE);
}

/**
 * A page shorter than asked while the store says more follow (next_page, and total_count beyond
 * it when given) is the store's cap: remembered for this store. The last page is short legitimately
 * and carries no next_page (or total_count says it is the last), so it never counts.
 */
function learnPageCap(
	connection: ConnectionInfo,
	request: PageRequest,
	page: FetchedPage,
	offset: number,
): number | undefined {
	const returned = page.records.length;
	if (returned === 0 || returned >= request.count || !page.hasNextPage) return undefined;
	if (page.totalCount !== undefined && offset + returned >= page.totalCount) return undefined;
	const known = storePageCaps.get(connection.storeKey);
	if (known === undefined || returned < known) storePageCaps.set(connection.storeKey, returned);
	return returned;
}
/**
 * A last bound for a store that keeps announcing pages of new records without a `total_count`:
 * 100,000 requests is 10 million records even at Cart.com's default page size of 100.
 */
const MAX_PAGES = 100_000;

export interface ListOptions {
	/** Path below /api/v1, e.g. `/orders` or `/orders/5/items`. */
	path: string;
	query?: Query;
	/** The records key we expect; the actual one is detected (see parseListPage). */
	recordsKey?: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	pageSize?: number;
	itemIndex?: number;
}

/** An unknown route answers 404 with this text; any other 404 on a list means "no (more) records". */
const isUnknownRoute = (body: CartComErrorBody | undefined) =>
	typeof body?.details === 'string' && /no resource matches/i.test(body.details);

export interface PageRequest {
	path: string;
	query?: Query;
	recordsKey?: string;
	page: number;
	count: number;
	itemIndex?: number;
	/** Records of the list surely before this page; default (page − 1) · count. */
	offset?: number;
}

export type FetchedPage = Pick<ListPage, 'records' | 'hasNextPage' | 'totalCount'> & {
	/** Set when this page showed the store's page cap (fewer records than asked, more to come). */
	cappedAt?: number;
};

/**
 * One page of a list and whether another follows; a 404 past page 1 (or on page 1, unless the
 * route itself is unknown) is an empty page. Shared by Get Many and the trigger's keyset paging.
 */
export async function fetchListPage(
	ctx: CartComFunctions,
	connection: ConnectionInfo,
	request: PageRequest,
): Promise<FetchedPage> {
	const { page } = request;
	const body = await cartComRequest.call(
		ctx,
		{
			method: 'GET',
			path: request.path,
			query: { ...request.query, count: request.count, page },
			itemIndex: request.itemIndex,
			allowNotFound: page > 1 ? true : (errorBody) => !isUnknownRoute(errorBody),
		},
		connection,
	);
	if (body === undefined) return { records: [], hasNextPage: false };
	try {
		const { records, hasNextPage, totalCount, notes } = parseListPage(body, request.recordsKey);
		for (const note of notes)
			warnUser(ctx, connection, `Cart.com GET ${request.path} page ${page}: ${note}`);
		const fetched: FetchedPage = { records, hasNextPage, totalCount };
		const cappedAt = learnPageCap(
			connection,
			request,
			fetched,
			request.offset ?? (page - 1) * request.count,
		);
		return cappedAt === undefined ? fetched : { ...fetched, cappedAt };
	} catch (error) {
		throw cartComTransportError(
			ctx.getNode(),
			`Cart.com GET ${request.path} page ${page}: ${error instanceof UnexpectedResponseError ? error.message : String(error)}`,
			'The store answered in a shape this node does not know. Please report it with the store version.',
			connection.secrets,
			request.itemIndex,
		);
	}
}

/**
 * Yields the pages of a list, re-sending our own parameters with page+1 while `next_page` exists
 * (whether Cart.com's next_page URL keeps filters is unproven). A 404 past the first page is the end,
 * as documented. Records already yielded (same id) are skipped, so a record that moves between
 * pages while we read is not returned twice.
 *
 * Pages are as large as the store honours (see listPageSize). A store that caps the page returns
 * fewer than asked while more follow: from then on the node asks for that many, and the page number
 * is recomputed from the records read so far (page N of count C starts at (N−1)·C, so keeping the
 * number with a new count would skip records). When the records read are not a whole number of new
 * pages, the new page starts a little earlier and the records read twice are dropped by id.
 *
 * A server that ignores `page` would announce more pages forever: reading stops at a page that adds
 * no record not seen before, and never goes past the `total_count` the store announced.
 */
export async function* iterateListPages(
	this: CartComFunctions,
	options: ListOptions,
): AsyncGenerator<CartComRecord[]> {
	const connection = await getConnection(this, options.itemIndex);
	const limit = options.limit;
	const pageSize = listPageSize(connection, options.pageSize);
	let count = limit !== undefined ? Math.min(pageSize, Math.max(1, limit)) : pageSize;
	const seenIds = new Set<unknown>();
	let returned = 0;
	let page = 1;
	let learnedCap: number | undefined;

	for (let request = 1; request <= MAX_PAGES; request++) {
		const fetched = await fetchListPage(this, connection, {
			path: options.path,
			query: options.query,
			recordsKey: options.recordsKey,
			page,
			count,
			itemIndex: options.itemIndex,
			offset: Math.min((page - 1) * count, returned),
		});
		const { records, hasNextPage, totalCount } = fetched;
		const fresh: CartComRecord[] = [];
		let repeated = 0;
		for (const record of records) {
			const id = record.id;
			if (id !== undefined && id !== null) {
				if (seenIds.has(id)) {
					repeated++;
					continue;
				}
				seenIds.add(id);
			}
			fresh.push(record);
			if (limit !== undefined && returned + fresh.length >= limit) break;
		}
		returned += fresh.length;
		if (fresh.length > 0) yield fresh;
		if (limit !== undefined && returned >= limit) return;
		// How far into the store's list we have surely read: its offset after this page, or the
		// records read so far if fewer (a store that changed its cap mid-read may have counted the
		// page in the new size, so this page may have repeated records instead of following them).
		const position = Math.min((page - 1) * count + records.length, returned);
		const ended =
			!hasNextPage || records.length === 0 || (totalCount !== undefined && position >= totalCount);
		const capped = !ended && fetched.cappedAt !== undefined && fetched.cappedAt < count;
		if (ended || (!capped && fresh.length === 0 && repeated > 0)) {
			warnIfShort(this, connection, options, {
				page,
				count,
				returned,
				totalCount,
				lastPageFull: records.length >= count,
			});
			if (!ended) {
				// Short pages from a store that ignores `page` were no cap: do not keep one learned here.
				if (learnedCap !== undefined && storePageCaps.get(connection.storeKey) === learnedCap)
					storePageCaps.delete(connection.storeKey);
				warnUser(
					this,
					connection,
					`Cart.com GET ${options.path} page ${page} repeated records already read, so reading stopped there (the store may be ignoring the page parameter).`,
				);
			}
			return;
		}
		if (capped && fetched.cappedAt !== undefined) {
			count = learnedCap = fetched.cappedAt;
			page = Math.floor(position / count) + 1;
		} else {
			page++;
		}
	}
	throw cartComTransportError(
		this.getNode(),
		`Cart.com GET ${options.path} kept announcing more pages after ${MAX_PAGES} pages`,
		'Reading stopped at this bound. Narrow the list with filters, or read it in parts (e.g. by date).',
		connection.secrets,
		options.itemIndex,
	);
}

/** A full last page while the store counted more records than were read: some may be missing. */
function warnIfShort(
	ctx: CartComFunctions,
	connection: ConnectionInfo,
	options: ListOptions,
	read: {
		page: number;
		count: number;
		returned: number;
		totalCount?: number;
		lastPageFull: boolean;
	},
): void {
	if (options.limit !== undefined || read.totalCount === undefined) return;
	if (!read.lastPageFull || read.returned >= read.totalCount) return;
	warnUser(
		ctx,
		connection,
		`Cart.com GET ${options.path} reported ${read.totalCount} records, but reading ended after ${read.returned} (page ${read.page} of ${read.count}). Records may have been deleted meanwhile, or the store stopped paging early.`,
	);
}

/** Collects a list (all of it, or up to `limit`). */
export async function cartComGetMany(
	this: CartComFunctions,
	options: ListOptions,
): Promise<CartComRecord[]> {
	const all: CartComRecord[] = [];
	for await (const page of iterateListPages.call(this, options)) {
		for (const record of page) all.push(record);
	}
	return all;
}

type SortValue = number | string | null;

/** A field's value as Cart.com orders it: numbers, dates as instants, text without case; empty first. */
function sortValue(value: unknown): SortValue {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string') {
		if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
			const instant = tryParseDateInput(value);
			if (instant) return instant.toMillis();
		}
		return value.toLowerCase();
	}
	return JSON.stringify(value);
}

function compareSortValues(a: SortValue, b: SortValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number') return -1;
	if (typeof b === 'number') return 1;
	return a < b ? -1 : 1;
}

/**
 * Records in the order of a Cart.com `sort` (`f1,-f2`; ties by ID ascending), for lists the node
 * puts together itself: several queries merged, or a list read in ID order and then sorted.
 */
export function sortRecordsBy(records: CartComRecord[], sort: string | undefined): CartComRecord[] {
	const keys = (sort ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) =>
			part.startsWith('-')
				? { field: part.slice(1), direction: -1 }
				: { field: part.replace(/^\+/, ''), direction: 1 },
		);
	keys.push({ field: 'id', direction: 1 });
	const decorated = records.map((record) => ({
		record,
		values: keys.map((key) => sortValue(record[key.field])),
	}));
	decorated.sort((a, b) => {
		for (let i = 0; i < keys.length; i++) {
			const difference = compareSortValues(a.values[i], b.values[i]);
			if (difference !== 0) return difference * keys[i].direction;
		}
		return 0;
	});
	return decorated.map((entry) => entry.record);
}
