import { count, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const discountRuleSpec: ResourceSpec = {
	value: 'discountRule',
	name: 'Discount Rule',
	plural: 'discount rules',
	path: '/discount_rules',
	recordsKey: 'discount_rules',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	filterFields: [integer('discount_method_id')],
	fields: [
		required(integer('discount_method_id')),
		required(text('type', { placeholder: 'e.g. an item in cart (by item number)' })),
		required(text('target', { description: 'What the rule tests, e.g. an item number' })),
		text('operator_type', { placeholder: 'e.g. contains' }),
		count('target_quantity'),
	],
};
