import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const discountActionSpec: ResourceSpec = {
	value: 'discountAction',
	name: 'Discount Action',
	plural: 'discount actions',
	path: '/discount_actions',
	recordsKey: 'discount_actions',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['rules'],
	filterFields: [integer('discount_method_id')],
	fields: [
		integer('discount_method_id'),
		flag('is_active'),
		text('modifier_operation', { placeholder: 'e.g. subtract' }),
		text('modifier_amount', { placeholder: 'e.g. 50' }),
		text('modifier_type', { placeholder: 'e.g. percent' }),
		text('modifier_target', { placeholder: 'e.g. total' }),
		integer('sort_order'),
	],
};
