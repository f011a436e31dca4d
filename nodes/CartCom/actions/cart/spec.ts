import { integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const cartSpec: ResourceSpec = {
	value: 'cart',
	name: 'Cart',
	plural: 'carts',
	path: '/carts',
	recordsKey: 'carts',
	operations: [standard.get, standard.getMany, standard.create],
	nested: ['items'],
	timestamps: true,
	description:
		'Shopping carts (the OpenAPI file lists only reading; creating is in Cart.com’s carting guide)',
	simplifyFields: [
		'customer_id',
		'store_id',
		'cart_type',
		'subtotal',
		'grand_total',
		'coupon_code',
		'associated_order_id',
		'updated_at',
	],
	// docs/api-carting.md: a cart is created without a body; items are added after.
	createsEmpty: true,
	filterFields: [integer('customer_id')],
	fields: [integer('customer_id'), integer('store_id'), text('name'), text('coupon_code')],
};
