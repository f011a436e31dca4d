import { z } from 'zod';

export type CartComRecord = Record<string, unknown>;

const META_KEYS = new Set(['total_count', 'next_page', 'previous_page']);

/** A Cart.com list page; record fields are not validated here, so unknown fields pass through. */
const listEnvelopeSchema = z
	.object({
		total_count: z.number().int().nonnegative().optional(),
		next_page: z.string().nullish(),
		previous_page: z.string().nullish(),
	})
	.catchall(z.unknown());

export interface ListPage {
	records: CartComRecord[];
	recordsKey: string;
	totalCount?: number;
	hasNextPage: boolean;
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
	if (!parsed.success) {
		throw new UnexpectedResponseError('Cart.com returned a list response that is not a JSON object');
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
	if (!records.every((record) => record !== null && typeof record === 'object' && !Array.isArray(record))) {
		throw new UnexpectedResponseError(`Cart.com returned non-object entries in "${recordsKey}"`);
	}
	return {
		records: records as CartComRecord[],
		recordsKey,
		totalCount: envelope.total_count,
		hasNextPage: typeof envelope.next_page === 'string' && envelope.next_page !== '',
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
