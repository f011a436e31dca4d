import { API_FIELDS } from './apiFields';
import type { FieldSpec, ResourceSpec } from './types';

/*
 * Shorthands for the fields of a resource spec, named for what the value means to Cart.com.
 * Labels come from the snake_case name (customer_id → Customer ID) unless `label` says otherwise;
 * `extra` adds or overrides anything else of the FieldSpec (description, placeholder…).
 */

type Extra = Partial<FieldSpec>;

/** Free text. */
export const text = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'string',
	...extra,
});

/** A number that may be negative or have decimals (amounts, weights, rates of change). */
export const number = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'number',
	...extra,
});

/** Prices, totals and rates: Cart.com means them as 0 or more. */
export const money = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'number',
	nonNegative: true,
	...extra,
});

/** Quantities: whole units, 0 or more. */
export const count = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'number',
	integer: true,
	nonNegative: true,
	...extra,
});

/** Whole numbers within Int32: IDs of other records, sort orders, months. */
export const integer = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'number',
	integer: true,
	...extra,
});

/** true / false. */
export const flag = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'boolean',
	...extra,
});

/** A date and time (ISO 8601; without an offset the workflow's time zone applies). */
export const date = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'dateTime',
	...extra,
});

/** A JSON value (set `jsonShape` to insist on an array or an object). */
export const json = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'json',
	...extra,
});

/** One of a fixed list of values. */
export const choice = (
	name: string,
	options: NonNullable<FieldSpec['options']>,
	extra: Extra = {},
): FieldSpec => ({ name, type: 'options', options, ...extra });

/** The ID of a store record picked from a list the node loads (`loadOptionsMethod`, methods/loadOptions.ts). */
export const listed = (name: string, loadOptionsMethod: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'options',
	loadOptionsMethod,
	integer: true,
	...extra,
});

/** A Get Many quick filter: the field contains this text (Cart.com's `like:`). */
export const contains = (name: string, extra: Extra = {}): FieldSpec => ({
	name,
	type: 'string',
	operator: 'like',
	description: `${name.replace(/_/g, ' ')} contains this text`.replace(/^./, (c) =>
		c.toUpperCase(),
	),
	...extra,
});

/** Needed by Cart.com on Create (the `required` list of the resource's POST in acapi.yaml). */
export const required = (field: FieldSpec): FieldSpec => ({ ...field, required: true });

/**
 * The fields a Get Many condition may name: the record's fields as acapi.yaml and live reads know
 * them (helpers/apiFields.ts), the spec's own, and the record key and timestamps. Undefined when
 * the resource is not in those sources (Webhook): then names are not checked.
 */
export function knownFilterFields(spec: ResourceSpec): string[] | undefined {
	const fromApi = API_FIELDS[spec.path.replace(/^\//, '')];
	if (!fromApi) return undefined;
	const names = new Set<string>([spec.idField ?? 'id', ...fromApi]);
	if (spec.timestamps) for (const name of ['created_at', 'updated_at']) names.add(name);
	for (const field of [...spec.fields, ...(spec.filterFields ?? [])]) names.add(field.name);
	return [...names].sort();
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(
				previous[j] + 1,
				current[j - 1] + 1,
				previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		previous = current;
	}
	return previous[b.length];
}

/** Up to `max` known names close to `name`: containing it (total → grand_total), or a few edits away. */
export function closeFieldNames(name: string, known: readonly string[], max = 5): string[] {
	const wanted = name.toLowerCase();
	return known
		.map((candidate) => ({
			candidate,
			score:
				candidate.includes(wanted) || wanted.includes(candidate) ? 0 : distance(wanted, candidate),
		}))
		.filter(({ score }) => score <= Math.max(2, Math.floor(wanted.length / 3)))
		.sort((a, b) => a.score - b.score || a.candidate.length - b.candidate.length)
		.slice(0, max)
		.map(({ candidate }) => candidate);
}
