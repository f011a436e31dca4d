import { date, flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const subscriptionSpec: ResourceSpec = {
	value: 'subscription',
	name: 'Subscription',
	plural: 'subscriptions',
	path: '/subscriptions',
	recordsKey: 'subscriptions',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	simplifyFields: [
		'customer_id',
		'is_enabled',
		'frequency',
		'frequency_type',
		'next_due_at',
		'original_order_id',
		'latest_renewal_order_id',
		'renewal_count',
		'updated_at',
	],
	filterFields: [
		integer('customer_id'),
		flag('is_enabled', {
			description: 'Whether to return only enabled (true) or only paused (false) subscriptions',
		}),
	],
	fields: [
		required(integer('customer_id')),
		required(text('frequency_type', { placeholder: 'e.g. Months' })),
		required(integer('frequency')),
		required(integer('original_order_id')),
		required(
			text('shipping_method_name', { placeholder: 'e.g. USPS;USPS Media Mail;USPS Media Mail' }),
		),
		required(integer('customer_payment_method_id')),
		required(integer('shipping_address_id')),
		required(integer('billing_address_id')),
		date('next_due_at'),
		flag('is_enabled'),
	],
};
