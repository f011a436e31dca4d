import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cartComGetMany, type CartComRecord } from '../transport';

/** Short store lists for dropdowns; capped, as a dropdown is no place for thousands of entries. */
const DROPDOWN_CAP = 500;

const named = (record: CartComRecord) => `${String(record.name ?? `#${String(record.id)}`)}`;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

async function storeList(
	ctx: ILoadOptionsFunctions,
	list: string,
	recordsKey = list,
): Promise<CartComRecord[]> {
	return await cartComGetMany.call(ctx, {
		path: `/${list}`,
		recordsKey,
		limit: DROPDOWN_CAP,
		pageSize: DROPDOWN_CAP,
	});
}

/** A dropdown of one store list (`/order_statuses`, records key `order_statuses`), by name. */
function dropdownOf(list: string) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const records = await storeList(this, list);
		return records
			.map((record) => ({ name: named(record), value: Number(record.id) }))
			.sort(byName);
	};
}

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * A value typed before the field became a dropdown (or a name the store no longer lists) stays
 * selectable, so opening an older workflow shows what it sends instead of an empty field.
 */
function keepCurrent(
	ctx: ILoadOptionsFunctions,
	parameterPath: string,
	options: INodePropertyOptions[],
): INodePropertyOptions[] {
	const current = ctx.getCurrentNodeParameter(parameterPath);
	const value = text(current);
	if (!value || value.startsWith('=') || options.some((option) => option.value === value))
		return options;
	return [
		{ name: value, value, description: 'Not in the store’s list; sent as typed' },
		...options,
	];
}

/** Distinct names, first occurrence wins (two records may share a name). */
function distinct(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<unknown>();
	return options.filter((option) => !seen.has(option.value) && seen.add(option.value));
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

	/** Create Shipment → Carrier: the store's shipping providers; the value is the name the shipment stores. */
	async getShippingProviderNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const providers = await storeList(this, 'shipping_providers');
		const options = distinct(
			providers
				.map((provider) => ({ name: text(provider.name), value: text(provider.name) }))
				.filter((option) => option.name !== '')
				.sort(byName),
		);
		return keepCurrent(this, 'carrier', options);
	},

	/**
	 * Create Shipment → Shipping Method: the carriers' services (by `identifier`, the name Cart.com
	 * resolves a shipment's method by) and the store's custom shipping methods (by name); the value
	 * is that name, as Shipping Method has always been sent.
	 */
	async getShippingMethodNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const [providers, services, custom] = [
			await storeList(this, 'shipping_providers'),
			await storeList(this, 'shipping_provider_services', 'services'),
			await storeList(this, 'custom_shipping_methods'),
		];
		const providerNames = new Map(providers.map((provider) => [provider.id, text(provider.name)]));
		const fromServices = services.map((service) => {
			const name = text(service.identifier) || text(service.name);
			const provider = providerNames.get(service.shipping_provider_id);
			return {
				name,
				value: name,
				description: provider ? `${provider} service` : 'Carrier service',
			};
		});
		const fromCustom = custom.map((method) => ({
			name: text(method.name),
			value: text(method.name),
			description: 'Custom shipping method',
		}));
		const options = distinct(
			[...fromServices, ...fromCustom].filter((option) => option.name !== '').sort(byName),
		);
		return keepCurrent(this, 'additionalFields.shippingMethod', options);
	},
};
