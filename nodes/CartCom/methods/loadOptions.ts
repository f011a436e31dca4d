import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cartComGetMany } from '../transport';

/** Short store lists for dropdowns; capped, as a dropdown is no place for thousands of entries. */
const DROPDOWN_CAP = 500;

async function optionsFrom(
	ctx: ILoadOptionsFunctions,
	path: string,
	recordsKey: string,
	label: (record: Record<string, unknown>) => string,
): Promise<INodePropertyOptions[]> {
	const records = await cartComGetMany.call(ctx, { path, recordsKey, limit: DROPDOWN_CAP, pageSize: DROPDOWN_CAP });
	return records
		.map((record) => ({ name: label(record), value: Number(record.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const named = (record: Record<string, unknown>) => `${String(record.name ?? `#${String(record.id)}`)}`;

export const loadOptions = {
	async getOrderStatuses(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/order_statuses', 'order_statuses', named);
	},
	async getWarehouses(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/warehouses', 'warehouses', named);
	},
	async getManufacturers(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/manufacturers', 'manufacturers', named);
	},
	async getCategories(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/categories', 'categories', named);
	},
	async getCustomerTypes(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/customer_types', 'customer_types', named);
	},
	async getProductStatuses(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/product_statuses', 'product_statuses', named);
	},
	async getStores(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/stores', 'stores', named);
	},
	async getVariantGroups(this: ILoadOptionsFunctions) {
		return await optionsFrom(this, '/variant_groups', 'variant_groups', named);
	},
};
