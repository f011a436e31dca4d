/**
 * Reading Cart.com timestamps as instants. Cart.com answers in store-local time with the offset of
 * the day (-05:00 and -06:00 both occur for a US Central store) and 0..3 fraction digits
 * (docs/datetimes.md), so timestamps are compared as instants, never as strings. Other forms are
 * read too, because a wrong reading loses changes for good: ISO or SQL text without an offset (read
 * in the store's zone, see storeTime), .NET's `/Date(ms)/` and epoch numbers.
 */
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

import type { CartComRecord } from '../transport';

/** Epoch values below this are seconds (1e11 s is the year 5138; 1e11 ms is March 1973). */
const EPOCH_SECONDS_BELOW = 1e11;
/** .NET's JSON date: `/Date(1715702940000)/` or `/Date(1715702940000-0500)/`; the ms are UTC, the offset only says how to display it. */
const DOTNET_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const EPOCH_TEXT = /^-?\d{9,}(?:\.\d+)?$/;
/** A date-time whose text carries a numeric offset (`Z` says UTC, not where the store is). */
const NUMERIC_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*([+-])(\d{2}):?(\d{2})$/;

function fromEpochNumber(value: number): number | undefined {
	if (!Number.isFinite(value)) return undefined;
	return Math.round(Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value);
}

/** A time of day followed by an offset or Z: the text says which instant it is by itself. */
const ANY_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * ISO 8601 or SQL (`2024-05-14 11:09:00.16`) text; an offset in the text wins over `zone`, which
 * is only asked for text without one.
 */
function fromDateText(text: string, zone: () => Zone): number | undefined {
	const fallback = ANY_OFFSET.test(text) ? FixedOffsetZone.utcInstance : zone();
	let parsed = DateTime.fromISO(text, { zone: fallback, setZone: true });
	if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone: fallback, setZone: true });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

/**
 * Epoch milliseconds of a Cart.com timestamp, or undefined for null, "" or anything unreadable.
 * `zone` is asked only for text without an offset.
 */
export function parseTimestamp(value: unknown, zone: () => Zone): number | undefined {
	if (typeof value === 'number') return fromEpochNumber(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	const dotnet = DOTNET_DATE.exec(text);
	if (dotnet) return Number.isSafeInteger(Number(dotnet[1])) ? Number(dotnet[1]) : undefined;
	if (EPOCH_TEXT.test(text)) return fromEpochNumber(Number(text));
	return fromDateText(text, zone);
}

/** The offset (minutes) a date-time text states, or undefined when it states none or says Z. */
function statedOffsetMinutes(text: string): number | undefined {
	const match = NUMERIC_OFFSET.exec(text.trim());
	if (!match) return undefined;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

interface OffsetSample {
	at: number;
	offset: number;
}

/** Every timestamp on the record that states its offset: what the store's zone was at those instants. */
function offsetSamples(record: CartComRecord): OffsetSample[] {
	const samples: OffsetSample[] = [];
	for (const value of Object.values(record)) {
		if (typeof value !== 'string') continue;
		const offset = statedOffsetMinutes(value);
		if (offset === undefined) continue;
		const at = fromDateText(value.trim(), () => FixedOffsetZone.utcInstance);
		if (at !== undefined) samples.push({ at, offset });
	}
	return samples;
}

export interface StoreTimeOptions {
	/** The Store Time Zone option (IANA), if the user set one. */
	zone?: string;
	/** The workflow's time zone: n8n's meaning of a date without an offset. */
	workflowZone: string;
}

export interface StoreTime {
	/** Epoch ms of a timestamp on the page, or undefined when unreadable. */
	instantOf(value: unknown): number | undefined;
}

export function isValidZone(zone: string): boolean {
	return IANAZone.isValidZone(zone);
}

/**
 * How to read the timestamps of one page. Text without an offset is store-local time, and the API
 * does not say where the store is (the `stores` resource has no zone field), so, in this order:
 * 1. the Store Time Zone option;
 * 2. what the page itself tells: other timestamps that state an offset (e.g. created_at). If the
 *    workflow's zone gives those same offsets, it is taken (it knows DST); otherwise the offset
 *    stated nearest in time to the value (right unless a DST change lies between the two);
 * 3. the workflow's time zone.
 * In the hour repeated when clocks go back, an offset-less time is ambiguous; a zone reads it as
 * its second occurrence (standard time).
 */
export function storeTime(records: CartComRecord[], options: StoreTimeOptions): StoreTime {
	const configured = options.zone ? IANAZone.create(options.zone) : undefined;
	const workflowZone = IANAZone.create(options.workflowZone);
	let pageSamples: OffsetSample[] | undefined;
	let workflowZoneAgrees: boolean | undefined;

	const zoneFor = (value: string): Zone => {
		if (configured) return configured;
		pageSamples ??= records.flatMap(offsetSamples);
		if (pageSamples.length === 0) return workflowZone;
		workflowZoneAgrees ??= pageSamples.every(
			({ at, offset }) => workflowZone.offset(at) === offset,
		);
		if (workflowZoneAgrees) return workflowZone;
		const naive = fromDateText(value, () => FixedOffsetZone.utcInstance) ?? 0;
		const distance = (sample: OffsetSample) => Math.abs(sample.at - naive);
		const nearest = pageSamples.reduce((best, sample) =>
			distance(sample) < distance(best) ? sample : best,
		);
		return FixedOffsetZone.instance(nearest.offset);
	};

	return {
		instantOf(value) {
			return parseTimestamp(value, () => zoneFor(String(value).trim()));
		},
	};
}

/**
 * An instant as a filter value; the transport writes it as Cart.com takes it (UTC ISO 8601 with
 * milliseconds). Outside the range any date can have (±8.64e15 ms) it throws, as Date does.
 */
export function instantAt(epochMs: number): DateTime {
	const instant = DateTime.fromMillis(epochMs, { zone: 'utc' });
	if (!instant.isValid) throw new RangeError('Invalid time value');
	return instant;
}

/** A positive whole-number record id, or undefined. */
export function recordIdOf(value: unknown): number | undefined {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
