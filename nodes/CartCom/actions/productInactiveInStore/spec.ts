import { integer, required } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productInactiveInStoreSpec: ResourceSpec = {
	value: 'productInactiveInStore',
	name: 'Inactive Store Product',
	plural: 'inactive store products',
	path: '/product_inactive_in_store',
	recordsKey: 'product_inactive_in_store',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	description: 'Products switched off in one store (optionally for one customer type)',
	filterFields: [integer('item_id', { label: 'Product ID' }), integer('store_id')],
	fields: [
		required(integer('item_id', { label: 'Product ID' })),
		required(integer('store_id')),
		integer('customer_type_id'),
	],
};
