import { count, date, integer, listed, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const productPricingSpec: ResourceSpec = {
	value: 'productPricing',
	name: 'Product Pricing',
	plural: 'product pricing rows',
	path: '/product_pricing',
	recordsKey: 'product_pricing',
	operations: [get, getMany, create, update, remove, getSeveral],
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
		integer('product_id'),
		integer('variant_inventory_id'),
		listed('customer_type_id', 'getCustomerTypes'),
	],
	fields: [
		required(integer('product_id')),
		integer('variant_inventory_id', {
			description: 'The variant row this price is for; empty for the whole product',
		}),
		count('starting_quantity', { description: 'The price applies from this quantity on' }),
		money('price'),
		money('cost'),
		listed('customer_type_id', 'getCustomerTypes'),
		listed('store_id', 'getStores'),
		date('start_date'),
		date('end_date'),
		integer('variant_id'),
		integer('sale_type_id'),
		integer('price_calculation_id'),
		text('variant_price_surcharge'),
	],
};
