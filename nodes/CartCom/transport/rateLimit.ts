import type { CallLimit } from '../../shared/http';

/** Cart.com counts calls per store over a rolling 10 s window (Cart.com's docs README, "Rate Limiting"). */
export const CALL_WINDOW_MS = 10_000;

/** `X-AC-Call-Limit: 3/20` → { used: 3, limit: 20 }; anything else → undefined. */
export function parseCallLimit(header: unknown): CallLimit | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
	if (!match) return undefined;
	const limit = Number(match[2]);
	return limit > 0 ? { used: Number(match[1]), limit } : undefined;
}
