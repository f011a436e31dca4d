import { required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const priceCalculatorSpec: ResourceSpec = {
	value: 'priceCalculator',
	name: 'Price Calculator',
	plural: 'price calculators',
	path: '/price_calculators',
	recordsKey: 'price_calculators',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['rules'],
	timestamps: true,
	titleField: 'calculation_name',
	fields: [
		required(text('calculation_name', { placeholder: 'e.g. Tier 1' })),
		text('description'),
		text('item_numbers_regex'),
	],
};
