import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	customFiltersParameter,
	filtersCollection,
	forOperation,
	limitParameter,
	listOptionsCollection,
	matchParameter,
	returnAllParameter,
	simplifyParameter,
} from '../../helpers/descriptions';
import { asNodeError } from '../../helpers/errors';
import { runPerItem } from '../../helpers/items';
import { toCamelCase } from '../../helpers/naming';
import { commaList, readCollection } from '../../helpers/parameters';
import { simplifyIfAsked } from '../../helpers/simplify';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { coerceField, inputError } from '../../helpers/validation';
import {
	buildListFilterQuery,
	cartComGetMany,
	FilterInputError,
	parseDateInput,
	type FilterCondition,
	type FilterOperator,
	type Query,
	warnUser,
} from '../../transport';

/** Get Many: a list with quick filters, custom conditions and list options, all or up to a limit. */
function description(spec: ResourceSpec) {
	return forOperation(spec.value, 'getAll', [
		returnAllParameter,
		limitParameter,
		...simplifyParameter(spec),
		filtersCollection(spec),
		customFiltersParameter,
		matchParameter,
		listOptionsCollection(spec),
	]);
}

/** The date filters every resource with timestamps offers: parameter, Cart.com field, operator. */
const DATE_FILTERS: Array<[string, string, FilterOperator, string]> = [
	['createdAfter', 'created_at', 'gte', 'Created After'],
	['createdBefore', 'created_at', 'lt', 'Created Before'],
	['updatedAfter', 'updated_at', 'gte', 'Updated After'],
	['updatedBefore', 'updated_at', 'lt', 'Updated Before'],
];

/** Filters, custom conditions and options of Get Many → Cart.com query parameters (docs/query_syntax.md). */
function readListQuery(ctx: IExecuteFunctions, spec: ResourceSpec, itemIndex: number): Query {
	const filters = readCollection(ctx, 'filters', itemIndex);
	const options = readCollection(ctx, 'options', itemIndex);
	const conditions: FilterCondition[] = [];
	try {
		for (const [param, field, operator, label] of DATE_FILTERS) {
			const value = filters[param];
			if (value === undefined || value === '') continue;
			conditions.push({ field, operator, value: parseDateInput(value, label, ctx.getTimezone()) });
		}
		for (const field of spec.filterFields ?? []) {
			const value = filters[toCamelCase(field.name)];
			if (value === undefined || value === '') continue;
			conditions.push({
				field: field.name,
				operator: field.operator ?? 'eq',
				value: coerceField(ctx, field, value, itemIndex) as string | number | boolean,
			});
		}
		const custom = (readCollection(ctx, 'customFilters', itemIndex).conditions ?? []) as Array<{
			field: string;
			operator: FilterOperator;
			value: string;
		}>;
		const match = ctx.getNodeParameter('match', itemIndex, 'all') === 'any' ? 'any' : 'all';
		const base = buildListFilterQuery(
			conditions,
			custom.map((condition) => ({ ...condition, field: condition.field.trim() })),
			match,
		);
		return {
			...base,
			sort: commaList(options.sort),
			fields: commaList(options.fields),
			expand: commaList(options.expand),
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

/** Said once per run: a date filter on a field live stores leave empty leaves those records out. */
function undatedNote(spec: ResourceSpec, fields: string[]): string {
	const list = fields.join(' / ');
	return `Get Many ${spec.plural}: Cart.com leaves ${list} empty on some ${spec.plural}, and a filter on ${list} never matches an empty date, so those ${spec.plural} are not in this list. To include them, filter on other fields.`;
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	const undatedFiltered = new Set<string>();
	const output = await runPerItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
		const options = readCollection(this, 'options', i);
		const query = readListQuery(this, spec, i);
		for (const field of spec.undatedFields ?? []) if (field in query) undatedFiltered.add(field);
		const records = await cartComGetMany.call(this, {
			path: spec.path,
			recordsKey: spec.recordsKey,
			query,
			limit,
			pageSize: options.pageSize as number | undefined,
			itemIndex: i,
		});
		return simplifyIfAsked(this, spec, i, records);
	});
	if (undatedFiltered.size)
		warnUser(this, { secrets: [] }, undatedNote(spec, [...undatedFiltered]));
	return output;
}

export const getMany: StandardOperation = {
	value: 'getAll',
	option: (spec) => ({
		name: 'Get Many',
		value: 'getAll',
		action: `Get many ${spec.plural}`,
		description: `List ${spec.plural}, with filters`,
	}),
	description,
	execute,
};
