import { DateTime } from 'luxon';

import type { Query } from './query';

/** Cart.com's filter operators (`?field=op:value`); docs query_syntax.md. */
export const FILTER_OPERATORS = ['eq', 'not', 'like', 'startwith', 'gt', 'gte', 'lt', 'lte'] as const;
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

/**
 * Conditions → query parameters. Conditions on one field share a parameter joined by ` AND ` /
 * ` OR `; separate fields are separate parameters, ANDed by Cart.com, or ORed with an `OR ` prefix.
 */
export function buildFilterQuery(conditions: FilterCondition[], combine: 'AND' | 'OR' = 'AND'): Query {
	const byField = new Map<string, string[]>();
	for (const { field, operator, value } of conditions) {
		if (!/^[a-z0-9_]+$/i.test(field)) {
			throw new FilterInputError(field, `"${field}" is not a Cart.com field name (letters, digits and _ only)`);
		}
		const formatted = formatFilterValue(value);
		if (/ (AND|OR) /.test(formatted)) {
			throw new FilterInputError(field, `The value for ${field} must not contain " AND " or " OR "`);
		}
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
