import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const paymentMethodSpec: ResourceSpec = {
	value: 'paymentMethod',
	name: 'Payment Method',
	plural: 'payment methods',
	path: '/payment_methods',
	recordsKey: 'payment_methods',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['fields', 'stores'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'payment_type',
		'is_gateway',
		'gateway_name',
		'is_hidden',
		'sort_order',
		'updated_at',
	],
	fields: [
		text('name'),
		text('payment_type', { placeholder: 'e.g. Custom' }),
		text('description'),
		text('confirmation_message'),
		flag('is_hidden'),
		integer('sort_order'),
	],
};
