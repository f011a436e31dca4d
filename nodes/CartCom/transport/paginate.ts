import { parseListPage, UnexpectedResponseError, type CartComErrorBody, type CartComRecord, type ListPage } from './envelope';
import { cartComTransportError } from './errors';
import type { Query } from './query';
import { cartComRequest, getConnection, type CartComFunctions } from './request';

/** Cart.com's own default page size; the API documents no maximum (Airbyte reads 1,000 live). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

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
	/** Checked before each further page (e.g. a poll's time budget); true stops early. */
	shouldStop?: () => boolean;
}

/** An unknown route answers 404 with this text; any other 404 on a list means "no (more) records". */
const isUnknownRoute = (body: CartComErrorBody | undefined) =>
	typeof body?.details === 'string' && /no resource matches/i.test(body.details);

/**
 * Yields the pages of a list, re-sending our own parameters with page+1 while `next_page` exists
 * (whether Cart.com's next_page URL keeps filters is unproven). A 404 past the first page is the end,
 * as documented. Records already yielded (same id) are skipped, so a record that moves between
 * pages while we read is not returned twice.
 */
export async function* iterateListPages(
	this: CartComFunctions,
	options: ListOptions,
): AsyncGenerator<CartComRecord[]> {
	const connection = await getConnection(this, options.itemIndex);
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE));
	const limit = options.limit;
	const count = limit !== undefined ? Math.min(pageSize, Math.max(1, limit)) : pageSize;
	const seenIds = new Set<unknown>();
	let returned = 0;

	for (let page = 1; ; page++) {
		if (page > 1 && options.shouldStop?.()) return;
		const body = await cartComRequest.call(
			this,
			{
				method: 'GET',
				path: options.path,
				query: { ...options.query, count, page },
				itemIndex: options.itemIndex,
				allowNotFound: page > 1 ? true : (errorBody) => !isUnknownRoute(errorBody),
			},
			connection,
		);
		if (body === undefined) return;
		let listPage: ListPage;
		try {
			listPage = parseListPage(body, options.recordsKey);
		} catch (error) {
			throw cartComTransportError(
				this.getNode(),
				`Cart.com GET ${options.path} page ${page}: ${error instanceof UnexpectedResponseError ? error.message : String(error)}`,
				'The store answered in a shape this node does not know. Please report it with the store version.',
				connection.secrets,
				options.itemIndex,
			);
		}
		const { records, hasNextPage } = listPage;
		const fresh: CartComRecord[] = [];
		for (const record of records) {
			const id = record.id;
			if (id !== undefined && id !== null) {
				if (seenIds.has(id)) continue;
				seenIds.add(id);
			}
			fresh.push(record);
			if (limit !== undefined && returned + fresh.length >= limit) break;
		}
		returned += fresh.length;
		if (fresh.length > 0) yield fresh;
		if (limit !== undefined && returned >= limit) return;
		if (!hasNextPage || records.length === 0) return;
	}
}

/** Collects a list (all of it, or up to `limit`). */
export async function cartComGetMany(this: CartComFunctions, options: ListOptions): Promise<CartComRecord[]> {
	const all: CartComRecord[] = [];
	for await (const page of iterateListPages.call(this, options)) {
		for (const record of page) all.push(record);
	}
	return all;
}
