import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/** A customer's address book entry (orders use their own copies, see Order Address). */
export const addressSpec: ResourceSpec = {
	value: 'address',
	name: 'Address',
	plural: 'addresses',
	path: '/addresses',
	recordsKey: 'addresses',
	operations: [get, getMany, create, update, remove],
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
		integer('customer_id'),
		text('postal_code'),
		flag('is_default_billing_address', {
			description: 'Whether to return only default billing addresses',
		}),
		flag('is_default_shipping_address', {
			description: 'Whether to return only default shipping addresses',
		}),
	],
	fields: [
		required(integer('customer_id')),
		required(
			text('country', { placeholder: 'e.g. United States', description: 'Full country name' }),
		),
		text('first_name'),
		text('last_name'),
		text('company'),
		text('address_line_1'),
		text('address_line_2'),
		text('city'),
		text('state', { placeholder: 'e.g. Texas', description: 'Full state name' }),
		text('postal_code'),
		text('phone'),
		text('alternate_phone'),
		text('fax'),
		text('comments'),
		text('address_type', { placeholder: 'e.g. Default' }),
		flag('is_default_billing_address', {
			description: 'Whether this is the customer’s default billing address',
		}),
		flag('is_default_shipping_address', {
			description: 'Whether this is the customer’s default shipping address',
		}),
	],
};
