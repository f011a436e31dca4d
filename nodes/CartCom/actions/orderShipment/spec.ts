import {
	choice,
	count,
	date,
	flag,
	integer,
	json,
	number,
	required,
	text,
} from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

export const orderShipmentSpec: ResourceSpec = {
	value: 'orderShipment',
	name: 'Order Shipment',
	plural: 'order shipments',
	path: '/order_shipments',
	// Unknown on live stores (OAS: order_shipments, older spec: shipments); the envelope is detected.
	recordsKey: 'shipments',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	optionTexts: {
		// The raw POST adds a second shipment when re-run; the task operation does not.
		create: {
			description:
				'Add a shipment record as given; to ship an order with tracking numbers, use Order → Create Shipment, which is safe to re-run',
		},
	},
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
		integer('order_id', { description: 'Only the shipments of this order' }),
		text('tracking_numbers', {
			operator: 'like',
			description: 'Tracking numbers contain this text',
		}),
		text('shipment_name'),
		text('shipping_provider_name', {
			label: 'Carrier',
			description: 'Exact carrier name, e.g. UPS',
		}),
	],
	// Cart.com upserts on POST: a shipment_name the order already has updates that shipment.
	// Order → Create Shipment is the guided, retry-safe way; this is the raw record.
	fields: [
		required(integer('order_id')),
		text('shipment_name', {
			placeholder: 'e.g. 1',
			description:
				'Cart.com updates the order’s shipment of this name instead of adding one; empty = next number',
		}),
		date('shipped_at'),
		text('tracking_numbers', {
			placeholder: 'e.g. 1Z999AA10123456784',
			description:
				'One text field; for several numbers Cart.com documents no separator (a comma is likely)',
		}),
		text('tracking_url'),
		text('shipping_provider_name', { label: 'Carrier', placeholder: 'e.g. UPS' }),
		text('shipping_method', {
			placeholder: 'e.g. UPS Ground',
			description: 'Cart.com fills Shipping Method ID when it knows this name',
		}),
		integer('shipping_method_id'),
		choice(
			'shipping_method_type',
			[
				{ name: 'Carrier Service', value: 'provider' },
				{ name: 'Custom Shipping Method', value: 'custom' },
			],
			{ description: 'What Shipping Method ID refers to' },
		),
		count('number_of_packages'),
		number('total_weight'),
		flag('email_sent', {
			description: 'Whether the shipment is marked as e-mailed to the customer',
		}),
		text('private_comment', { description: 'Internal note, not shown to the customer' }),
		text('shipping_comment', { description: 'Note shown to the customer' }),
		json('items', {
			jsonShape: 'array',
			description:
				'The order items in this shipment: [{"id": ORDER_ITEM_ID, "quantity_shipped": 2}]. The ID is the order item’s, not the product’s.',
		}),
	],
};
