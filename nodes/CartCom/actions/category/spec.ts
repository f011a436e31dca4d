import { count, flag, integer, listed, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

export const categorySpec: ResourceSpec = {
	value: 'category',
	name: 'Category',
	plural: 'categories',
	path: '/categories',
	recordsKey: 'categories',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	nested: ['products', 'custom_fields'],
	timestamps: true,
	titleField: 'name',
	description: 'The catalog’s category tree (rebuild it after changes)',
	simplifyFields: [
		'name',
		'parent_category_id',
		'lookup_path',
		'is_hidden',
		'sort_order',
		'url_rewrite',
		'updated_at',
	],
	filterFields: [
		text('name', { label: 'Name Contains', operator: 'like' }),
		listed('parent_category_id', 'getCategories'),
	],
	fields: [
		required(text('name')),
		listed('parent_category_id', 'getCategories'),
		text('short_description'),
		integer('sort_order'),
		flag('is_hidden', { description: 'Whether the category is hidden from shoppers' }),
		text('page_title'),
		text('keywords'),
		text('meta_description'),
		text('url_rewrite', { placeholder: 'e.g. /shirts' }),
		text('category_image'),
		text('category_thumbnail'),
		text('external_content_url'),
		flag('is_category_content_displayed', {
			description: 'Whether the category’s own content is shown',
		}),
		flag('are_subcategory_products_displayed', {
			description: 'Whether products of subcategories are listed too',
		}),
		count('max_quantity'),
		flag('is_hide_from_site_maps', {
			description: 'Whether the category is left out of site maps',
		}),
		text('head_tags'),
	],
};
