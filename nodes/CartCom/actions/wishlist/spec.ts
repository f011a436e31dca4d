import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const wishlistSpec: ResourceSpec = {
	value: 'wishlist',
	name: 'Wishlist',
	plural: 'wishlists',
	path: '/wishlists',
	recordsKey: 'wishlists',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['items'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: ['name', 'customer_id', 'store_id', 'is_public', 'subtotal', 'updated_at'],
	filterFields: [integer('customer_id')],
	fields: [integer('customer_id'), integer('store_id'), text('name'), flag('is_public')],
};
