import type { FieldSpec } from './types';

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
