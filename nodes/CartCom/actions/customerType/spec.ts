import { contains, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const customerTypeSpec: ResourceSpec = {
	value: 'customerType',
	name: 'Customer Type',
	plural: 'customer types',
	// A price group customers belong to; Customer → Update changes which one a customer is in.
	actionNoun: 'customer type definition',
	path: '/customer_types',
	recordsKey: 'customer_types',
	operations: [get, getMany, create, update, remove],
	nested: ['customer_type_payment_methods_availability'],
	timestamps: true,
	titleField: 'name',
	filterFields: [contains('name')],
	fields: [
		required(text('name', { placeholder: 'e.g. Wholesale' })),
		integer('customer_level'),
		text('description'),
	],
};
