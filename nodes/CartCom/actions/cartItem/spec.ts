import { count, integer, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const cartItemSpec: ResourceSpec = {
	value: 'cartItem',
	name: 'Cart Item',
	plural: 'cart items',
	path: '/cart_items',
	recordsKey: 'cart_items',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['child_items'],
	timestamps: true,
	titleField: 'item_name',
	filterFields: [integer('cart_id'), integer('product_id')],
	fields: [
		required(integer('cart_id')),
		required(integer('product_id')),
		count('quantity'),
		money('price'),
		text('item_number'),
	],
};
