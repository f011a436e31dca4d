import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { RECORD_ID } from './descriptions';
import { toCamelCase, toTitle } from './naming';
import type { FieldSpec, ResourceSpec } from './types';
import { readCollection } from '../../shared/node';
import { coerceField, inputError, toJsonObject, toRecordId } from './validation';

// Service-neutral (nodes/shared/node), shared with the CartRover node.
export { readCollection } from '../../shared/node';

/** Reads a resource-locator id parameter and checks it is numeric before any request. */
export function readRecordId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = RECORD_ID,
	label = 'ID',
): number {
	const value = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	return toRecordId(ctx, value, label, itemIndex);
}

/** `a, b,,c` or `['a','b']` → `a,b,c`, as Cart.com's sort / fields / expand take lists; undefined when empty. */
export function commaList(value: unknown): string | undefined {
	if (Array.isArray(value)) return value.length ? value.join(',') : undefined;
	if (typeof value !== 'string') return undefined;
	const cleaned = value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.join(',');
	return cleaned || undefined;
}

/** A parameter left empty: nothing to send (text that is only spaces counts as empty). */
export const isNotGiven = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** One error naming every missing required field, e.g. "Name, Price: are required [item 0]". */
export function throwIfMissing(
	ctx: IExecuteFunctions,
	itemIndex: number,
	missing: FieldSpec[],
	context: { resource: string; when?: string; fix?: string },
): void {
	if (missing.length === 0) return;
	const labels = missing.map((field) => field.label ?? toTitle(field.name)).join(', ');
	const names = missing.map((field) => field.name).join(', ');
	throw inputError(
		ctx,
		itemIndex,
		labels,
		`${missing.length === 1 ? 'is' : 'are'} required${context.when ? ` ${context.when}` : ''}`,
		context.fix ?? `Cart.com needs ${names} to create a ${context.resource}.`,
	);
}

/** Record fields from Create's required parameters and the Additional / Update Fields collection. */
export function readBody(
	ctx: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
	mode: 'create' | 'update',
): IDataObject {
	const body: IDataObject = {};
	const optionalFields =
		mode === 'create' ? spec.fields.filter((field) => !field.required) : spec.fields;
	if (mode === 'create') {
		const required = spec.fields.filter((field) => field.required);
		const values = required.map(
			(field) => ctx.getNodeParameter(toCamelCase(field.name), itemIndex) as unknown,
		);
		// All of them in one message: fixing one per run would cost a run per missing field.
		throwIfMissing(
			ctx,
			itemIndex,
			required.filter((_field, index) => isNotGiven(values[index])),
			{ resource: spec.name.toLowerCase() },
		);
		required.forEach((field, index) => {
			body[field.name] = coerceField(ctx, field, values[index], itemIndex);
		});
	}
	const collection = readCollection(
		ctx,
		mode === 'create' ? 'additionalFields' : 'updateFields',
		itemIndex,
	);
	const byParam = new Map<string, FieldSpec>(
		optionalFields.map((field) => [toCamelCase(field.name), field]),
	);
	for (const [param, value] of Object.entries(collection)) {
		if (param === 'otherFieldsJson') continue;
		const field = byParam.get(param);
		if (!field) continue;
		body[field.name] = coerceField(ctx, field, value, itemIndex);
	}
	const other = toJsonObject(ctx, collection.otherFieldsJson, 'Other Fields (JSON)', itemIndex);
	return { ...other, ...body };
}
