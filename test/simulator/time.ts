/**
 * Store-local timestamps. The real API answers with the store's local offset (both -05:00 and
 * -06:00 for a US Central store) and a variable number of fractional digits (0..3), e.g.
 * `2024-05-14T11:09:20.16-05:00`; clients must parse instants, never compare strings.
 */
import { DateTime } from 'luxon';

import type { TimestampStyle } from './types';

/**
 * Offsets change at most on quarter hours and at most a few times a year: cache one offset per
 * day, and only for the rare day with a transition fall back to 15-minute buckets. luxon's own
 * offset computation is too slow to run for every seeded timestamp.
 */
const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const dayCache = new Map<string, Map<number, number | null>>();
const quarterCache = new Map<string, Map<number, number>>();

function zoneOffset(epochMs: number, timeZone: string): number {
	const offset = DateTime.fromMillis(epochMs, { zone: timeZone }).offset;
	if (!Number.isFinite(offset)) throw new Error(`Unknown time zone: ${timeZone}`);
	return offset;
}

function cacheFor<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
	let cache = caches.get(timeZone);
	if (!cache) {
		cache = new Map();
		caches.set(timeZone, cache);
	}
	return cache;
}

function offsetMinutes(epochMs: number, timeZone: string): number {
	const days = cacheFor(dayCache, timeZone);
	const day = Math.floor(epochMs / DAY_MS);
	let dayOffset = days.get(day);
	if (dayOffset === undefined) {
		const atStart = zoneOffset(day * DAY_MS, timeZone);
		const atEnd = zoneOffset((day + 1) * DAY_MS - 1, timeZone);
		dayOffset = atStart === atEnd ? atStart : null; // null: a transition happens this (UTC) day
		days.set(day, dayOffset);
	}
	if (dayOffset !== null) return dayOffset;
	const quarters = cacheFor(quarterCache, timeZone);
	const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
	let offset = quarters.get(quarter);
	if (offset === undefined) {
		offset = zoneOffset(quarter * QUARTER_HOUR_MS, timeZone);
		quarters.set(quarter, offset);
	}
	return offset;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Formats an instant in the store zone. `fractionDigits` truncates the milliseconds to that many
 * digits (0..3); trailing zeros are always dropped, as .NET does ("20.160" -> "20.16").
 */
export function formatStoreTime(epochMs: number, timeZone: string, fractionDigits = 3): string {
	const offset = offsetMinutes(epochMs, timeZone);
	const local = new Date(epochMs + offset * 60000);
	let fraction = '';
	if (fractionDigits > 0) {
		const digits = pad(local.getUTCMilliseconds(), 3).slice(0, fractionDigits).replace(/0+$/, '');
		if (digits) fraction = `.${digits}`;
	}
	const sign = offset < 0 ? '-' : '+';
	const absolute = Math.abs(offset);
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`${fraction}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
	);
}

/** Milliseconds truncated to the given number of fraction digits (the instant a formatted string denotes). */
export function truncateToDigits(epochMs: number, fractionDigits: number): number {
	const step = 10 ** (3 - fractionDigits);
	return Math.floor(epochMs / step) * step;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const parsedCache = new Map<string, number | null>();
const offsetCache = new Map<string, number>();
const PARSED_CACHE_LIMIT = 500_000;

/** The canonical API shape (offset or Z present): parsed directly, since this runs per record. */
const OFFSET_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

function parseOffsetDateTime(value: string): number | null {
	const match = OFFSET_DATE_TIME.exec(value);
	if (!match) return null;
	const [
		,
		year,
		month,
		day,
		hour,
		minute,
		second,
		fraction,
		zulu,
		sign,
		offsetHours,
		offsetMinutesText,
	] = match;
	const m = Number(month);
	const d = Number(day);
	const h = Number(hour);
	const min = Number(minute);
	const sec = second === undefined ? 0 : Number(second);
	if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59 || sec > 59) return null;
	const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
	const utc = Date.UTC(Number(year), m - 1, d, h, min, sec, millis);
	if (new Date(utc).getUTCDate() !== d) return null; // e.g. February 30th
	const offset = zulu
		? 0
		: (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutesText));
	return utc - offset * 60_000;
}

/**
 * Epoch ms of an ISO 8601 string (any offset, any fraction digits; none = store zone, parsed by
 * luxon); null if not a date. Memoised because filters and sorts parse the same values repeatedly.
 */
export function parseInstant(value: string, timeZone: string): number | null {
	if (!ISO_DATE_PREFIX.test(value)) return null;
	// Values with an explicit offset do not depend on the zone: cache them by the string alone.
	const known = offsetCache.get(value);
	if (known !== undefined) return known;
	const direct = parseOffsetDateTime(value);
	if (direct !== null) {
		if (offsetCache.size >= PARSED_CACHE_LIMIT) offsetCache.clear();
		offsetCache.set(value, direct);
		return direct;
	}
	const key = `${timeZone}|${value}`;
	const cached = parsedCache.get(key);
	if (cached !== undefined) return cached;
	let parsed = DateTime.fromISO(value, { zone: timeZone });
	if (!parsed.isValid) parsed = DateTime.fromSQL(value, { zone: timeZone });
	const result = parsed.isValid ? parsed.toMillis() : null;
	if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
	parsedCache.set(key, result);
	return result;
}

/** True for strings that look like a date or date-time (used to pick instant comparison). */
export function looksLikeDate(value: string): boolean {
	return ISO_DATE_PREFIX.test(value);
}

const STORED_OFFSET = /(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A stored timestamp (ISO with offset) in another response form (see TimestampStyle in types.ts);
 * values that are not timestamps are returned unchanged.
 */
export function restyleTimestamp(value: unknown, style: TimestampStyle, timeZone: string): unknown {
	if (style === 'offset' || typeof value !== 'string') return value;
	const instant = parseInstant(value, timeZone);
	const offset = STORED_OFFSET.exec(value);
	if (instant === null || !offset) return value;
	const local = value.slice(0, offset.index);
	switch (style) {
		case 'local':
			return local;
		case 'sql':
			return local.replace('T', ' ');
		case 'dotnet':
			return `/Date(${instant}${offset[1] === 'Z' ? '+0000' : `${offset[2]}${offset[3]}${offset[4]}`})/`;
		case 'epoch-ms':
			return instant;
		case 'epoch-s':
			return Math.floor(instant / 1000);
		default:
			return value;
	}
}
