import { count, date, flag, listed, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

export const customerSpec: ResourceSpec = {
	value: 'customer',
	name: 'Customer',
	plural: 'customers',
	path: '/customers',
	recordsKey: 'customers',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	nested: [
		'addresses',
		'additional_emails',
		'customer_store_locations',
		'reward_points',
		'custom_fields',
	],
	timestamps: true,
	titleField: 'email',
	simplifyFields: [
		'email',
		'first_name',
		'last_name',
		'company',
		'customer_number',
		'customer_type_id',
		'phone_number',
		'store_id',
		'updated_at',
	],
	// Looking a customer up by email is a Get Many with the Email filter (exact match), as in n8n's
	// other shop nodes; POST /customers has no idempotency key, so search before creating.
	filterFields: [
		text('email', { placeholder: 'e.g. jane@example.com', description: 'Exact email address' }),
		text('customer_number'),
		listed('customer_type_id', 'getCustomerTypes'),
		listed('store_id', 'getStores'),
		text('company', { operator: 'like', description: 'Company name contains this text' }),
		flag('is_inactive', {
			description: 'Whether to return only inactive (true) or only active (false) customers',
		}),
	],
	fields: [
		required(text('email', { placeholder: 'e.g. jane@example.com' })),
		required(listed('store_id', 'getStores')),
		text('first_name'),
		text('last_name'),
		text('company'),
		text('username'),
		text('customer_number'),
		listed('customer_type_id', 'getCustomerTypes'),
		text('phone_number'),
		text('alternate_phone_number'),
		flag('is_no_tax_customer', { description: 'Whether the customer is exempt from tax' }),
		text('tax_exemption_number'),
		flag('is_inactive', { description: 'Whether the customer account is inactive' }),
		count('payment_net_term', { description: 'Payment terms in days, e.g. 30' }),
		money('credit_limit'),
		text('comments'),
		text('source'),
		date('registered_at'),
	],
};
