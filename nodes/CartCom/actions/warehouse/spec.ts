import { contains, flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/** Fulfilment locations; products and order items point at one by warehouse_id. */
export const warehouseSpec: ResourceSpec = {
	value: 'warehouse',
	name: 'Warehouse',
	plural: 'warehouses',
	path: '/warehouses',
	recordsKey: 'warehouses',
	operations: [get, getMany, create, update, remove],
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
		contains('name'),
		flag('is_default', { description: 'Whether to return only the default warehouse' }),
	],
	fields: [
		required(text('name', { placeholder: 'e.g. Main DC' })),
		flag('is_default', { description: 'Whether this is the store’s default warehouse' }),
		text('email', { placeholder: 'e.g. dc@example.com' }),
		text('address_line_1'),
		text('address_line_2'),
		text('city'),
		text('state', { placeholder: 'e.g. Texas', description: 'Full state name' }),
		text('postal_code'),
		text('country', { placeholder: 'e.g. United States', description: 'Full country name' }),
		text('account_number'),
	],
};
