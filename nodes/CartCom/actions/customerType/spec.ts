import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const customerTypeSpec: ResourceSpec = {
	value: 'customerType',
	name: 'Customer Type',
	plural: 'customer types',
	path: '/customer_types',
	recordsKey: 'customer_types',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['customer_type_payment_methods_availability'],
	timestamps: true,
	titleField: 'name',
	filterFields: [
		{ name: 'name', type: 'string', operator: 'like', description: 'Name contains this text' },
	],
	fields: [
		{ name: 'name', type: 'string', required: true, placeholder: 'e.g. Wholesale' },
		{ name: 'customer_level', type: 'number', integer: true },
		{ name: 'description', type: 'string' },
	],
};
