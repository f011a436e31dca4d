import { DateTime } from 'luxon';

import type { Query } from './query';

/** Cart.com's filter operators (`?field=op:value`); docs query_syntax.md. */
export const FILTER_OPERATORS = [
	'eq',
	'not',
	'like',
	'startwith',
	'gt',
	'gte',
	'lt',
	'lte',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterValue = string | number | boolean | DateTime;

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	value: FilterValue;
}

export class FilterInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'FilterInputError';
	}
}

/** Dates go out as UTC ISO 8601 with milliseconds (`2024-05-14T16:09:20.160Z`), as Cart.com accepts. */
export function formatFilterValue(value: FilterValue): string {
	if (DateTime.isDateTime(value)) return value.toUTC().toISO() ?? '';
	return String(value);
}

/**
 * Reads a date the way n8n users supply one: an ISO string (any offset; none = `zone`, which
 * nodes set to the workflow's time zone, as n8n's date pickers mean it), a luxon DateTime from an
 * expression, a JS Date or epoch milliseconds. Invalid input names the field.
 */
export function parseDateInput(input: unknown, field: string, zone = 'utc'): DateTime {
	const date = tryParseDateInput(input, zone);
	if (!date) {
		throw new FilterInputError(
			field,
			`${field} is not a valid date: "${String(input)}". Use ISO 8601, e.g. 2024-05-14T11:09:00-05:00`,
		);
	}
	return date;
}

/** As parseDateInput, but undefined instead of an error. */
export function tryParseDateInput(input: unknown, zone = 'utc'): DateTime | undefined {
	let date: DateTime | undefined;
	if (DateTime.isDateTime(input)) date = input;
	else if (input instanceof Date) date = DateTime.fromJSDate(input);
	else if (typeof input === 'number') date = DateTime.fromMillis(input);
	else if (typeof input === 'string' && input.trim() !== '') {
		date = DateTime.fromISO(input.trim(), { setZone: true, zone });
		if (!date.isValid) date = DateTime.fromSQL(input.trim(), { zone });
		if (!date.isValid) date = DateTime.fromRFC2822(input.trim(), { setZone: true, zone });
	}
	return date?.isValid ? date : undefined;
}

/** Query parameters that are not filters (docs/common_usage.md). */
const RESERVED_PARAMETERS = new Set(['page', 'count', 'sort', 'fields', 'expand', 'ids']);

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
function hasControlCharacter(value: string): boolean {
	for (const char of value) {
		const code = char.charCodeAt(0);
		if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
			return true;
	}
	return false;
}
/** AND / OR as a word of a longer value: Cart.com would read it as a connector (docs/query_syntax.md). */
const CONNECTOR_WORD = /(^|\s)(and|or)(\s|$)/i;

/**
 * Refuses a value that Cart.com's filter syntax would read as more than one condition, which would
 * let data from a workflow widen a lookup to other records (and a write after it to the wrong one).
 * A value that is exactly "OR" (Oregon) or "and" is a single word and stays a plain value.
 */
export function checkFilterValue(field: string, value: string): void {
	if (hasControlCharacter(value)) {
		throw new FilterInputError(
			field,
			`The value for ${field} contains a control character (a line break, tab or similar)`,
		);
	}
	if (/\s/.test(value.trim()) && CONNECTOR_WORD.test(value)) {
		throw new FilterInputError(
			field,
			`The value for ${field} must not contain AND or OR as a separate word: Cart.com would read it as a second condition`,
		);
	}
}

/**
 * Conditions → query parameters. Conditions on one field share a parameter joined by ` AND ` /
 * ` OR `; separate fields are separate parameters, ANDed by Cart.com, or ORed with an `OR ` prefix.
 */
export function buildFilterQuery(
	conditions: FilterCondition[],
	combine: 'AND' | 'OR' = 'AND',
): Query {
	const byField = new Map<string, string[]>();
	for (const { field, operator, value } of conditions) {
		if (!/^[a-z0-9_]+$/i.test(field)) {
			throw new FilterInputError(
				field,
				`"${field}" is not a Cart.com field name (letters, digits and _ only)`,
			);
		}
		if (RESERVED_PARAMETERS.has(field.toLowerCase())) {
			throw new FilterInputError(
				field,
				`"${field}" steers the list (paging, sorting, fields) and cannot be a filter`,
			);
		}
		const formatted = formatFilterValue(value);
		checkFilterValue(field, formatted);
		const parts = byField.get(field) ?? [];
		parts.push(`${operator}:${formatted}`);
		byField.set(field, parts);
	}
	const query: Query = {};
	let first = true;
	for (const [field, parts] of byField) {
		const joined = parts.join(` ${combine} `);
		query[field] = combine === 'OR' && !first ? `OR ${joined}` : joined;
		first = false;
	}
	return query;
}

/**
 * The filters of a list as the queries to read and merge: `required` conditions (the quick
 * filters) always hold, and of `alternatives` (the custom conditions) all or at least one. One
 * query where Cart.com's syntax can say it; `required AND (B OR C)` has no spelling (no
 * parentheses), so it becomes one query per alternative, `required AND B` and `required AND C`,
 * whose records the caller merges by ID.
 */
export function buildListFilterQueries(
	required: FilterCondition[],
	alternatives: FilterCondition[],
	match: 'all' | 'any',
): Query[] {
	if (match === 'all' || alternatives.length <= 1)
		return [buildFilterQuery([...required, ...alternatives])];
	if (required.length === 0) return [buildFilterQuery(alternatives, 'OR')];
	return alternatives.map((alternative) => buildFilterQuery([...required, alternative]));
}
