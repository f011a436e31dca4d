import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { tryParseDateInput } from '../transport/filters';
import { toTitle } from './naming';
import type { FieldSpec } from './types';

/** A NodeOperationError naming the parameter, the item and how to fix it. */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		description: fix,
		itemIndex,
	});
}

/** Ids in Cart.com are positive integers; catching "abc" or "12.5" here saves a useless request. */
export function toRecordId(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
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

/** Parses a JSON parameter into an object (n8n may already hand us an object from an expression). */
export function toJsonObject(ctx: IExecuteFunctions, value: unknown, field: string, itemIndex: number): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(ctx, itemIndex, field, 'is not valid JSON', 'Enter a JSON object, e.g. {"name": "Blue"}.');
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(ctx, itemIndex, field, 'must be a JSON object', 'Enter a JSON object, e.g. {"name": "Blue"}.');
	}
	return parsed as IDataObject;
}

/** Converts one parameter value to what Cart.com expects for the field, or throws naming it. */
export function coerceField(ctx: IExecuteFunctions, spec: FieldSpec, value: unknown, itemIndex: number): unknown {
	const label = spec.label ?? toTitle(spec.name);
	switch (spec.type) {
		case 'number': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (value === '' || value === null || !Number.isFinite(number)) {
				throw inputError(ctx, itemIndex, label, `"${String(value)}" is not a number`, `Enter a number for ${label}.`);
			}
			if (spec.integer && !Number.isInteger(number)) {
				throw inputError(ctx, itemIndex, label, `"${String(value)}" is not a whole number`, `Enter a whole number for ${label}.`);
			}
			return number;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw inputError(ctx, itemIndex, label, `"${String(value)}" is not true or false`, `Set ${label} to true or false.`);
		case 'dateTime': {
			// Offsets are kept: Cart.com stores local times and accepts any ISO 8601 offset.
			const date = tryParseDateInput(value, ctx.getTimezone());
			if (!date) {
				throw inputError(ctx, itemIndex, label, `"${String(value)}" is not a valid date`, 'Use ISO 8601, e.g. 2024-05-15T00:00:00-05:00.');
			}
			return date.toISO();
		}
		case 'json': {
			let parsed: unknown = value;
			if (typeof value === 'string') {
				try {
					parsed = jsonParse(value);
				} catch {
					throw inputError(ctx, itemIndex, label, 'is not valid JSON', `Enter valid JSON for ${label}.`);
				}
			}
			const isArray = Array.isArray(parsed);
			const isObject = parsed !== null && typeof parsed === 'object' && !isArray;
			if ((spec.jsonShape === 'array' && !isArray) || (spec.jsonShape === 'object' && !isObject)) {
				throw inputError(ctx, itemIndex, label, `must be a JSON ${spec.jsonShape}`, `Enter a JSON ${spec.jsonShape} for ${label}.`);
			}
			return parsed;
		}
		case 'options':
			// Store-specific ids picked from a dropdown may arrive as text from an expression.
			if (spec.integer) return toRecordId(ctx, value, label, itemIndex);
			return value;
		default:
			return typeof value === 'string' ? value : String(value);
	}
}
