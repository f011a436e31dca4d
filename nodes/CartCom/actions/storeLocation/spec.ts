import { contains, integer, listed, number, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/** Physical shops (pickup / in-store); orders.location_id most likely points here. */
export const storeLocationSpec: ResourceSpec = {
	value: 'storeLocation',
	name: 'Store Location',
	plural: 'store locations',
	path: '/store_locations',
	recordsKey: 'store_locations',
	operations: [get, getMany, create, update, remove],
	titleField: 'name',
	simplifyFields: [
		'name',
		'store_id',
		'address_1',
		'city',
		'state_id',
		'zip_code',
		'country_id',
		'phone',
	],
	filterFields: [contains('name'), listed('store_id', 'getStores')],
	fields: [
		text('name', { placeholder: 'e.g. Downtown Shop' }),
		listed('store_id', 'getStores'),
		text('address_1', { label: 'Address Line 1' }),
		text('address_2', { label: 'Address Line 2' }),
		text('city'),
		integer('state_id'),
		text('non_us_state', { label: 'Non-US State' }),
		integer('country_id'),
		text('zip_code'),
		text('phone'),
		number('latitude'),
		number('longitude'),
		text('notes', { placeholder: 'e.g. Hours: 9 AM to 5 PM' }),
		integer('sort_order'),
	],
};
