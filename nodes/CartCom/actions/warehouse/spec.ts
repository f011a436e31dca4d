import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** Fulfilment locations; products and order items point at one by warehouse_id. */
export const warehouseSpec: ResourceSpec = {
	value: 'warehouse',
	name: 'Warehouse',
	plural: 'warehouses',
	path: '/warehouses',
	recordsKey: 'warehouses',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'is_default',
		'address_line_1',
		'city',
		'state',
		'postal_code',
		'country',
		'updated_at',
	],
	filterFields: [
		{ name: 'name', type: 'string', operator: 'like', description: 'Name contains this text' },
		{
			name: 'is_default',
			type: 'boolean',
			description: 'Whether to return only the default warehouse',
		},
	],
	fields: [
		{ name: 'name', type: 'string', required: true, placeholder: 'e.g. Main DC' },
		{
			name: 'is_default',
			type: 'boolean',
			description: 'Whether this is the store’s default warehouse',
		},
		{ name: 'email', type: 'string', placeholder: 'e.g. dc@example.com' },
		{ name: 'address_line_1', type: 'string' },
		{ name: 'address_line_2', type: 'string' },
		{ name: 'city', type: 'string' },
		{ name: 'state', type: 'string', placeholder: 'e.g. Texas', description: 'Full state name' },
		{ name: 'postal_code', type: 'string' },
		{
			name: 'country',
			type: 'string',
			placeholder: 'e.g. United States',
			description: 'Full country name',
		},
		{ name: 'account_number', type: 'string' },
	],
};
