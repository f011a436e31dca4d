import {
	count,
	flag,
	integer,
	json,
	listed,
	money,
	number,
	required,
	text,
} from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

export const variantInventorySpec: ResourceSpec = {
	value: 'variantInventory',
	name: 'Variant Inventory',
	plural: 'variant inventory rows',
	path: '/variant_inventory',
	recordsKey: 'variant_inventory',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	nested: ['pricing', 'variants'],
	timestamps: true,
	titleField: 'item_number',
	description: 'One stock row per combination of options, with its own SKU, GTIN and stock',
	simplifyFields: [
		'product_id',
		'item_number',
		'gtin',
		'description',
		'inventory',
		'product_status_id',
		'updated_at',
	],
	filterFields: [
		integer('product_id'),
		text('item_number', { label: 'SKU' }),
		text('gtin', { description: 'Exact UPC or EAN barcode' }),
		listed('product_status_id', 'getProductStatuses', { label: 'Status ID' }),
	],
	fields: [
		required(integer('product_id')),
		required(
			json('variants', {
				label: 'Variants (JSON)',
				jsonShape: 'array',
				entryIdKeys: ['id', 'product_id', 'variant_group_id'],
				placeholder:
					'[{"id": 26, "product_id": 62, "variant_group_id": 3}, {"id": 31, "product_id": 62, "variant_group_id": 4}]',
				description:
					'The product variants (one option per group) this row combines: for each, its ID, its product’s ID and its variant group’s ID, as Cart.com requires',
			}),
		),
		text('item_number', { label: 'SKU' }),
		text('gtin', { description: 'UPC or EAN barcode' }),
		count('inventory', { label: 'Stock' }),
		text('manufacturer_item_number'),
		listed('product_status_id', 'getProductStatuses', { label: 'Status ID' }),
		text('description', { description: 'Shown for the combination, e.g. Color: Red, Size: L' }),
		money('retail', { label: 'Retail Price' }),
		number('weight'),
		text('height'),
		text('length'),
		text('width'),
		count('low_stock_warning_at'),
		flag('low_stock_warning_enabled', {
			description: 'Whether to warn when stock falls to the threshold',
		}),
		text('variant_inventory_image', { label: 'Image' }),
	],
};
