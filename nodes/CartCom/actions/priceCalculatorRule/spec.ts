import { count, integer, money, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const priceCalculatorRuleSpec: ResourceSpec = {
	value: 'priceCalculatorRule',
	name: 'Price Calculator Rule',
	plural: 'price calculator rules',
	path: '/price_calculator_rules',
	recordsKey: 'price_calculator_rules',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['modifiers'],
	timestamps: true,
	filterFields: [integer('price_calculator_id')],
	fields: [
		integer('price_calculator_id'),
		integer('customer_type_id'),
		integer('store_id'),
		count('starting_quantity'),
		text('price_base_type', { placeholder: 'e.g. BaseCostPassedIn' }),
		money('specific_base_price'),
	],
};
