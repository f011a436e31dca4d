import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { cartComRequest, parseListPage } from '../transport';
import { findSpec } from '../actions/specs';
import type { ResourceSpec } from '../helpers/types';

const SEARCH_PAGE_SIZE = 50;

const idOf = (spec: ResourceSpec, record: Record<string, unknown>) => String(record[spec.idField ?? 'id']);

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
	const query: Record<string, string | number> = { count: SEARCH_PAGE_SIZE, page, sort: `-${spec.idField ?? 'id'}` };
	const term = filter?.trim();
	if (term) {
		if (/^\d+$/.test(term)) query[spec.idField ?? 'id'] = term;
		else if (spec.titleField) query[spec.titleField] = `like:${term}`;
	}
	const body = await cartComRequest.call(ctx, { method: 'GET', path: spec.path, query, allowNotFound: true });
	if (body === undefined) return { results: [] };
	const { records, hasNextPage } = parseListPage(body, spec.recordsKey);
	return {
		results: records.map((record) => ({ name: title(spec, record), value: idOf(spec, record) })),
		paginationToken: hasNextPage ? String(page + 1) : undefined,
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
