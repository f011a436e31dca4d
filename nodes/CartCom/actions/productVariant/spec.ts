import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productVariantSpec: ResourceSpec = {
	value: 'productVariant',
	name: 'Product Variant',
	plural: 'product variants',
	path: '/product_variants',
	// The reference leaves the key open (`variants` or `product_variants`); the transport detects it.
	recordsKey: 'variants',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
	timestamps: true,
	titleField: 'description',
	description: 'Option values of a product, e.g. Color: Red, with their price adjustment',
	simplifyFields: [
		'product_id',
		'variant_group_id',
		'description',
		'price_adjustment',
		'price_adjustment_type',
		'item_number_extension',
		'sort_order',
		'is_hidden',
		'is_default_selection',
	],
	filterFields: [
		{ name: 'product_id', type: 'number', integer: true },
		{ name: 'variant_group_id', type: 'options', loadOptionsMethod: 'getVariantGroups', integer: true },
	],
	fields: [
		{ name: 'product_id', type: 'number', integer: true, required: true },
		{ name: 'variant_group_id', type: 'options', loadOptionsMethod: 'getVariantGroups', integer: true, required: true, description: 'The option group, e.g. Color' },
		{ name: 'description', label: 'Value', type: 'string', placeholder: 'e.g. Red', description: 'The option value shoppers see' },
		{ name: 'price_adjustment', type: 'number' },
		{
			name: 'price_adjustment_type',
			type: 'options',
			options: [
				{ name: 'None', value: '' },
				{ name: 'Plus Dollars', value: '+ dollars' },
				{ name: 'Plus Percent', value: '+ percent' },
				{ name: 'Total Price', value: 'total' },
			],
			description: 'How the price adjustment changes the product price',
		},
		{ name: 'item_number_extension', label: 'SKU Extension', type: 'string', placeholder: 'e.g. -RED', description: 'Appended to the product SKU for this option' },
		{ name: 'item_number_sort_order', label: 'SKU Extension Order', type: 'number', integer: true },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the option is hidden from shoppers' },
		{ name: 'is_default_selection', type: 'boolean', description: 'Whether the option is preselected' },
		{ name: 'weight', type: 'number', description: 'Weight change for this option' },
		{ name: 'weight_type', type: 'string', placeholder: 'e.g. +' },
		{ name: 'swatch_file', type: 'string' },
		{ name: 'swatch_thumbnail', type: 'string' },
		{ name: 'swatch_thumbnail_color', type: 'string', placeholder: 'e.g. #FF0000' },
	],
};
