import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cartComGetMany, type CartComRecord } from '../transport';

/** Short store lists for dropdowns; capped, as a dropdown is no place for thousands of entries. */
const DROPDOWN_CAP = 500;

const named = (record: CartComRecord) => `${String(record.name ?? `#${String(record.id)}`)}`;

/** A dropdown of one store list (`/order_statuses`, records key `order_statuses`), by name. */
function dropdownOf(list: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const records = await cartComGetMany.call(this, {
			path: `/${list}`,
			recordsKey: list,
			limit: DROPDOWN_CAP,
			pageSize: DROPDOWN_CAP,
		});
		return records
			.map((record) => ({ name: named(record), value: Number(record.id) }))
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

export const loadOptions = {
	getOrderStatuses: dropdownOf('order_statuses'),
	getWarehouses: dropdownOf('warehouses'),
	getManufacturers: dropdownOf('manufacturers'),
	getCategories: dropdownOf('categories'),
	getCustomerTypes: dropdownOf('customer_types'),
	getProductStatuses: dropdownOf('product_statuses'),
	getStores: dropdownOf('stores'),
	getVariantGroups: dropdownOf('variant_groups'),
};
