import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartComGetMany, cartComRequest, cartComWrite } from '../transport';
import {
	buildListFilterQuery,
	FilterInputError,
	parseDateInput,
	type FilterCondition,
	type FilterOperator,
} from '../transport/filters';
import type { Query } from '../transport/query';
import {
	customFiltersParameter,
	expandParameter,
	fieldParameter,
	fieldsCollection,
	filtersCollection,
	forOperation,
	limitParameter,
	listOptionsCollection,
	matchParameter,
	recordLocator,
	RECORD_ID,
	returnAllParameter,
	simplifyParameter,
	writeOptionsCollection,
} from './descriptions';
import { asNodeError } from './errors';
import { runPerItem } from './items';
import { toCamelCase, toTitle } from './naming';
import type { FieldSpec, OperationModule, ResourceSpec } from './types';
import { coerceField, inputError, toJsonObject, toRecordId } from './validation';

const lower = (spec: ResourceSpec) => spec.name.toLowerCase();

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

/** Keeps the simplified field set (and id) when the node's Simplify toggle is on. */
export function simplifyRecord(record: IDataObject, fields: string[] | undefined): IDataObject {
	if (!fields?.length) return record;
	const simplified: IDataObject = {};
	for (const field of ['id', ...fields]) if (field in record) simplified[field] = record[field];
	return simplified;
}

function maybeSimplify(ctx: IExecuteFunctions, spec: ResourceSpec, itemIndex: number, records: IDataObject[]) {
	if (!spec.simplifyFields?.length) return records;
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? records.map((record) => simplifyRecord(record, spec.simplifyFields)) : records;
}

function csv(value: unknown): string | undefined {
	if (Array.isArray(value)) return value.length ? value.join(',') : undefined;
	if (typeof value !== 'string') return undefined;
	const cleaned = value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.join(',');
	return cleaned || undefined;
}

/** Filters, custom conditions and options of Get Many → Cart.com query parameters. */
export function readListQuery(ctx: IExecuteFunctions, spec: ResourceSpec, itemIndex: number): Query {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const conditions: FilterCondition[] = [];
	const dateFilter = (param: string, field: string, operator: FilterOperator, label: string) => {
		const value = filters[param];
		if (value === undefined || value === '') return;
		conditions.push({ field, operator, value: parseDateInput(value, label, ctx.getTimezone()) });
	};
	try {
		dateFilter('createdAfter', 'created_at', 'gte', 'Created After');
		dateFilter('createdBefore', 'created_at', 'lt', 'Created Before');
		dateFilter('updatedAfter', 'updated_at', 'gte', 'Updated After');
		dateFilter('updatedBefore', 'updated_at', 'lt', 'Updated Before');
		for (const field of spec.filterFields ?? []) {
			const value = filters[toCamelCase(field.name)];
			if (value === undefined || value === '') continue;
			conditions.push({
				field: field.name,
				operator: field.operator ?? 'eq',
				value: coerceField(ctx, field, value, itemIndex) as string | number | boolean,
			});
		}
		const custom = ((ctx.getNodeParameter('customFilters', itemIndex, {}) as IDataObject).conditions ??
			[]) as Array<{ field: string; operator: FilterOperator; value: string }>;
		const match = ctx.getNodeParameter('match', itemIndex, 'all') === 'any' ? 'any' : 'all';
		const base = buildListFilterQuery(
			conditions,
			custom.map((condition) => ({ ...condition, field: condition.field.trim() })),
			match,
		);
		return {
			...base,
			sort: csv(options.sort),
			fields: csv(options.fields),
			expand: csv(options.expand),
		};
	} catch (error) {
		throw error instanceof FilterInputError
			? inputError(
					ctx,
					itemIndex,
					error.field,
					error.message,
					error.field === 'Match'
						? 'Set Match to All Conditions, or remove the other filters and keep only the conditions.'
						: 'Correct the filter value.',
				)
			: asNodeError(ctx, error, itemIndex);
	}
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
	const optionalFields = mode === 'create' ? spec.fields.filter((field) => !field.required) : spec.fields;
	if (mode === 'create') {
		const required = spec.fields.filter((field) => field.required);
		const values = required.map((field) => ctx.getNodeParameter(toCamelCase(field.name), itemIndex) as unknown);
		// All of them in one message: fixing one per run would cost a run per missing field.
		throwIfMissing(ctx, itemIndex, required.filter((_field, index) => isNotGiven(values[index])), { resource: lower(spec) });
		required.forEach((field, index) => {
			body[field.name] = coerceField(ctx, field, values[index], itemIndex) as IDataObject[string];
		});
	}
	const collectionName = mode === 'create' ? 'additionalFields' : 'updateFields';
	const collection = ctx.getNodeParameter(collectionName, itemIndex, {}) as IDataObject;
	const byParam = new Map<string, FieldSpec>(optionalFields.map((field) => [toCamelCase(field.name), field]));
	for (const [param, value] of Object.entries(collection)) {
		if (param === 'otherFieldsJson') continue;
		const field = byParam.get(param);
		if (!field) continue;
		body[field.name] = coerceField(ctx, field, value, itemIndex) as IDataObject[string];
	}
	const other = toJsonObject(ctx, collection.otherFieldsJson, 'Other Fields (JSON)', itemIndex);
	return { ...other, ...body };
}

