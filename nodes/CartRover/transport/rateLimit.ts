import type { CallLimit } from '../../shared/http';

/**
 * CartRover's rate limit (spec page, "Rate Limit"): a leaky bucket of 100 calls that drains one call
 * every 0.6 s. New-order create is not rate limited. Rate-limited endpoints send
 * `X-CartRover-Api-Minute-Hits-Remaining`, the calls one can still burst now.
 */
export const BUCKET_CAPACITY = 100;
export const BUCKET_LEAK_MS = 600;
export const HITS_REMAINING_HEADER = 'x-cartrover-api-minute-hits-remaining';
export const PROCESS_ID_HEADER = 'x-cartrover-process-id';

/** `X-CartRover-Api-Minute-Hits-Remaining: 37` with a bucket of 100 → { used: 63, limit: 100 }. */
export function parseHitsRemaining(header: unknown, capacity: number): CallLimit | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	const textValue = typeof value === 'number' ? String(value) : value;
	if (typeof textValue !== 'string' || !/^\s*\d+\s*$/.test(textValue)) return undefined;
	const remaining = Number(textValue);
	return { used: Math.max(0, capacity - remaining), limit: capacity };
}

/** The `X-CartRover-Process-ID` header, which CartRover's support asks for (spec page, "Getting Help"). */
export function processIdOf(headers: Record<string, unknown> | undefined): string | undefined {
	const value = headers?.[PROCESS_ID_HEADER];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}
