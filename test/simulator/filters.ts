/**
 * Query filters (Cart.com docs, docs/query_syntax.md): `field=op:value`, ops eq|not|like|startwith|gt|gte|lt|lte (no op =
 * eq), several conditions on one field joined by " AND " / " OR ", and a value starting with "OR "
 * ORs that param with the others. Dates compare as instants, numbers numerically, strings
 * case-insensitively (SQL Server collation), null-safe.
 */
import { parseInstant } from './time';
import type { SimRecord } from './types';

export type FilterOp = 'eq' | 'not' | 'like' | 'startwith' | 'gt' | 'gte' | 'lt' | 'lte';

const OPS: readonly FilterOp[] = ['eq', 'not', 'like', 'startwith', 'gt', 'gte', 'lt', 'lte'];
const OP_PREFIX = /^([a-z]+):([\s\S]*)$/i;
/** Params that steer the listing rather than filter it. */
export const RESERVED_PARAMS = new Set(['page', 'count', 'sort', 'fields', 'expand', 'ids']);

/** One `op:value`, with the value pre-parsed once for every record it is tested against. */
export class Condition {
	readonly lower: string;
	readonly number: number | null;
	readonly isNullLiteral: boolean;
	private instantCache: number | null | undefined;

	constructor(
		readonly op: FilterOp,
		readonly value: string,
		private readonly timeZone: string,
	) {
		this.lower = value.toLowerCase();
		const trimmed = value.trim();
		this.number = trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : null;
		this.isNullLiteral = this.lower === 'null' || value === '';
	}

	get instant(): number | null {
		if (this.instantCache === undefined)
			this.instantCache = parseInstant(this.value.trim(), this.timeZone);
		return this.instantCache;
	}

	matches(fieldValue: unknown): boolean {
		if (fieldValue === null || fieldValue === undefined) return this.matchesNull();
		if (typeof fieldValue === 'number') return this.matchesNumber(fieldValue);
		if (typeof fieldValue === 'boolean') return this.matchesBoolean(fieldValue);
		if (typeof fieldValue === 'string') return this.matchesString(fieldValue);
		return false; // nested arrays/objects are not filterable
	}

	private matchesNull(): boolean {
		if (this.op === 'eq') return this.isNullLiteral;
		if (this.op === 'not') return !this.isNullLiteral;
		return false;
	}

	private compare(difference: number): boolean {
		switch (this.op) {
			case 'eq':
				return difference === 0;
			case 'not':
				return difference !== 0;
			case 'gt':
				return difference > 0;
			case 'gte':
				return difference >= 0;
			case 'lt':
				return difference < 0;
			case 'lte':
				return difference <= 0;
			default:
				return false;
		}
	}

	private matchesNumber(value: number): boolean {
		if (this.op === 'like') return String(value).includes(this.value.trim());
		if (this.op === 'startwith') return String(value).startsWith(this.value.trim());
		if (this.number === null) return this.op === 'not';
		return this.compare(value - this.number);
	}

	private matchesBoolean(value: boolean): boolean {
		const wanted =
			this.lower === 'true' || this.lower === '1'
				? true
				: this.lower === 'false' || this.lower === '0'
					? false
					: null;
		if (wanted === null) return this.op === 'not';
		if (this.op === 'eq') return value === wanted;
		if (this.op === 'not') return value !== wanted;
		return false;
	}

	private matchesString(value: string): boolean {
		if (this.op === 'like') return value.toLowerCase().includes(this.lower);
		if (this.op === 'startwith') return value.toLowerCase().startsWith(this.lower);
		// Empty dates arrive as "" in some records: treat like null.
		if (value === '' && this.isNullLiteral) return this.op === 'eq';
		const filterInstant = this.instant;
		if (filterInstant !== null) {
			const recordInstant = parseInstant(value, this.timeZone);
			if (recordInstant !== null) return this.compare(recordInstant - filterInstant);
		}
		const lowerValue = value.toLowerCase();
		return this.compare(lowerValue < this.lower ? -1 : lowerValue > this.lower ? 1 : 0);
	}
}

/** The conditions of one query param: OR of AND-groups (AND binds tighter, as in SQL). */
export interface FieldFilter {
	field: string;
	/** The value started with "OR ": ORed with the other params instead of ANDed. */
	orWithOthers: boolean;
	anyOf: Condition[][];
}

