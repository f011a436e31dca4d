import { choice, date, flag, integer, listed, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

const CHANNELS = ['Chat', 'Email', 'InStore', 'Online', 'Phone'].map((channel) => ({
	name: channel,
	value: channel,
}));

export const orderSpec: ResourceSpec = {
	value: 'order',
	name: 'Order',
	plural: 'orders',
	path: '/orders',
	recordsKey: 'orders',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	nested: ['items', 'payments', 'shipments', 'custom_fields'],
	timestamps: true,
	titleField: 'order_number',
	simplifyFields: [
		'order_number',
		'customer_id',
		'order_status_id',
		'ordered_at',
		'updated_at',
		'grand_total',
		'subtotal',
		'selected_shipping_method',
		'store_id',
	],
	filterFields: [
		listed('order_status_id', 'getOrderStatuses', { label: 'Status ID' }),
		integer('customer_id'),
		text('order_number'),
		listed('store_id', 'getStores'),
		choice('channel', CHANNELS),
	],
	// Cart.com's create requires the customer, a status and two order addresses (OAS); items and
	// payments are separate records (Order Item, Order Payment) added after the order exists.
	fields: [
		required(integer('customer_id')),
		required(
			listed('order_status_id', 'getOrderStatuses', {
				label: 'Status ID',
				description:
					'Set directly, without Cart.com’s status e-mails and events; use Update Status for those',
			}),
		),
		required(
			integer('order_billing_address_id', {
				label: 'Billing Address ID',
				description: 'An order address (see the Order Address resource)',
			}),
		),
		required(
			integer('order_shipping_address_id', {
				label: 'Shipping Address ID',
				description: 'An order address (see the Order Address resource)',
			}),
		),
		listed('store_id', 'getStores'),
		listed('customer_type_id', 'getCustomerTypes'),
		text('order_number'),
		date('ordered_at'),
		date('due_date'),
		choice('channel', CHANNELS),
		text('selected_shipping_method', { placeholder: 'e.g. UPS Ground' }),
		text('coupon_code'),
		text('special_instructions'),
		text('instructions'),
		text('admin_comments', { description: 'Internal notes, not shown to the customer' }),
		text('public_comments', { description: 'Notes the customer can see' }),
		flag('is_gift', { description: 'Whether the order is a gift' }),
		text('gift_message'),
		integer('location_id', { description: 'The store location (physical shop) of the order' }),
		integer('sales_agent_user_id'),
		text('source'),
		money('shipping_total'),
		money('handling_total'),
		money('tax_total'),
		money('discount_total'),
	],
};
