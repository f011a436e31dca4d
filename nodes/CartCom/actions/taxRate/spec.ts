import { flag, integer, money, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const taxRateSpec: ResourceSpec = {
	value: 'taxRate',
	name: 'Tax Rate',
	plural: 'tax rates',
	path: '/tax_rates',
	recordsKey: 'tax_rates',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	filterFields: [integer('region_id'), integer('store_id')],
	fields: [
		required(money('rate', { description: 'As a fraction, e.g. 0.0825 for 8.25%' })),
		required(integer('region_id')),
		required(integer('store_id')),
		text('name'),
		flag('is_shipping_included'),
		flag('is_handling_included'),
	],
};
