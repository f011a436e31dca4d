/**
 * CartRover's lists: `page` (from 1) and `limit` (at most 100), no total and no cursor in the body,
 * so a short or empty page is the last (reference clients: the PHP client's inventory defaults of
 * 20/1, CartRover/cartrover-php lib/CartRover/Merchant.php; order lists cap `limit` at 100).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Query } from '../../shared/http';
import { cartRoverError } from './errors';
import { cartRoverRequest, connectionOf, type CartRoverFunctions } from './request';

export const MAX_PAGE_SIZE = 100;
/** Bound on Return All: 1,000 pages of 100 records. A longer list means the server ignores `page`. */
export const DEFAULT_MAX_PAGES = 1000;

export interface CartRoverPagesOptions {
	path: string;
	query?: Query;
	pageSize?: number;
	itemIndex?: number;
	/** Stop after this many pages (the caller's bound); without it, more than DEFAULT_MAX_PAGES is an error. */
	maxPages?: number;
}

function pageSizeOf(requested: number | undefined): number {
	if (requested === undefined) return MAX_PAGE_SIZE;
	if (!Number.isInteger(requested) || requested < 1)
		throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
	return Math.min(requested, MAX_PAGE_SIZE);
}

/** A list page's records: the envelope's `response` array; nothing (null, '', {}) is an empty page. */
function recordsOf(response: unknown): IDataObject[] | undefined {
	if (response === undefined || response === null || response === '') return [];
	if (Array.isArray(response))
		return response.every(
			(entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry),
		)
			? (response as IDataObject[])
			: undefined;
	if (typeof response === 'object' && Object.keys(response).length === 0) return [];
	return undefined;
}

/**
 * Pages `page`=1.. with `limit` (≤ 100), stopping on a short or empty page, or after `maxPages`;
 * yields each page's records. A full page identical to the one before fails: the server ignored
 * `page`, and going on would repeat records until the bound.
 */
export async function* iterateCartRoverPages(
	this: CartRoverFunctions,
	options: CartRoverPagesOptions,
): AsyncGenerator<IDataObject[]> {
	const limit = pageSizeOf(options.pageSize);
	const bound = options.maxPages ?? DEFAULT_MAX_PAGES;
	let previous: string | undefined;
	for (let page = 1; page <= bound; page++) {
		const answer = await cartRoverRequest.call(this, {
			method: 'GET',
			path: options.path,
			query: { ...options.query, limit, page },
			itemIndex: options.itemIndex,
		});
		const records = recordsOf(answer.response);
		if (records === undefined)
			throw await listError(
				this,
				options,
				page,
				answer.processId,
				'its response is not a list of records',
			);
		if (records.length === 0) return;
		const signature = JSON.stringify(records);
		if (records.length >= limit && signature === previous)
			throw await listError(
				this,
				options,
				page,
				answer.processId,
				`page ${page} repeats page ${page - 1}, so the list ignores "page"`,
			);
		previous = signature;
		yield records;
		if (records.length < limit) return;
	}
	if (options.maxPages === undefined)
		throw await listError(
			this,
			options,
			bound,
			undefined,
			`it did not end within ${bound} pages of ${limit}`,
		);
}

async function listError(
	ctx: CartRoverFunctions,
	options: CartRoverPagesOptions,
	page: number,
	processId: string | undefined,
	reason: string,
) {
	const conn = await connectionOf(ctx, options.itemIndex);
	return cartRoverError({
		node: ctx.getNode(),
		method: 'GET',
		path: options.path,
		statusCode: undefined,
		errorCode: undefined,
		processId,
		message: `list stopped at page ${page}: ${reason}`,
		description: 'The records read so far were not returned, so that none is doubled or missed.',
		secrets: conn.secrets,
		itemIndex: options.itemIndex,
	});
}

/** Return All (limit undefined) or the first `limit` records. */
export async function cartRoverGetMany(
	this: CartRoverFunctions,
	options: { path: string; query?: Query; limit?: number; pageSize?: number; itemIndex?: number },
): Promise<IDataObject[]> {
	const { limit } = options;
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
		throw new RangeError('limit must be a whole number ≥ 0');
	if (limit === 0) return [];
	const pageSize =
		limit === undefined ? options.pageSize : Math.min(options.pageSize ?? MAX_PAGE_SIZE, limit);
	const records: IDataObject[] = [];
	for await (const page of iterateCartRoverPages.call(this, { ...options, pageSize })) {
		records.push(...page);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
	}
	return records;
}

/**
 * One path segment (cust_ref, SKU, order source), URL-encoded as the PHP fork added `urlencode`
 * (makeway-agency/cartrover-php). Empty, `.` and `..` are refused: they would change the path.
 */
export function pathSegment(value: string): string {
	const text = String(value);
	if (text.trim() === '' || text === '.' || text === '..')
		throw new RangeError(`"${text}" cannot be used in a CartRover URL path`);
	return encodeURIComponent(text);
}
