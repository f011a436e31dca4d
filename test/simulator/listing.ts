/**
 * List envelopes, paging, sort, projection and expansion. Works on live records: filter, sort,
 * slice the page, and only then build output objects, so a 50,000-row table costs one pass.
 */
import { buildFilter, RESERVED_PARAMS } from './filters';
import { badRequest, notFound, type RequestContext, type SimResponse } from './httpTypes';
import {
	embeddedNames,
	findNested,
	RESOURCES,
	type NestedDef,
	type ResourceDef,
} from './resources';
import type { MemoryStore } from './store';
import { looksLikeDate, parseInstant, restyleTimestamp } from './time';
import type { LookupMatching, SimRecord } from './types';

const DEFAULT_COUNT = 100;

/** Comma list param -> set of names ('' entries dropped). */
export function nameSet(value: string | null): Set<string> {
	return new Set(
		(value ?? '')
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean),
	);
}

/** Records of one nested collection of `parent`. Returned records are live; do not mutate. */
export function nestedRecords(
	store: MemoryStore,
	nested: NestedDef,
	parent: SimRecord,
): readonly SimRecord[] {
	switch (nested.kind) {
		case 'child':
			return store.lookup(nested.resource, nested.foreignKey, parent.id);
		case 'reference': {
			const target = store.raw(nested.resource, Number(parent[nested.localKey]));
			return target ? [target] : [];
		}
		case 'embedded': {
			const stored = parent[nested.name];
			if (!Array.isArray(stored)) return [];
			const entries = stored.filter(
				(entry): entry is SimRecord => entry !== null && typeof entry === 'object',
			);
			if (!nested.resolve) return entries;
			const resolveFrom = nested.resolve;
			return entries
				.map((entry) => store.raw(resolveFrom, Number(entry.id)))
				.filter((record): record is SimRecord => record !== undefined);
		}
		default:
			return [];
	}
}

/** The resource definition describing records of a nested collection (for filters/fields), if any. */
export function nestedResource(nested: NestedDef): ResourceDef | undefined {
	if (nested.kind === 'child' || nested.kind === 'reference') return RESOURCES.get(nested.resource);
	if (nested.kind === 'embedded' && nested.resolve) return RESOURCES.get(nested.resolve);
	return undefined;
}

/**
 * Output object for one record: projection (`fields`, id always kept; a nested name there also
 * expands it), expansion of nested collections, embedded collections hidden unless expanded.
 */
export function renderRecord(
	store: MemoryStore,
	def: ResourceDef | undefined,
	record: SimRecord,
	expand: ReadonlySet<string>,
	fields: ReadonlySet<string> | null,
): SimRecord {
	const hidden = def ? embeddedNames(def) : [];
	const wanted = new Set(expand);
	if (def && fields) for (const name of fields) if (findNested(def, name)) wanted.add(name);
	if (!fields && wanted.size === 0 && !hidden.some((name) => name in record)) return record;

	const output: SimRecord = {};
	for (const key of Object.keys(record)) {
		if (hidden.includes(key) && !wanted.has(key)) continue;
		if (fields && key !== 'id' && !fields.has(key)) continue;
		output[key] = record[key];
	}
	if (def) {
		for (const name of wanted) {
			const nested = findNested(def, name);
			if (nested) output[name] = nestedRecords(store, nested, record);
		}
	}
	return output;
}

/** Every nested collection filled (GET /{res}/{id}/filled). */
export function renderFilled(store: MemoryStore, def: ResourceDef, record: SimRecord): SimRecord {
	return renderRecord(store, def, record, new Set(def.nested.map((nested) => nested.name)), null);
}

/** The filters a loosely matching server applies instead of the ones asked for (option lookupMatching). */
export function looseQuery(query: URLSearchParams, matching: LookupMatching): URLSearchParams {
	if (matching === 'exact') return query;
	const loose = new URLSearchParams();
	for (const [name, value] of query) {
		if (RESERVED_PARAMS.has(name)) loose.append(name, value);
		else if (matching === 'contains') loose.append(name, containsInsteadOfEquals(value));
	}
	return loose;
}

/** `eq:X` and a bare `X` become `like:X` in every condition of a param; other operators stay. */
function containsInsteadOfEquals(value: string): string {
	const prefix = /^(?:OR|AND)\s+/.exec(value)?.[0] ?? '';
	const conditions = value.slice(prefix.length).split(/(\s+(?:AND|OR)\s+)/);
	const loosened = conditions.map((part, index) => {
		if (index % 2 === 1) return part; // a separator
		if (/^eq:/i.test(part)) return `like:${part.slice(3)}`;
		return /^[a-z]+:/i.test(part) ? part : `like:${part}`;
	});
	return prefix + loosened.join('');
}

type SortKey = number | string | null;

function sortKey(value: unknown, timeZone: string): SortKey {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string') {
		if (looksLikeDate(value)) {
			const instant = parseInstant(value, timeZone);
			if (instant !== null) return instant;
		}
		return value.toLowerCase();
	}
	return JSON.stringify(value);
}

