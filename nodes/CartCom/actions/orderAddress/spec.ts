import { integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

/** The billing / shipping address copy an order points to (order_billing_address_id, order_shipping_address_id). */
export const orderAddressSpec: ResourceSpec = {
	value: 'orderAddress',
	name: 'Order Address',
	plural: 'order addresses',
	path: '/order_addresses',
	// Unknown on live stores (OAS: order_addresses, older spec: addresses); the envelope is detected.
	recordsKey: 'addresses',
	operations: [get, getMany, create, update, remove, getSeveral],
	timestamps: true,
	titleField: 'address_line_1',
	simplifyFields: [
		'customer_id',
		'first_name',
		'last_name',
		'address_line_1',
		'city',
		'state_code',
		'postal_code',
		'country_code',
		'updated_at',
	],
	filterFields: [integer('customer_id'), text('postal_code'), text('last_name')],
	// Required on POST per the OAS: customer_id only.
	fields: [
		required(integer('customer_id')),
		text('first_name'),
		text('last_name'),
		text('company'),
		text('address_line_1'),
		text('address_line_2'),
		text('city'),
		text('state', { placeholder: 'e.g. Texas', description: 'Full state name' }),
		text('state_code', { placeholder: 'e.g. TX' }),
		// The OAS types it as an integer; ZIP+4 and foreign codes need text.
		text('postal_code'),
		text('country', { placeholder: 'e.g. United States', description: 'Full country name' }),
		text('country_code', { placeholder: 'e.g. US' }),
		text('phone'),
		text('alternate_phone'),
		text('fax'),
		text('comments'),
		text('address_type'),
	],
};
