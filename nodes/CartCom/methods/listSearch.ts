import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	buildFilterQuery,
	fetchListPage,
	FilterInputError,
	getConnection,
	type Query,
} from '../transport';
import { findSpec } from '../actions/specs';
import { asNodeError } from '../helpers/errors';
import type { ResourceSpec } from '../helpers/types';

const SEARCH_PAGE_SIZE = 50;

const idOf = (spec: ResourceSpec, record: Record<string, unknown>) =>
	String(record[spec.idField ?? 'id']);

function title(spec: ResourceSpec, record: Record<string, unknown>): string {
	const label = spec.titleField ? record[spec.titleField] : undefined;
	const text = label !== undefined && label !== null && label !== '' ? String(label) : undefined;
	return text ? `${text} (#${idOf(spec, record)})` : `${spec.name} #${idOf(spec, record)}`;
}

/** Pages through a resource for "From list" pickers, filtered by the title field (contains). */
async function search(
	ctx: ILoadOptionsFunctions,
	spec: ResourceSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const idField = spec.idField ?? 'id';
	let filterQuery: Query = {};
	const term = filter?.trim();
	try {
		if (term && /^\d+$/.test(term))
			filterQuery = buildFilterQuery([{ field: idField, operator: 'eq', value: term }]);
		else if (term && spec.titleField)
			filterQuery = buildFilterQuery([{ field: spec.titleField, operator: 'like', value: term }]);
	} catch (error) {
		// A search text Cart.com would read as several conditions finds nothing rather than too much.
		if (error instanceof FilterInputError) return { results: [] };
		throw asNodeError(ctx, error);
	}
	const connection = await getConnection(ctx);
	const { records, hasNextPage } = await fetchListPage(ctx, connection, {
		path: spec.path,
		recordsKey: spec.recordsKey,
		query: { ...filterQuery, sort: `-${idField}` },
		page,
		count: SEARCH_PAGE_SIZE,
	});
	return {
		results: records.map((record) => ({ name: title(spec, record), value: idOf(spec, record) })),
		paginationToken: hasNextPage && records.length > 0 ? String(page + 1) : undefined,
	};
}

export const listSearch = {
	/** The picker of the resource selected in the node. */
	async searchRecords(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const resource = this.getCurrentNodeParameter('resource') as string;
		return await search(this, findSpec(resource), filter, paginationToken);
	},
	async searchOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, findSpec('order'), filter, paginationToken);
	},
	async searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, findSpec('product'), filter, paginationToken);
	},
	async searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, findSpec('customer'), filter, paginationToken);
	},
};
