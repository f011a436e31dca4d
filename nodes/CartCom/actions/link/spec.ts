import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const linkSpec: ResourceSpec = {
	value: 'link',
	name: 'Link',
	plural: 'links',
	path: '/links',
	recordsKey: 'links',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['child_links'],
	timestamps: true,
	titleField: 'text',
	description: 'Navigation menu links',
	simplifyFields: [
		'text',
		'url',
		'link_type',
		'store_id',
		'parent_link_id',
		'sort_order',
		'is_hidden',
		'updated_at',
	],
	filterFields: [integer('store_id'), integer('parent_link_id')],
	fields: [
		text('text'),
		text('url'),
		text('link_type', { placeholder: 'e.g. ExternalUrl' }),
		integer('store_id'),
		integer('parent_link_id'),
		integer('sort_order'),
		flag('is_hidden'),
		flag('opens_in_new_window'),
	],
};
