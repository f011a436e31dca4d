import { choice, flag, integer, listed, number, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const productVariantSpec: ResourceSpec = {
	value: 'productVariant',
	name: 'Product Variant',
	plural: 'product variants',
	path: '/product_variants',
	// The reference leaves the key open (`variants` or `product_variants`); the transport detects it.
	recordsKey: 'variants',
	operations: [get, getMany, create, update, remove, getSeveral],
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
	filterFields: [integer('product_id'), listed('variant_group_id', 'getVariantGroups')],
	fields: [
		required(integer('product_id')),
		required(
			listed('variant_group_id', 'getVariantGroups', {
				description: 'The option group, e.g. Color',
			}),
		),
		text('description', {
			label: 'Value',
			placeholder: 'e.g. Red',
			description: 'The option value shoppers see',
		}),
		number('price_adjustment'),
		choice(
			'price_adjustment_type',
			[
				{ name: 'None', value: '' },
				{ name: 'Plus Dollars', value: '+ dollars' },
				{ name: 'Plus Percent', value: '+ percent' },
				{ name: 'Total Price', value: 'total' },
			],
			{ description: 'How the price adjustment changes the product price' },
		),
		text('item_number_extension', {
			label: 'SKU Extension',
			placeholder: 'e.g. -RED',
			description: 'Appended to the product SKU for this option',
		}),
		integer('item_number_sort_order', { label: 'SKU Extension Order' }),
		integer('sort_order'),
		flag('is_hidden', { description: 'Whether the option is hidden from shoppers' }),
		flag('is_default_selection', { description: 'Whether the option is preselected' }),
		number('weight', { description: 'Weight change for this option' }),
		text('weight_type', { placeholder: 'e.g. +' }),
		text('swatch_file'),
		text('swatch_thumbnail'),
		text('swatch_thumbnail_color', { placeholder: 'e.g. #FF0000' }),
	],
};
