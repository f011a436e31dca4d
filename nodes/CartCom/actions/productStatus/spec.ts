import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productStatusSpec: ResourceSpec = {
	value: 'productStatus',
	name: 'Product Status',
	plural: 'product statuses',
	path: '/product_statuses',
	recordsKey: 'product_statuses',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	description: 'Availability statuses such as In Stock or Back Ordered',
	filterFields: [{ name: 'name', type: 'string' }],
	fields: [
		{ name: 'name', type: 'string', required: true, placeholder: 'e.g. In Stock' },
		{ name: 'time_frame', type: 'string', placeholder: 'e.g. Ships in 2-3 days' },
		{ name: 'is_unavailable', type: 'boolean', description: 'Whether products with this status cannot be bought' },
		{ name: 'is_back_ordered', type: 'boolean', description: 'Whether the status means back-ordered' },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether products with this status are hidden' },
		{ name: 'show_quantity', type: 'boolean', description: 'Whether the stock figure is shown to shoppers' },
	],
};
