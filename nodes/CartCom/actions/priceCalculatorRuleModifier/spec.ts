import { integer, number, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const priceCalculatorRuleModifierSpec: ResourceSpec = {
	value: 'priceCalculatorRuleModifier',
	name: 'Price Calculator Rule Modifier',
	plural: 'price calculator rule modifiers',
	path: '/price_calculator_rule_modifiers',
	recordsKey: 'price_calculator_rule_modifiers',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	filterFields: [integer('price_calculator_rule_id')],
	fields: [
		required(integer('price_calculator_rule_id')),
		text('action', { placeholder: 'e.g. Add' }),
		number('value'),
		text('modifier_type', { placeholder: 'e.g. PercentMarkup' }),
		integer('sort_order'),
		text('description'),
	],
};
