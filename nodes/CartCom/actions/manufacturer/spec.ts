import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const manufacturerSpec: ResourceSpec = {
	value: 'manufacturer',
	name: 'Manufacturer',
	plural: 'manufacturers',
	path: '/manufacturers',
	recordsKey: 'manufacturers',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
	timestamps: true,
	titleField: 'name',
	description: 'Brands and makers of products',
	simplifyFields: ['name', 'description', 'is_hidden', 'sort_order', 'url_rewrite', 'manufacturer_logo_url', 'updated_at'],
	filterFields: [{ name: 'name', label: 'Name Contains', type: 'string', operator: 'like' }],
	fields: [
		{ name: 'name', type: 'string' },
		{ name: 'description', type: 'string' },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the manufacturer is hidden from shoppers' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'manufacturer_logo_url', label: 'Logo URL', type: 'string' },
		{ name: 'page_title', type: 'string' },
		{ name: 'keywords', type: 'string' },
		{ name: 'meta_description', type: 'string' },
		{ name: 'url_rewrite', type: 'string' },
		{ name: 'head_tags', type: 'string' },
	],
};
