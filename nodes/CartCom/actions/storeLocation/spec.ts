import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** Physical shops (pickup / in-store); orders.location_id most likely points here. */
export const storeLocationSpec: ResourceSpec = {
	value: 'storeLocation',
	name: 'Store Location',
	plural: 'store locations',
	path: '/store_locations',
	recordsKey: 'store_locations',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
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
	filterFields: [
		{ name: 'name', type: 'string', operator: 'like', description: 'Name contains this text' },
		{
			name: 'store_id',
			label: 'Store ID',
			type: 'options',
			loadOptionsMethod: 'getStores',
			integer: true,
		},
	],
	fields: [
		{ name: 'name', type: 'string', placeholder: 'e.g. Downtown Shop' },
		{
			name: 'store_id',
			label: 'Store ID',
			type: 'options',
			loadOptionsMethod: 'getStores',
			integer: true,
		},
		{ name: 'address_1', label: 'Address Line 1', type: 'string' },
		{ name: 'address_2', label: 'Address Line 2', type: 'string' },
		{ name: 'city', type: 'string' },
		{ name: 'state_id', label: 'State ID', type: 'number', integer: true },
		{ name: 'non_us_state', label: 'Non-US State', type: 'string' },
		{ name: 'country_id', label: 'Country ID', type: 'number', integer: true },
		{ name: 'zip_code', type: 'string' },
		{ name: 'phone', type: 'string' },
		{ name: 'latitude', type: 'number' },
		{ name: 'longitude', type: 'number' },
		{ name: 'notes', type: 'string', placeholder: 'e.g. Hours: 9 AM to 5 PM' },
		{ name: 'sort_order', type: 'number', integer: true },
	],
};
