/**
 * Cart.com answers in store-local time with the offset of the day (-05:00 and -06:00 both occur for a
 * US Central store) and 0..3 fraction digits, so timestamps are compared as instants, never as strings.
 */
import { DateTime } from 'luxon';

/** Epoch milliseconds of a Cart.com timestamp, or undefined for null, "" or anything unparseable. */
export function instantOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = DateTime.fromISO(value.trim(), { setZone: true });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

/** An instant as Cart.com filters take it: UTC ISO 8601 with milliseconds (`2024-05-14T16:09:20.160Z`). */
export function toFilterTime(epochMs: number): string {
	return DateTime.fromMillis(epochMs, { zone: 'utc' }).toISO() ?? new Date(epochMs).toISOString();
}

/** A positive whole-number record id, or undefined. */
export function recordIdOf(value: unknown): number | undefined {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