function parseCondition(text: string, timeZone: string): Condition {
	const match = OP_PREFIX.exec(text);
	if (match) {
		const op = match[1].toLowerCase() as FilterOp;
		if (OPS.includes(op)) return new Condition(op, match[2], timeZone);
	}
	return new Condition('eq', text, timeZone);
}

export function parseFieldFilter(field: string, rawValue: string, timeZone: string): FieldFilter {
	let value = rawValue;
	let orWithOthers = false;
	const prefix = /^(OR|AND)\s+/.exec(value);
	if (prefix) {
		orWithOthers = prefix[1] === 'OR';
		value = value.slice(prefix[0].length);
	}
	const anyOf = value
		.split(/\s+OR\s+/)
		.map((group) => group.split(/\s+AND\s+/).map((part) => parseCondition(part, timeZone)));
	return { field, orWithOthers, anyOf };
}

/** One AND-term of the whole query: every condition must hold. */
type Term = Array<{ field: string; conditions: Condition[] }>;

/**
 * How Cart.com combines conditions across params. The docs (query_syntax.md) give ` AND ` / ` OR `
 * inside a param, an `OR ` prefix that ORs a param "with the others", and "no parentheses". Read
 * as one expression with normal precedence (AND binds tighter), `a=eq:1 OR eq:2&b=eq:3` means
 * `a=1 OR (a=2 AND b=3)`: an OR never stays inside its own param. 'flat' models that reading
 * (the default); 'per-field' keeps each param's ORs to itself, the lenient reading.
 */
export type FilterPrecedence = 'flat' | 'per-field';

/** The whole query as OR-separated AND-terms, in param order (see FilterPrecedence). */
function flatTerms(filters: FieldFilter[]): Term[] {
	const terms: Term[] = [];
	let current: Term = [];
	filters.forEach((filter, index) => {
		// The connector before this param: its own `OR ` prefix, or the first param's prefix for the second.
		const orBefore = index > 0 && (filter.orWithOthers || (index === 1 && filters[0].orWithOthers));
		if (orBefore) {
			terms.push(current);
			current = [];
		}
		filter.anyOf.forEach((group, groupIndex) => {
			if (groupIndex > 0) {
				terms.push(current);
				current = [];
			}
			current.push({ field: filter.field, conditions: group });
		});
	});
	terms.push(current);
	return terms;
}

/**
 * Builds the record predicate from the query, or null when nothing filters. Params that are not
 * known fields of the resource are ignored (e.g. cache busters), like reserved params.
 */
export function buildFilter(
	query: URLSearchParams,
	knownFields: ReadonlySet<string>,
	timeZone: string,
	precedence: FilterPrecedence = 'flat',
): ((record: SimRecord) => boolean) | null {
	const filters: FieldFilter[] = [];
	for (const [field, value] of query) {
		if (RESERVED_PARAMS.has(field) || !knownFields.has(field)) continue;
		filters.push(parseFieldFilter(field, value, timeZone));
	}
	const idsParam = query.get('ids');
	const ids = idsParam ? new Set(idsParam.split(',').map((id) => Number(id.trim()))) : null;
	if (filters.length === 0 && !ids) return null;

	const idMatches = (record: SimRecord) => !ids || ids.has(record.id as number);
	if (precedence === 'flat') {
		const terms = flatTerms(filters);
		return (record) =>
			idMatches(record) &&
			(terms.length === 0 ||
				terms.some((term) =>
					term.every(({ field, conditions }) => conditions.every((c) => c.matches(record[field]))),
				));
	}
	const andFilters = filters.filter((filter) => !filter.orWithOthers);
	const orFilters = filters.filter((filter) => filter.orWithOthers);
	const fieldMatches = (filter: FieldFilter, record: SimRecord): boolean => {
		const value = record[filter.field];
		return filter.anyOf.some((group) => group.every((condition) => condition.matches(value)));
	};
	return (record) => {
		if (!idMatches(record)) return false;
		if (filters.length === 0) return true;
		if (andFilters.length > 0 && andFilters.every((filter) => fieldMatches(filter, record)))
			return true;
		return orFilters.some((filter) => fieldMatches(filter, record));
	};
}
