import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import {
	buildFilterQuery,
	cartComGetMany,
	fetchListPage,
	FilterInputError,
	getConnection,
	type CartComRecord,
	type Query,
} from '../transport';
import { findSpec } from '../actions/specs';
import { asNodeError } from '../helpers/errors';
import type { ResourceSpec } from '../helpers/types';

const SEARCH_PAGE_SIZE = 50;
/** Order statuses read for the order picker's labels: a store has a handful. */
const LABEL_LOOKUP_CAP = 200;

const idOf = (spec: ResourceSpec, record: Record<string, unknown>) =>
	String(record[spec.idField ?? 'id']);

function title(spec: ResourceSpec, record: Record<string, unknown>): string {
	const label = spec.titleField ? record[spec.titleField] : undefined;
	const text = label !== undefined && label !== null && label !== '' ? String(label) : undefined;
	return text ? `${text} (#${idOf(spec, record)})` : `${spec.name} #${idOf(spec, record)}`;
}

/** Text of a record field, '' when empty. */
const textOf = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** 55.43 from 55.43, "55.4" or 55.4321; '' when the field is not a number (no currency: the store's is unknown). */
function amountOf(value: unknown): string {
	const amount = typeof value === 'number' ? value : Number(textOf(value));
	return textOf(value) !== '' && Number.isFinite(amount) ? amount.toFixed(2) : '';
}

const joined = (parts: string[]) => parts.filter(Boolean).join(' · ');

/** "Jane Doe · jane@example.com": what a person recognises a customer by. */
function customerLabel(customer: CartComRecord): string {
	const name = [textOf(customer.first_name), textOf(customer.last_name)].filter(Boolean).join(' ');
	return joined([name || textOf(customer.company), textOf(customer.email)]);
}

/** Names of the store's order statuses by ID, read once per picker page; empty when they cannot be read. */
async function orderStatusNames(ctx: ILoadOptionsFunctions): Promise<Map<string, string>> {
	try {
		const statuses = await cartComGetMany.call(ctx, {
			path: '/order_statuses',
			recordsKey: 'order_statuses',
			limit: LABEL_LOOKUP_CAP,
			pageSize: LABEL_LOOKUP_CAP,
		});
		return new Map(statuses.map((status) => [textOf(status.id), textOf(status.name)]));
	} catch {
		// A label detail, not the picker's purpose: a token without that scope still lists orders.
		return new Map();
	}
}

/**
 * The customers of one page of orders, in one call (`/customers/select_many`): orders carry only
 * `customer_id`, no e-mail or name (test/simulator/liveSchemas/orders.json).
 */
async function customerLabels(
	ctx: ILoadOptionsFunctions,
	orders: CartComRecord[],
): Promise<Map<string, string>> {
	const ids = [...new Set(orders.map((order) => textOf(order.customer_id)))].filter((id) =>
		/^[1-9]\d*$/.test(id),
	);
	if (ids.length === 0) return new Map();
	try {
		const customers = await cartComGetMany.call(ctx, {
			path: '/customers/select_many',
			recordsKey: 'customers',
			query: { ids: ids.slice(0, SEARCH_PAGE_SIZE).join(',') },
		});
		return new Map(customers.map((customer) => [textOf(customer.id), customerLabel(customer)]));
	} catch {
		return new Map();
	}
}

/** "#100060 · 2024-05-14 · 55.43 · Shipped · jane@example.com" (the date as the store keeps it). */
function orderLabel(
	order: CartComRecord,
	statuses: Map<string, string>,
	customers: Map<string, string>,
): string {
	const id = textOf(order.id);
	const number = textOf(order.order_number) || id;
	const statusId = textOf(order.order_status_id);
	const customerId = textOf(order.customer_id);
	const label = joined([
		`#${number}`,
		textOf(order.ordered_at ?? order.created_at).slice(0, 10),
		amountOf(order.grand_total),
		statuses.get(statusId) || (statusId ? `status ${statusId}` : ''),
		customers.get(customerId) || (customerId ? `customer ${customerId}` : ''),
	]);
	return number === id ? label : `${label} (ID ${id})`;
}

/** "TSHIRT-RED-L · Logo Tee · 19.99 (#123)". */
const productLabel = (product: CartComRecord) =>
	`${joined([textOf(product.item_number), textOf(product.item_name), amountOf(product.price)]) || 'Product'} (#${textOf(product.id)})`;

/** "Jane Doe · jane@example.com (#88)". */
const customerPickerLabel = (customer: CartComRecord) =>
	`${customerLabel(customer) || 'Customer'} (#${textOf(customer.id)})`;

/** The names the picker shows for one page of records: richer for orders, products and customers. */
async function labels(
	ctx: ILoadOptionsFunctions,
	spec: ResourceSpec,
	records: CartComRecord[],
): Promise<string[]> {
	switch (spec.value) {
		case 'order': {
			if (records.length === 0) return [];
			const statuses = await orderStatusNames(ctx);
			const customers = await customerLabels(ctx, records);
			return records.map((order) => orderLabel(order, statuses, customers));
		}
		case 'product':
			return records.map(productLabel);
		case 'customer':
			return records.map(customerPickerLabel);
		default:
			return records.map((record) => title(spec, record));
	}
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
	const names = await labels(ctx, spec, records);
	return {
		results: records.map((record, index) => ({ name: names[index], value: idOf(spec, record) })),
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
