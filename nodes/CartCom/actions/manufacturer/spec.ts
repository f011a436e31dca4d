import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const manufacturerSpec: ResourceSpec = {
	value: 'manufacturer',
	name: 'Manufacturer',
	plural: 'manufacturers',
	path: '/manufacturers',
	recordsKey: 'manufacturers',
	operations: [get, getMany, create, update, remove, getSeveral],
	timestamps: true,
	titleField: 'name',
	description: 'Brands and makers of products',
	simplifyFields: [
		'name',
		'description',
		'is_hidden',
		'sort_order',
		'url_rewrite',
		'manufacturer_logo_url',
		'updated_at',
	],
	filterFields: [text('name', { label: 'Name Contains', operator: 'like' })],
	fields: [
		text('name'),
		text('description'),
		flag('is_hidden', { description: 'Whether the manufacturer is hidden from shoppers' }),
		integer('sort_order'),
		text('manufacturer_logo_url', { label: 'Logo URL' }),
		text('page_title'),
		text('keywords'),
		text('meta_description'),
		text('url_rewrite'),
		text('head_tags'),
	],
};
