import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** A customer's address book entry (orders use their own copies, see Order Address). */
export const addressSpec: ResourceSpec = {
	value: 'address',
	name: 'Address',
	plural: 'addresses',
	path: '/addresses',
	recordsKey: 'addresses',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'address_line_1',
	simplifyFields: [
		'customer_id',
		'first_name',
		'last_name',
		'address_line_1',
		'city',
		'state',
		'postal_code',
		'country',
		'updated_at',
	],
	filterFields: [
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true },
		{ name: 'postal_code', type: 'string' },
		{
			name: 'is_default_billing_address',
			type: 'boolean',
			description: 'Whether to return only default billing addresses',
		},
		{
			name: 'is_default_shipping_address',
			type: 'boolean',
			description: 'Whether to return only default shipping addresses',
		},
	],
	fields: [
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true, required: true },
		{
			name: 'country',
			type: 'string',
			required: true,
			placeholder: 'e.g. United States',
			description: 'Full country name',
		},
		{ name: 'first_name', type: 'string' },
		{ name: 'last_name', type: 'string' },
		{ name: 'company', type: 'string' },
		{ name: 'address_line_1', type: 'string' },
		{ name: 'address_line_2', type: 'string' },
		{ name: 'city', type: 'string' },
		{ name: 'state', type: 'string', placeholder: 'e.g. Texas', description: 'Full state name' },
		{ name: 'postal_code', type: 'string' },
		{ name: 'phone', type: 'string' },
		{ name: 'alternate_phone', type: 'string' },
		{ name: 'fax', type: 'string' },
		{ name: 'comments', type: 'string' },
		{ name: 'address_type', type: 'string', placeholder: 'e.g. Default' },
		{
			name: 'is_default_billing_address',
			type: 'boolean',
			description: 'Whether this is the customer’s default billing address',
		},
		{
			name: 'is_default_shipping_address',
			type: 'boolean',
			description: 'Whether this is the customer’s default shipping address',
		},
	],
};
