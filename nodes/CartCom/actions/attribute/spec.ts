import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const attributeSpec: ResourceSpec = {
	value: 'attribute',
	name: 'Attribute',
	plural: 'attributes',
	path: '/attributes',
	// The published spec misspells the key (`attribues`); the transport detects the real one.
	recordsKey: 'attributes',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	description: 'Filterable product properties, e.g. Material: Cotton',
	filterFields: [
		{ name: 'attribute_group_id', type: 'number', integer: true },
		{ name: 'name', type: 'string' },
	],
	fields: [
		{ name: 'attribute_group_id', type: 'number', integer: true, required: true, description: 'The group the attribute belongs to (see the Attribute Group resource)' },
		{ name: 'name', type: 'string' },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the attribute is hidden from shoppers' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'page_title', type: 'string' },
		{ name: 'keywords', type: 'string' },
		{ name: 'meta_description', type: 'string' },
		{ name: 'url_rewrite', type: 'string' },
	],
};
