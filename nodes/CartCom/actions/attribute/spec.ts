import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const attributeSpec: ResourceSpec = {
	value: 'attribute',
	name: 'Attribute',
	plural: 'attributes',
	path: '/attributes',
	// The published spec misspells the key (`attribues`); the transport detects the real one.
	recordsKey: 'attributes',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	description: 'Filterable product properties, e.g. Material: Cotton',
	filterFields: [integer('attribute_group_id'), text('name')],
	fields: [
		required(
			integer('attribute_group_id', {
				description: 'The group the attribute belongs to (see the Attribute Group resource)',
			}),
		),
		text('name'),
		flag('is_hidden', { description: 'Whether the attribute is hidden from shoppers' }),
		integer('sort_order'),
		text('page_title'),
		text('keywords'),
		text('meta_description'),
		text('url_rewrite'),
	],
};
