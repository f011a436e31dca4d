import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/**
 * A record as Cart.com sends it: a JSON object, so n8n's IDataObject, and an item's `json` as it
 * is, without a cast at every call site.
 */
export type CartComRecord = IDataObject;

const META_KEYS = new Set(['total_count', 'next_page', 'previous_page']);

/**
 * A Cart.com list page; record fields are not validated here, so unknown fields pass through. The
 * paging metadata is read tolerantly (see readTotalCount / readHasNextPage): a store that sends
 * `total_count: null` or `"12"` still has readable records.
 */
const listEnvelopeSchema = z.record(z.unknown());

export interface ListPage {
	records: CartComRecord[];
	recordsKey: string;
	totalCount?: number;
	hasNextPage: boolean;
	/** Metadata that was present but unusable, each naming the field: for a warning, not a failure. */
	notes: string[];
}

/** `total_count` as a whole number: numbers and digit strings are taken, null means "not given". */
function readTotalCount(value: unknown, notes: string[]): number | undefined {
	if (value === undefined || value === null) return undefined;
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
	notes.push(`total_count ${JSON.stringify(value)} is not a record count; it was ignored`);
	return undefined;
}

/** Whether `next_page` announces another page: a URL as documented, or a page number as some stores send. */
function readHasNextPage(value: unknown, notes: string[]): boolean {
	if (value === undefined || value === null || value === '' || value === false) return false;
	if (
		typeof value === 'string' ||
		(typeof value === 'number' && Number.isFinite(value)) ||
		value === true
	)
		return true;
	notes.push(
		`next_page ${JSON.stringify(value)} is neither a URL nor a page number; it was read as "more pages"`,
	);
	return true;
}

export class UnexpectedResponseError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnexpectedResponseError';
	}
}

/**
 * Finds the records array in a list envelope. The key differs from the path in places
 * (`/order_items` → `items`, `/order_payments` → `payments`, and the spec disagrees for others),
 * so the expected key is only a preference: the single top-level array that is not paging
 * metadata is taken.
 */
export function parseListPage(body: unknown, preferredKey?: string): ListPage {
	const parsed = listEnvelopeSchema.safeParse(body);
	if (!parsed.success || Array.isArray(body)) {
		throw new UnexpectedResponseError(
			'Cart.com returned a list response that is not a JSON object',
		);
	}
	const envelope = parsed.data;
	const arrayKeys = Object.keys(envelope).filter(
		(key) => !META_KEYS.has(key) && Array.isArray(envelope[key]),
	);
	let recordsKey: string | undefined;
	if (preferredKey && arrayKeys.includes(preferredKey)) recordsKey = preferredKey;
	else if (arrayKeys.length === 1) recordsKey = arrayKeys[0];
	if (recordsKey === undefined) {
		throw new UnexpectedResponseError(
			arrayKeys.length === 0
				? 'Cart.com returned a list response without a records array'
				: `Cart.com returned a list response with several arrays (${arrayKeys.join(', ')}); cannot tell which holds the records`,
		);
	}
	const records = envelope[recordsKey] as unknown[];
	if (
		!records.every(
			(record) => record !== null && typeof record === 'object' && !Array.isArray(record),
		)
	) {
		throw new UnexpectedResponseError(`Cart.com returned non-object entries in "${recordsKey}"`);
	}
	const notes: string[] = [];
	return {
		records: records as CartComRecord[],
		recordsKey,
		totalCount: readTotalCount(envelope.total_count, notes),
		hasNextPage: readHasNextPage(envelope.next_page, notes),
		notes,
	};
}

/** Cart.com's error body `{status_code, message, details}`; tolerant, as bodies vary. */
export const errorBodySchema = z
	.object({
		status_code: z.number().optional(),
		message: z.string().optional(),
		details: z.unknown().optional(),
	})
	.passthrough();

export type CartComErrorBody = z.output<typeof errorBodySchema>;

export function parseErrorBody(body: unknown): CartComErrorBody | undefined {
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	const parsed = errorBodySchema.safeParse(body);
	return parsed.success ? parsed.data : undefined;
}