function compareKeys(a: SortKey, b: SortKey): number {
	if (a === b) return 0;
	if (a === null) return -1; // nulls first ascending, as SQL Server sorts them
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number') return -1;
	if (typeof b === 'number') return 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** `sort=f1,-f2`; always tie-broken by id ascending so pages are stable. */
export function sortRecords(
	records: readonly SimRecord[],
	sortParam: string | null,
	timeZone: string,
): readonly SimRecord[] {
	const specs = (sortParam ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) =>
			part.startsWith('-')
				? { field: part.slice(1), direction: -1 }
				: { field: part.replace(/^\+/, ''), direction: 1 },
		)
		.filter((spec) => spec.field !== 'id' || spec.direction === -1);
	const descendingId = specs.length === 1 && specs[0].field === 'id';
	if (specs.length === 0) return records; // stored order is id ascending
	if (descendingId) return [...records].reverse();
	const decorated = records.map((record) => ({
		record,
		keys: specs.map((spec) => sortKey(record[spec.field], timeZone)),
	}));
	decorated.sort((a, b) => {
		for (let i = 0; i < specs.length; i++) {
			const difference = compareKeys(a.keys[i], b.keys[i]);
			if (difference !== 0) return difference * specs[i].direction;
		}
		return (a.record.id as number) - (b.record.id as number);
	});
	return decorated.map((entry) => entry.record);
}

function pageLink(ctx: RequestContext, linkPath: string, page: number, count: number): string {
	const base = `${ctx.baseUrl}/api/v1/${linkPath}`;
	if (!ctx.settings.nextPageKeepsFilters) return `${base}?page=${page}&count=${count}`;
	const params = new URLSearchParams(ctx.query);
	params.set('page', String(page));
	params.set('count', String(count));
	return `${base}?${params.toString()}`;
}

export interface ListArgs {
	ctx: RequestContext;
	/** Definition of the listed records (for fields/expand); undefined for unmodelled collections. */
	def: ResourceDef | undefined;
	/** Table providing known fields for filters. */
	fieldsFrom?: string;
	records: readonly SimRecord[];
	/** Path after /api/v1 used in next_page/previous_page links. */
	linkPath: string;
	recordsKey: string;
	/** select_many: one page holding everything. */
	unpaged?: boolean;
}

function parsePositiveInt(value: string | null): number | null {
	if (value === null || value.trim() === '') return null;
	const parsed = Number(value);
	return Number.isInteger(parsed) ? parsed : NaN;
}

export function listResponse(args: ListArgs): SimResponse {
	const { ctx, def } = args;
	const { query, settings } = ctx;
	const pageParam = parsePositiveInt(query.get('page'));
	const countParam = parsePositiveInt(query.get('count'));
	if (Number.isNaN(pageParam) || (pageParam !== null && pageParam < 1))
		return badRequest('page must be a positive integer');
	if (Number.isNaN(countParam) || (countParam !== null && countParam < 1))
		return badRequest('count must be a positive integer');
	const quirks = settings.quirks;
	const page = quirks.ignorePage ? 1 : (pageParam ?? 1);
	const count = Math.min(countParam ?? DEFAULT_COUNT, settings.maxPageSize);

	const knownFields = args.fieldsFrom
		? ctx.store.knownFields(args.fieldsFrom)
		: new Set<string>(args.records.flatMap((r) => Object.keys(r)));
	const predicate = quirks.ignoreFilters
		? null
		: buildFilter(
				looseQuery(query, settings.lookupMatching),
				knownFields,
				settings.timeZone,
				settings.filterPrecedence,
			);
	const filtered = predicate ? args.records.filter(predicate) : args.records;
	const sorted = quirks.ignoreSort
		? filtered
		: sortRecords(filtered, query.get('sort'), settings.timeZone);
	const total = sorted.length;

	const start = args.unpaged ? 0 : (page - 1) * count;
	const pageRecords = args.unpaged ? sorted : sorted.slice(start, start + count);
	// The live API answers 404 for a page past the end (but 200 [] for an empty first page).
	if (pageRecords.length === 0 && page > 1 && !args.unpaged) return notFound();

	const expand = nameSet(query.get('expand'));
	const fieldsParam = query.get('fields');
	const fields = fieldsParam ? nameSet(fieldsParam) : null;
	const body: Record<string, unknown> = { total_count: total };
	if (!args.unpaged && (start + count < total || quirks.endlessNextPage))
		body.next_page = pageLink(ctx, args.linkPath, page + 1, count);
	if (!args.unpaged && page > 1) body.previous_page = pageLink(ctx, args.linkPath, page - 1, count);
	const rendered = pageRecords.map((record) =>
		renderRecord(ctx.store, def, record, expand, fields),
	);
	body[args.recordsKey] =
		quirks.timestampStyle && quirks.timestampStyle !== 'offset'
			? rendered.map((record) => restyled(record, ctx))
			: rendered;
	return { status: 200, body };
}

const DEFAULT_TIMESTAMP_FIELDS = ['created_at', 'updated_at'];

/** A copy of the record with its timestamps in the quirk's form (the stored record is not touched). */
function restyled(record: SimRecord, ctx: RequestContext): SimRecord {
	const { quirks, timeZone } = ctx.settings;
	const copy: SimRecord = { ...record };
	for (const field of quirks.timestampFields ?? DEFAULT_TIMESTAMP_FIELDS) {
		if (field in copy)
			copy[field] = restyleTimestamp(copy[field], quirks.timestampStyle ?? 'offset', timeZone);
	}
	return copy;
}
