import { flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const productStatusSpec: ResourceSpec = {
	value: 'productStatus',
	name: 'Product Status',
	plural: 'product statuses',
	// The statuses a product can have, not a product's own status.
	actionNoun: 'product status definition',
	path: '/product_statuses',
	recordsKey: 'product_statuses',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	description: 'Availability statuses such as In Stock or Back Ordered',
	filterFields: [text('name')],
	fields: [
		required(text('name', { placeholder: 'e.g. In Stock' })),
		text('time_frame', { placeholder: 'e.g. Ships in 2-3 days' }),
		flag('is_unavailable', { description: 'Whether products with this status cannot be bought' }),
		flag('is_back_ordered', { description: 'Whether the status means back-ordered' }),
		flag('is_hidden', { description: 'Whether products with this status are hidden' }),
		flag('show_quantity', { description: 'Whether the stock figure is shown to shoppers' }),
	],
};
