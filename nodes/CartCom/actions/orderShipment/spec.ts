import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const orderShipmentSpec: ResourceSpec = {
	value: 'orderShipment',
	name: 'Order Shipment',
	plural: 'order shipments',
	path: '/order_shipments',
	// Unknown on live stores (OAS: order_shipments, older spec: shipments); the envelope is detected.
	recordsKey: 'shipments',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getWithRelated, standard.getSeveral],
	nested: ['items'],
	timestamps: true,
	titleField: 'tracking_numbers',
	simplifyFields: [
		'order_id',
		'shipment_name',
		'shipped_at',
		'tracking_numbers',
		'tracking_url',
		'shipping_provider_name',
		'shipping_method',
		'number_of_packages',
		'updated_at',
	],
	filterFields: [
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, description: 'Only the shipments of this order' },
		{ name: 'tracking_numbers', type: 'string', operator: 'like', description: 'Tracking numbers contain this text' },
		{ name: 'shipment_name', type: 'string' },
		{ name: 'shipping_provider_name', label: 'Carrier', type: 'string', description: 'Exact carrier name, e.g. UPS' },
	],
	// Cart.com upserts on POST: a shipment_name the order already has updates that shipment.
	// Order → Create Shipment is the guided, retry-safe way; this is the raw record.
	fields: [
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, required: true },
		{
			name: 'shipment_name',
			type: 'string',
			placeholder: 'e.g. 1',
			description: 'Cart.com updates the order’s shipment of this name instead of adding one; empty = next number',
		},
		{ name: 'shipped_at', type: 'dateTime' },
		{
			name: 'tracking_numbers',
			type: 'string',
			placeholder: 'e.g. 1Z999AA10123456784',
			description: 'One text field; for several numbers Cart.com documents no separator (a comma is likely)',
		},
		{ name: 'tracking_url', label: 'Tracking URL', type: 'string' },
		{ name: 'shipping_provider_name', label: 'Carrier', type: 'string', placeholder: 'e.g. UPS' },
		{ name: 'shipping_method', type: 'string', placeholder: 'e.g. UPS Ground', description: 'Cart.com fills Shipping Method ID when it knows this name' },
		{ name: 'shipping_method_id', label: 'Shipping Method ID', type: 'number', integer: true },
		{
			name: 'shipping_method_type',
			type: 'options',
			options: [
				{ name: 'Carrier Service', value: 'provider' },
				{ name: 'Custom Shipping Method', value: 'custom' },
			],
			description: 'What Shipping Method ID refers to',
		},
		{ name: 'number_of_packages', type: 'number', integer: true, nonNegative: true },
		{ name: 'total_weight', type: 'number' },
		{ name: 'email_sent', type: 'boolean', description: 'Whether the shipment is marked as e-mailed to the customer (Cart.com does not document whether this sends one)' },
		{ name: 'private_comment', type: 'string', description: 'Internal note, not shown to the customer' },
		{ name: 'shipping_comment', type: 'string', description: 'Note shown to the customer' },
		{
			name: 'items',
			type: 'json',
			jsonShape: 'array',
			description:
				'The order items in this shipment: [{"id": ORDER_ITEM_ID, "quantity_shipped": 2}]. The ID is the order item’s, not the product’s.',
		},
	],
};