/** The "Parallel Requests" write option (read once: it applies to the whole run). */
export function writeConcurrency(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('writeOptions', 0, {}) as IDataObject;
	return Number(options.concurrency ?? 1) || 1;
}

// ---- Operation factories: the behaviour every plain Cart.com resource shares ----

export function getOperation(spec: ResourceSpec): OperationModule {
	const description: INodeProperties[] = [recordLocator(spec), ...simplifyParameter(spec)];
	if (spec.nested?.length) {
		description.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				expandParameter(spec),
				{ displayName: 'Fields', name: 'fields', type: 'string', default: '', placeholder: 'e.g. order_number,updated_at', description: 'Comma-separated fields to return; empty returns all' },
			],
		});
	}
	return {
		option: { name: 'Get', value: 'get', action: `Get ${lower(spec)}`, description: `Retrieve one ${lower(spec)} by ID` },
		description: forOperation(spec.value, 'get', description),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				const id = readRecordId(this, i);
				const options = spec.nested?.length ? (this.getNodeParameter('options', i, {}) as IDataObject) : {};
				const record = (await cartComRequest.call(this, {
					method: 'GET',
					path: `${spec.path}/${id}`,
					query: { expand: csv(options.expand), fields: csv(options.fields) },
					itemIndex: i,
				})) as IDataObject;
				return maybeSimplify(this, spec, i, [record]);
			});
		},
	};
}

