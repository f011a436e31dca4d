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
	defaultSortOf,
	sortParameters,
	type SortChoice,
} from '../../helpers/descriptions';
import { closeFieldNames, knownFilterFields } from '../../helpers/fields';
import { asNodeError } from '../../helpers/errors';
import { runPerItem } from '../../helpers/items';
import { toCamelCase } from '../../helpers/naming';
import { commaList, readCollection } from '../../helpers/parameters';
import { simplifyIfAsked } from '../../helpers/simplify';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { coerceField, inputError } from '../../helpers/validation';
import {
	buildListFilterQueries,
	cartComGetMany,
	type CartComRecord,
	FilterInputError,
	parseDateInput,
	sortRecordsBy,
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
		...sortParameters(spec),
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

/** What Get Many reads: the queries to send (merged by ID when several) and the order. */
interface SortPlan {
	/** Sent as Cart.com's `sort`. */
	sort?: string;
	/** The order the node puts the records in itself, when it merges or re-sorts. */
	localSort?: string;
}

interface ListPlan {
	queries: Query[];
	localSort?: string;
	/** Fields fetched only to sort by, removed from the output (Options → Fields did not ask for them). */
	sortOnly: string[];
}

/** A quick filter's value; empty means "not filtered" (numbers are entered as text, see filterParameter). */
const isEmptyFilter = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Refuses a custom condition on a field the resource does not have: Cart.com would ignore it. */
function checkConditionFields(
	ctx: IExecuteFunctions,
	spec: ResourceSpec,
	fields: string[],
	itemIndex: number,
): void {
	const known = knownFilterFields(spec);
	if (!known) return;
	for (const field of fields) {
		if (known.includes(field)) continue;
		const close = closeFieldNames(field, known);
		throw inputError(
			ctx,
			itemIndex,
			'Custom Filters',
			`"${field}" is not a field of ${spec.plural}, and Cart.com would ignore the condition`,
			close.length
				? `Did you mean ${close.map((name) => `"${name}"`).join(', ')}? Choose the field from the list.`
				: 'Choose the field from the list.',
		);
	}
}

/**
 * Cart.com's `sort` for the Sort choice (docs/common_usage.md: `-` sorts descending). IDs grow with
 * creation, and a record never changes its ID, so Newest First pages safely while orders arrive
 * (a record pushed onto the next page is read twice and kept once). Recently Updated moves a record
 * changed while the list is read to page 1, past the reader; Return All therefore reads it in ID
 * order and sorts the whole list itself.
 */
function sortPlan(
	ctx: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
	returnAll: boolean,
	options: Record<string, unknown>,
): SortPlan {
	const id = spec.idField ?? 'id';
	const custom = commaList(options.sort);
	const choice = ctx.getNodeParameter(
		'sortOrder',
		itemIndex,
		defaultSortOf(ctx.getNode().typeVersion),
	) as SortChoice;
	// Sort Fields, once added, wins: workflows saved before the Sort choice existed keep their order.
	if (choice === 'custom' || custom) return { sort: custom };
	if (choice === 'oldest') return { sort: id };
	if (choice === 'updated' && spec.timestamps) {
		const sort = `-updated_at,-${id}`;
		return returnAll ? { sort: id, localSort: sort } : { sort };
	}
	return { sort: `-${id}` };
}

/** Filters, custom conditions, sort and options of Get Many → Cart.com queries (docs/query_syntax.md). */
function readListPlan(
	ctx: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
	returnAll: boolean,
): ListPlan {
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
			if (isEmptyFilter(value)) continue;
			conditions.push({
				field: field.name,
				operator: field.operator ?? 'eq',
				value: coerceField(
					ctx,
					field,
					typeof value === 'string' ? value.trim() : value,
					itemIndex,
				) as string | number | boolean,
			});
		}
		const custom = (
			(readCollection(ctx, 'customFilters', itemIndex).conditions ?? []) as Array<{
				field: string;
				operator: FilterOperator;
				value: string;
			}>
		).map((condition) => ({ ...condition, field: String(condition.field ?? '').trim() }));
		checkConditionFields(
			ctx,
			spec,
			custom.map((condition) => condition.field),
			itemIndex,
		);
		const match = ctx.getNodeParameter('match', itemIndex, 'all') === 'any' ? 'any' : 'all';
		const sorting = sortPlan(ctx, spec, itemIndex, returnAll, options);
		const filterQueries = buildListFilterQueries(conditions, custom, match);
		// Several queries are merged, so the node orders the result itself.
		const localSort = sorting.localSort ?? (filterQueries.length > 1 ? sorting.sort : undefined);
		const fields = commaList(options.fields)?.split(',');
		const sortOnly =
			fields && localSort
				? localSort
						.split(',')
						.map((key) => key.replace(/^[-+]/, ''))
						.filter((key) => key !== 'id' && !fields.includes(key))
				: [];
		const queries = filterQueries.map((query) => ({
			...query,
			sort: sorting.sort,
			fields: fields ? [...fields, ...sortOnly].join(',') : undefined,
			expand: commaList(options.expand),
		}));
		return { queries, localSort, sortOnly };
	} catch (error) {
		throw error instanceof FilterInputError
			? inputError(ctx, itemIndex, error.field, error.message, 'Correct the filter value.')
			: asNodeError(ctx, error, itemIndex);
	}
}

/** Records of several lists, each once (by its key), in the plan's order, up to `limit`. */
function mergeLists(
	lists: CartComRecord[][],
	plan: ListPlan,
	key: string,
	limit: number | undefined,
): CartComRecord[] {
	const seen = new Set<unknown>();
	const merged: CartComRecord[] = [];
	for (const record of lists.flat()) {
		const id = record[key];
		if (id !== undefined && id !== null) {
			if (seen.has(id)) continue;
			seen.add(id);
		}
		merged.push(record);
	}
	const sorted = sortRecordsBy(merged, plan.localSort);
	const kept = limit === undefined ? sorted : sorted.slice(0, limit);
	for (const record of kept) for (const field of plan.sortOnly) delete record[field];
	return kept;
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
		const plan = readListPlan(this, spec, i, returnAll);
		for (const query of plan.queries)
			for (const field of spec.undatedFields ?? []) if (field in query) undatedFiltered.add(field);
		const lists: CartComRecord[][] = [];
		for (const query of plan.queries) {
			lists.push(
				await cartComGetMany.call(this, {
					path: spec.path,
					recordsKey: spec.recordsKey,
					query,
					limit,
					pageSize: options.pageSize as number | undefined,
					itemIndex: i,
				}),
			);
		}
		const records =
			plan.localSort === undefined && lists.length === 1
				? lists[0]
				: mergeLists(lists, plan, spec.idField ?? 'id', limit);
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
	endpoints: (spec) => [{ method: 'GET', path: spec.path }],
	execute,
};
