import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productPricingSpec: ResourceSpec = {
	value: 'productPricing',
	name: 'Product Pricing',
	plural: 'product pricing rows',
	path: '/product_pricing',
	recordsKey: 'product_pricing',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
	timestamps: true,
	description: 'Price rows per variant, quantity break, customer type, store or sale period',
	simplifyFields: [
		'product_id',
		'variant_inventory_id',
		'customer_type_id',
		'store_id',
		'starting_quantity',
		'price',
		'cost',
		'start_date',
		'end_date',
	],
	filterFields: [
		{ name: 'product_id', type: 'number', integer: true },
		{ name: 'variant_inventory_id', type: 'number', integer: true },
		{ name: 'customer_type_id', type: 'options', loadOptionsMethod: 'getCustomerTypes', integer: true },
	],
	fields: [
		{ name: 'product_id', type: 'number', integer: true, required: true },
		{ name: 'variant_inventory_id', type: 'number', integer: true, description: 'The variant row this price is for; empty for the whole product' },
		{ name: 'starting_quantity', type: 'number', integer: true, nonNegative: true, description: 'The price applies from this quantity on' },
		{ name: 'price', type: 'number', nonNegative: true },
		{ name: 'cost', type: 'number', nonNegative: true },
		{ name: 'customer_type_id', type: 'options', loadOptionsMethod: 'getCustomerTypes', integer: true },
		{ name: 'store_id', type: 'options', loadOptionsMethod: 'getStores', integer: true },
		{ name: 'start_date', type: 'dateTime' },
		{ name: 'end_date', type: 'dateTime' },
		{ name: 'variant_id', type: 'number', integer: true },
		{ name: 'sale_type_id', type: 'number', integer: true },
		{ name: 'price_calculation_id', type: 'number', integer: true },
		{ name: 'variant_price_surcharge', type: 'string' },
	],
};