export function getManyOperation(spec: ResourceSpec): OperationModule {
	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${spec.plural}`,
			description: `List ${spec.plural}, with filters`,
		},
		description: forOperation(spec.value, 'getAll', [
			returnAllParameter,
			limitParameter,
			...simplifyParameter(spec),
			filtersCollection(spec),
			customFiltersParameter,
			matchParameter,
			listOptionsCollection(spec),
		]),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				const returnAll = this.getNodeParameter('returnAll', i) as boolean;
				const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const records = (await cartComGetMany.call(this, {
					path: spec.path,
					recordsKey: spec.recordsKey,
					query: readListQuery(this, spec, i),
					limit,
					pageSize: options.pageSize as number | undefined,
					itemIndex: i,
				})) as IDataObject[];
				return maybeSimplify(this, spec, i, records);
			});
		},
	};
}

export function createOperation(spec: ResourceSpec): OperationModule {
	const required = spec.fields.filter((field) => field.required).map((field) => fieldParameter(field, true));
	return {
		option: { name: 'Create', value: 'create', action: `Create ${lower(spec)}`, description: `Create a new ${lower(spec)}` },
		description: forOperation(spec.value, 'create', [
			...required,
			fieldsCollection('additionalFields', spec.fields.filter((field) => !field.required)),
			writeOptionsCollection(),
		]),
		async execute(items) {
			return await runPerItem(
				this,
				items,
				async (i) => {
					const body = readBody(this, spec, i, 'create');
					if (Object.keys(body).length === 0 && !spec.createsEmpty) {
						// Nothing given at all is a mapping gone wrong, not a wish for a blank record.
						throw inputError(this, i, 'Additional Fields', 'no field given', `Add at least one field of the ${lower(spec)} to create.`);
					}
					if ('id' in body) {
						// POST with an id is an upsert in Cart.com; Create must never overwrite by accident.
						throw inputError(this, i, 'Other Fields (JSON)', 'must not contain "id"', `Use the Update operation to change an existing ${lower(spec)}.`);
					}
					return (await cartComWrite.call(this, { method: 'POST', path: spec.path, body, itemIndex: i })) as IDataObject;
				},
				writeConcurrency(this),
			);
		},
	};
}

export function updateOperation(spec: ResourceSpec): OperationModule {
	return {
		option: { name: 'Update', value: 'update', action: `Update ${lower(spec)}`, description: `Change fields of a ${lower(spec)}` },
		description: forOperation(spec.value, 'update', [
			recordLocator(spec),
			fieldsCollection('updateFields', spec.fields),
			writeOptionsCollection(),
		]),
		async execute(items) {
			return await runPerItem(
				this,
				items,
				async (i) => {
					const id = readRecordId(this, i);
					const body = readBody(this, spec, i, 'update');
					delete body.id;
					if (Object.keys(body).length === 0) {
						throw inputError(this, i, 'Update Fields', 'no field to update', 'Add at least one field under Update Fields.');
					}
					return (await cartComWrite.call(this, { method: 'PUT', path: `${spec.path}/${id}`, body, itemIndex: i }, { id })) as IDataObject;
				},
				writeConcurrency(this),
			);
		},
	};
}

export function deleteOperation(spec: ResourceSpec): OperationModule {
	return {
		option: { name: 'Delete', value: 'delete', action: `Delete ${lower(spec)}`, description: `Delete a ${lower(spec)} permanently` },
		description: forOperation(spec.value, 'delete', [recordLocator(spec), writeOptionsCollection()]),
		async execute(items) {
			return await runPerItem(
				this,
				items,
				async (i) => {
					const id = readRecordId(this, i);
					await cartComRequest.call(this, { method: 'DELETE', path: `${spec.path}/${id}`, itemIndex: i });
					return { id, deleted: true };
				},
				writeConcurrency(this),
			);
		},
	};
}

export function getFilledOperation(spec: ResourceSpec): OperationModule {
	return {
		option: {
			name: 'Get With Related',
			value: 'getFilled',
			action: `Get ${lower(spec)} with related records`,
			description: `Retrieve one ${lower(spec)} with all nested collections filled (${(spec.nested ?? []).join(', ')})`,
		},
		description: forOperation(spec.value, 'getFilled', [recordLocator(spec)]),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				const id = readRecordId(this, i);
				return (await cartComRequest.call(this, { method: 'GET', path: `${spec.path}/${id}/filled`, itemIndex: i })) as IDataObject;
			});
		},
	};
}

export function selectManyOperation(spec: ResourceSpec): OperationModule {
	return {
		option: {
			name: 'Get Several by ID',
			value: 'selectMany',
			action: `Get several ${spec.plural} by ID`,
			description: `Retrieve up to hundreds of ${spec.plural} in one call by their IDs`,
		},
		description: forOperation(spec.value, 'selectMany', [
			{
				displayName: 'IDs',
				name: 'ids',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 100231,100232',
				description: 'Comma-separated IDs',
			},
			...simplifyParameter(spec),
		]),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				const raw = String(this.getNodeParameter('ids', i, '') ?? '');
				const ids = raw
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean)
					.map((part) => toRecordId(this, part, 'IDs', i));
				if (ids.length === 0) throw inputError(this, i, 'IDs', 'is empty', 'Enter at least one ID, e.g. 100231,100232.');
				const records = (await cartComGetMany.call(this, {
					path: `${spec.path}/select_many`,
					recordsKey: spec.recordsKey,
					query: { ids: ids.join(',') },
					itemIndex: i,
				})) as IDataObject[];
				return maybeSimplify(this, spec, i, records);
			});
		},
	};
}

const FACTORIES: Record<string, (spec: ResourceSpec) => OperationModule> = {
	get: getOperation,
	getAll: getManyOperation,
	create: createOperation,
	update: updateOperation,
	delete: deleteOperation,
	getFilled: getFilledOperation,
	selectMany: selectManyOperation,
};

/** The standard operations a resource spec asks for. */
export const standardOperations = (spec: ResourceSpec): OperationModule[] =>
	spec.operations.map((operation) => FACTORIES[operation](spec));
