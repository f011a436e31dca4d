import { date, integer, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const quoteSpec: ResourceSpec = {
	value: 'quote',
	name: 'Quote',
	plural: 'quotes',
	path: '/quotes',
	recordsKey: 'quotes',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['items', 'custom_fields'],
	timestamps: true,
	titleField: 'order_number',
	simplifyFields: [
		'order_number',
		'customer_id',
		'order_status_id',
		'ordered_at',
		'expires_at',
		'grand_total',
		'store_id',
		'converted_to_order_ids',
		'updated_at',
	],
	filterFields: [integer('customer_id'), integer('order_status_id', { label: 'Status ID' })],
	fields: [
		required(integer('customer_id')),
		required(integer('store_id')),
		required(integer('order_status_id', { label: 'Status ID' })),
		required(integer('order_billing_address_id', { label: 'Billing Address ID' })),
		integer('order_shipping_address_id', { label: 'Shipping Address ID' }),
		required(money('tax_total')),
		required(money('grand_total')),
		date('expires_at'),
		text('admin_comments'),
		text('public_comments'),
	],
};
