import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError, isJsonObject, parsePlainNumber } from '../../shared/node';
import { tryParseDateInput } from '../transport';
import { toTitle } from './naming';
import type { FieldSpec } from './types';

// Service-neutral checks (nodes/shared/node), shared with the CartRover node.
export { inputError, isJsonObject, parsePlainNumber } from '../../shared/node';

/** Ids in Cart.com are positive integers; catching "abc" or "12.5" here saves a useless request. */
export function toRecordId(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${text}" is not a valid ID`,
			'Enter the numeric ID of the record, e.g. 100231, or pick it from the list.',
		);
	}
	return Number(text);
}

/**
 * A list of record IDs given as an array or as comma-separated text; each checked like one ID
 * (named by its place in the list). `unique`: a body that sets a list (an active catalog) must not
 * name an ID twice.
 */
export function toRecordIdList(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
	{ unique = false } = {},
): number[] {
	const parts = Array.isArray(value)
		? value
		: String(value ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean);
	const ids = parts.map((part, index) => toRecordId(ctx, part, `${field} [${index}]`, itemIndex));
	if (unique && new Set(ids).size !== ids.length)
		throw inputError(ctx, itemIndex, field, 'lists an ID twice', 'List each ID once.');
	return ids;
}

/** Cart.com keeps whole-number fields (quantities, sort orders, ids) as C# `int`: Int32. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;

/** What a number must be beyond "a number". */
export interface NumberRule {
	/** A whole number within Int32. */
	integer?: boolean;
	/** Money and counts: 0 or more. */
	nonNegative?: boolean;
	/** A lower bound above 0, e.g. 1 for a starting quantity. */
	minimum?: number;
}

/** The input as the error message shows it: a scalar in quotes, a list or object by its kind. */
function shownInput(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value !== null && typeof value === 'object') return 'an object';
	return `"${String(value)}"`;
}

/** Reads a number by `rule`, or throws naming the field, before any request goes out. */
export function toNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	rule: NumberRule = {},
): number {
	const example = rule.integer ? '12' : '19.99';
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			'is empty',
			`Enter ${label} as a number, e.g. ${example}.`,
		);
	}
	const number = parsePlainNumber(value);
	if (number === undefined) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shownInput(value)} is not a plain number`,
			`Enter ${label} in digits with an optional decimal point, e.g. ${example} (no hex, exponent or thousands separator).`,
		);
	}
	if (rule.integer && !Number.isInteger(number)) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shownInput(value)} is not a whole number`,
			`Enter a whole number for ${label}, e.g. ${example}.`,
		);
	}
	if (rule.integer && (number < INT32_MIN || number > INT32_MAX)) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shownInput(value)} is out of range`,
			`Cart.com stores ${label} as a whole number from ${INT32_MIN} to ${INT32_MAX}.`,
		);
	}
	const minimum = rule.minimum ?? (rule.nonNegative ? 0 : undefined);
	if (minimum !== undefined && number < minimum) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shownInput(value)} is below ${minimum}`,
			`Enter ${label} as ${minimum} or more.`,
		);
	}
	// -0 would be sent as 0 anyway; normalising keeps comparisons with stored values simple.
	return number === 0 ? 0 : number;
}

/** Parses a JSON parameter into an object (n8n may already hand us an object from an expression). */
export function toJsonObject(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(
				ctx,
				itemIndex,
				field,
				'is not valid JSON',
				'Enter a JSON object, e.g. {"name": "Blue"}.',
			);
		}
	}
	if (!isJsonObject(parsed)) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			'must be a JSON object',
			'Enter a JSON object, e.g. {"name": "Blue"}.',
		);
	}
	return parsed;
}

/** Every entry of a JSON array carries the ID keys the field needs, each a valid ID. */
function checkEntryIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entries: unknown[],
	label: string,
	spec: FieldSpec,
): void {
	const keys = spec.entryIdKeys ?? [];
	const example = spec.placeholder ? `, e.g. ${spec.placeholder}` : '';
	entries.forEach((entry, index) => {
		const where = `${label} [${index}]`;
		if (!isJsonObject(entry)) {
			throw inputError(
				ctx,
				itemIndex,
				where,
				'must be an object',
				`Give each entry ${keys.join(', ')}${example}.`,
			);
		}
		const missing = keys.filter((key) => entry[key] === undefined);
		if (missing.length) {
			throw inputError(
				ctx,
				itemIndex,
				where,
				`needs ${missing.join(', ')}`,
				`Give each entry ${keys.join(', ')}${example}.`,
			);
		}
		for (const key of keys) toRecordId(ctx, entry[key], `${where}.${key}`, itemIndex);
	});
}

/** A value Cart.com is sent for one record field. */
export type FieldValue = IDataObject[string];

/** Converts one parameter value to what Cart.com expects for the field, or throws naming it. */
export function coerceField(
	ctx: IExecuteFunctions,
	spec: FieldSpec,
	value: unknown,
	itemIndex: number,
): FieldValue {
	const label = spec.label ?? toTitle(spec.name);
	switch (spec.type) {
		case 'number':
			return toNumber(ctx, itemIndex, value, label, {
				integer: spec.integer,
				nonNegative: spec.nonNegative,
			});
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw inputError(
				ctx,
				itemIndex,
				label,
				`"${String(value)}" is not true or false`,
				`Set ${label} to true or false.`,
			);
		case 'dateTime': {
			// Offsets are kept: Cart.com stores local times and accepts any ISO 8601 offset.
			const date = tryParseDateInput(value, ctx.getTimezone());
			if (!date) {
				throw inputError(
					ctx,
					itemIndex,
					label,
					`"${String(value)}" is not a valid date`,
					'Use ISO 8601, e.g. 2024-05-15T00:00:00-05:00.',
				);
			}
			return date.toISO();
		}
		case 'json': {
			let parsed: unknown = value;
			if (typeof value === 'string') {
				try {
					parsed = jsonParse(value);
				} catch {
					throw inputError(
						ctx,
						itemIndex,
						label,
						'is not valid JSON',
						`Enter valid JSON for ${label}.`,
					);
				}
			}
			const isArray = Array.isArray(parsed);
			const isObject = parsed !== null && typeof parsed === 'object' && !isArray;
			if ((spec.jsonShape === 'array' && !isArray) || (spec.jsonShape === 'object' && !isObject)) {
				throw inputError(
					ctx,
					itemIndex,
					label,
					`must be a JSON ${spec.jsonShape}`,
					`Enter a JSON ${spec.jsonShape} for ${label}.`,
				);
			}
			if (isArray && spec.entryIdKeys)
				checkEntryIds(ctx, itemIndex, parsed as unknown[], label, spec);
			// JSON text, or what an expression gave: JSON data either way.
			return parsed as FieldValue;
		}
		case 'options':
			// Store-specific ids picked from a dropdown may arrive as text from an expression.
			if (spec.integer) return toRecordId(ctx, value, label, itemIndex);
			// One of the field's own option values (text or a number).
			return value as FieldValue;
		default:
			return typeof value === 'string' ? value : String(value);
	}
}
