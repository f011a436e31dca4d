import { contains, date, flag, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const discountMethodSpec: ResourceSpec = {
	value: 'discountMethod',
	name: 'Discount Method',
	plural: 'discount methods',
	path: '/discount_methods',
	recordsKey: 'discount_methods',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['rules', 'actions'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'is_enabled',
		'starts_at',
		'expires',
		'expires_at',
		'uses',
		'remaining_uses',
		'is_free_shipping_discount',
		'updated_at',
	],
	filterFields: [contains('name')],
	fields: [
		text('name'),
		flag('is_enabled'),
		date('starts_at'),
		flag('expires'),
		date('expires_at'),
		flag('is_free_shipping_discount'),
		flag('is_exclusive'),
		text('notes'),
	],
};
