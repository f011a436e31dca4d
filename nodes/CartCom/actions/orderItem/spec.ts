import { date, flag, integer, listed, money, number, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const orderItemSpec: ResourceSpec = {
	value: 'orderItem',
	name: 'Order Item',
	plural: 'order items',
	path: '/order_items',
	// The OAS says order_items; Airbyte reads `items` from live stores (the envelope is detected anyway).
	recordsKey: 'items',
	operations: [get, getMany, create, update, remove, getSeveral],
	timestamps: true,
	titleField: 'item_name',
	simplifyFields: [
		'order_id',
		'product_id',
		'variant_inventory_id',
		'item_number',
		'item_name',
		'description',
		'quantity',
		'price',
		'updated_at',
	],
	// The items of one order: the Order ID filter (same records as GET /orders/{id}/items).
	filterFields: [
		integer('order_id', { description: 'Only the items of this order' }),
		integer('product_id'),
		text('item_number', { label: 'SKU', description: 'Exact SKU (item number) of the line' }),
		listed('warehouse_id', 'getWarehouses'),
	],
	fields: [
		// Not in the OAS required list, but a line without an order is meaningless.
		required(integer('order_id')),
		integer('product_id', {
			description: 'Cart.com may fill name, SKU and price from the product',
		}),
		integer('variant_inventory_id', { description: 'The variant combination (stock row) ordered' }),
		money('quantity'),
		money('price', { description: 'Unit price' }),
		money('cost', { description: 'Unit cost' }),
		text('item_name'),
		text('item_number', { label: 'SKU', description: 'SKU (item number) of the line' }),
		text('item_number_full', {
			label: 'Full SKU',
			description: 'SKU including the variant extensions',
		}),
		text('description'),
		money('tax'),
		flag('is_taxable', { description: 'Whether the line is taxable' }),
		text('tax_code'),
		money('discount_amount'),
		money('discount_percentage'),
		flag('is_non_shipping_item', {
			description: 'Whether the line needs no shipping (e.g. a digital good)',
		}),
		listed('warehouse_id', 'getWarehouses'),
		number('weight'),
		text('weight_unit', { placeholder: 'e.g. Lbs' }),
		integer('parent_order_item_id', { description: 'For kit components: the kit’s line' }),
		text('line_item_note'),
		text('admin_comments', { description: 'Internal notes, not shown to the customer' }),
		text('gift_message'),
		date('delivery_date'),
	],
};
