import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** The billing / shipping address copy an order points to (order_billing_address_id, order_shipping_address_id). */
export const orderAddressSpec: ResourceSpec = {
	value: 'orderAddress',
	name: 'Order Address',
	plural: 'order addresses',
	path: '/order_addresses',
	// Unknown on live stores (OAS: order_addresses, older spec: addresses); the envelope is detected.
	recordsKey: 'addresses',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
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
	filterFields: [
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true },
		{ name: 'postal_code', type: 'string' },
		{ name: 'last_name', type: 'string' },
	],
	// Required on POST per the OAS: customer_id only.
	fields: [
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true, required: true },
		{ name: 'first_name', type: 'string' },
		{ name: 'last_name', type: 'string' },
		{ name: 'company', type: 'string' },
		{ name: 'address_line_1', type: 'string' },
		{ name: 'address_line_2', type: 'string' },
		{ name: 'city', type: 'string' },
		{ name: 'state', type: 'string', placeholder: 'e.g. Texas', description: 'Full state name' },
		{ name: 'state_code', type: 'string', placeholder: 'e.g. TX' },
		// The OAS types it as an integer; ZIP+4 and foreign codes need text.
		{ name: 'postal_code', type: 'string' },
		{ name: 'country', type: 'string', placeholder: 'e.g. United States', description: 'Full country name' },
		{ name: 'country_code', type: 'string', placeholder: 'e.g. US' },
		{ name: 'phone', type: 'string' },
		{ name: 'alternate_phone', type: 'string' },
		{ name: 'fax', type: 'string' },
		{ name: 'comments', type: 'string' },
		{ name: 'address_type', type: 'string' },
	],
};
