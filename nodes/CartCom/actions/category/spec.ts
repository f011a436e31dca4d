import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const categorySpec: ResourceSpec = {
	value: 'category',
	name: 'Category',
	plural: 'categories',
	path: '/categories',
	recordsKey: 'categories',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getWithRelated, standard.getSeveral],
	nested: ['products', 'custom_fields'],
	timestamps: true,
	titleField: 'name',
	description: 'The catalog’s category tree (rebuild it after changes)',
	simplifyFields: ['name', 'parent_category_id', 'lookup_path', 'is_hidden', 'sort_order', 'url_rewrite', 'updated_at'],
	filterFields: [
		{ name: 'name', label: 'Name Contains', type: 'string', operator: 'like' },
		{ name: 'parent_category_id', type: 'options', loadOptionsMethod: 'getCategories', integer: true },
	],
	fields: [
		{ name: 'name', type: 'string', required: true },
		{ name: 'parent_category_id', type: 'options', loadOptionsMethod: 'getCategories', integer: true },
		{ name: 'short_description', type: 'string' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the category is hidden from shoppers' },
		{ name: 'page_title', type: 'string' },
		{ name: 'keywords', type: 'string' },
		{ name: 'meta_description', type: 'string' },
		{ name: 'url_rewrite', type: 'string', placeholder: 'e.g. /shirts' },
		{ name: 'category_image', type: 'string' },
		{ name: 'category_thumbnail', type: 'string' },
		{ name: 'external_content_url', label: 'External Content URL', type: 'string' },
		{ name: 'is_category_content_displayed', type: 'boolean', description: 'Whether the category’s own content is shown' },
		{ name: 'are_subcategory_products_displayed', type: 'boolean', description: 'Whether products of subcategories are listed too' },
		{ name: 'max_quantity', type: 'number', integer: true, nonNegative: true },
		{ name: 'is_hide_from_site_maps', type: 'boolean', description: 'Whether the category is left out of site maps' },
		{ name: 'head_tags', type: 'string' },
	],
};
