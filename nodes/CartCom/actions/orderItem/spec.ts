import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const orderItemSpec: ResourceSpec = {
	value: 'orderItem',
	name: 'Order Item',
	plural: 'order items',
	path: '/order_items',
	// The OAS says order_items; Airbyte reads `items` from live stores (the envelope is detected anyway).
	recordsKey: 'items',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
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
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, description: 'Only the items of this order' },
		{ name: 'product_id', label: 'Product ID', type: 'number', integer: true },
		{ name: 'item_number', label: 'SKU', type: 'string', description: 'Exact SKU (item number) of the line' },
		{ name: 'warehouse_id', label: 'Warehouse ID', type: 'options', loadOptionsMethod: 'getWarehouses', integer: true },
	],
	fields: [
		// Not in the OAS required list, but a line without an order is meaningless.
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, required: true },
		{ name: 'product_id', label: 'Product ID', type: 'number', integer: true, description: 'Cart.com may fill name, SKU and price from the product' },
		{ name: 'variant_inventory_id', label: 'Variant Inventory ID', type: 'number', integer: true, description: 'The variant combination (stock row) ordered' },
		{ name: 'quantity', type: 'number', nonNegative: true },
		{ name: 'price', type: 'number', nonNegative: true, description: 'Unit price' },
		{ name: 'cost', type: 'number', nonNegative: true, description: 'Unit cost' },
		{ name: 'item_name', type: 'string' },
		{ name: 'item_number', label: 'SKU', type: 'string', description: 'SKU (item number) of the line' },
		{ name: 'item_number_full', label: 'Full SKU', type: 'string', description: 'SKU including the variant extensions' },
		{ name: 'description', type: 'string' },
		{ name: 'tax', type: 'number', nonNegative: true },
		{ name: 'is_taxable', type: 'boolean', description: 'Whether the line is taxable' },
		{ name: 'tax_code', type: 'string' },
		{ name: 'discount_amount', type: 'number', nonNegative: true },
		{ name: 'discount_percentage', type: 'number', nonNegative: true },
		{ name: 'is_non_shipping_item', type: 'boolean', description: 'Whether the line needs no shipping (e.g. a digital good)' },
		{ name: 'warehouse_id', label: 'Warehouse ID', type: 'options', loadOptionsMethod: 'getWarehouses', integer: true },
		{ name: 'weight', type: 'number' },
		{ name: 'weight_unit', type: 'string', placeholder: 'e.g. Lbs' },
		{ name: 'parent_order_item_id', label: 'Parent Order Item ID', type: 'number', integer: true, description: 'For kit components: the kit’s line' },
		{ name: 'line_item_note', type: 'string' },
		{ name: 'admin_comments', type: 'string', description: 'Internal notes, not shown to the customer' },
		{ name: 'gift_message', type: 'string' },
		{ name: 'delivery_date', type: 'dateTime' },
	],
};
