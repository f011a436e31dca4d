import { date, flag, integer, number, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const orderPaymentSpec: ResourceSpec = {
	value: 'orderPayment',
	name: 'Order Payment',
	plural: 'order payments',
	path: '/order_payments',
	// The OAS says order_payments; Airbyte reads `payments` from live stores (detected anyway).
	recordsKey: 'payments',
	operations: [get, getMany, create, update, remove, getSeveral],
	// docs/resource_list.md and docs/resources/order_payments.md: `?expand=fields` (payment form fields).
	nested: ['fields'],
	timestamps: true,
	titleField: 'transaction_id',
	simplifyFields: [
		'order_id',
		'customer_id',
		'payment_method_name',
		'transaction_type',
		'amount',
		'is_approved',
		'is_captured',
		'transaction_id',
		'paid_at',
	],
	filterFields: [
		integer('order_id', { description: 'Only the payments of this order' }),
		integer('customer_id'),
		text('transaction_id', { description: 'The gateway’s transaction ID' }),
		flag('is_approved', {
			description: 'Whether to return only approved (true) or only not approved (false) payments',
		}),
		flag('is_captured', {
			description: 'Whether to return only captured (true) or only uncaptured (false) payments',
		}),
	],
	// Required on POST per the OAS: customer_id, order_id. Card data is not accepted here: Cart.com
	// stores payments processed elsewhere, or records offline ones (cheque, purchase order).
	fields: [
		required(integer('order_id')),
		required(integer('customer_id')),
		number('amount'),
		text('payment_type', { placeholder: 'e.g. CreditCard' }),
		text('payment_method_name', { placeholder: 'e.g. Credit Card' }),
		integer('payment_method_id'),
		text('transaction_type', { placeholder: 'e.g. Auth' }),
		text('transaction_id'),
		text('authorization_code'),
		flag('is_approved', { description: 'Whether the payment is approved' }),
		flag('is_declined', { description: 'Whether the payment was declined' }),
		flag('is_captured', { description: 'Whether the payment is captured' }),
		flag('is_void', { description: 'Whether the payment is void' }),
		date('paid_at'),
		date('approved_at'),
		text('card_type', { placeholder: 'e.g. Visa' }),
		text('cardholder_name'),
		text('last_four', { description: 'Last four digits of the card' }),
		integer('card_expiration_month'),
		integer('card_expiration_year'),
		text('payment_note'),
		text('payment_ref_num', {
			label: 'Payment Reference Number',
			description: 'E.g. a cheque or purchase order number',
		}),
		text('reject_reason'),
	],
};
