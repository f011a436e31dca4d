import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const creditCardSpec: ResourceSpec = {
	value: 'creditCard',
	name: 'Credit Card',
	plural: 'credit cards',
	path: '/credit_cards',
	recordsKey: 'credit_cards',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'cardholder_name',
	description: 'Saved cards of customers (numbers are never returned in clear)',
	simplifyFields: [
		'customer_id',
		'card_type',
		'last_four',
		'expiration_month',
		'expiration_year',
		'cardholder_name',
		'is_default',
		'updated_at',
	],
	filterFields: [integer('customer_id')],
	fields: [
		required(integer('customer_id')),
		required(text('card_type', { placeholder: 'e.g. Visa' })),
		text('cardholder_name'),
		integer('expiration_month'),
		integer('expiration_year'),
		flag('is_default'),
	],
};
