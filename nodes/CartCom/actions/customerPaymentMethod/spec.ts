import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const customerPaymentMethodSpec: ResourceSpec = {
	value: 'customerPaymentMethod',
	name: 'Customer Payment Method',
	plural: 'customer payment methods',
	path: '/customer_payment_methods',
	recordsKey: 'customer_payment_methods',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['fields'],
	timestamps: true,
	filterFields: [integer('customer_id')],
	fields: [
		integer('customer_id'),
		integer('payment_method_id'),
		text('payment_type', { placeholder: 'e.g. CreditCard' }),
		integer('card_id'),
		flag('is_default'),
	],
};
