import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldParameter, RECORD_ID } from './descriptions';
import { toCamelCase } from './naming';
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

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** The name the editor shows for a field ("Status Name or ID" for a dropdown of store records). */
export const displayNameOf = (field: FieldSpec): string => fieldParameter(field, false).displayName;

/**
 * One error naming every missing required field by the name the editor shows, e.g. "Name, Price:
 * are required [item 0]": fixing one per run would cost a run per missing field.
 */
export function throwIfMissing(
	ctx: IExecuteFunctions,
	itemIndex: number,
	missing: Array<FieldSpec | string>,
	context: { resource?: string; when?: string; fix?: string },
): void {
	if (missing.length === 0) return;
	const labels = missing.map((field) => (typeof field === 'string' ? field : displayNameOf(field)));
	const list =
		labels.length === 1
			? labels[0]
			: `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
	throw inputError(
		ctx,
		itemIndex,
		labels.join(', '),
		`${missing.length === 1 ? 'is' : 'are'} required${context.when ? ` ${context.when}` : ''}`,
		context.fix ??
			(context.resource
				? `Fill in ${list} to create ${withArticle(context.resource)}.`
				: `Fill in ${list}.`),
	);
}

/**
 * A task's required parameters (display name → value as read), checked together before any other
 * check or request, so that all empty ones are named in one error.
 */
export function requireGiven(
	ctx: IExecuteFunctions,
	itemIndex: number,
	given: Record<string, unknown>,
	context: { resource?: string; fix?: string } = {},
): void {
	const missing = Object.entries(given)
		.filter(([, value]) => isNotGiven(value))
		.map(([label]) => label);
	throwIfMissing(ctx, itemIndex, missing, context);
}

/** A resource locator's value as typed or picked ('' when empty), for requireGiven. */
export const locatorValue = (ctx: IExecuteFunctions, name: string, itemIndex: number): unknown =>
	ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });

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
