import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const orderPaymentSpec: ResourceSpec = {
	value: 'orderPayment',
	name: 'Order Payment',
	plural: 'order payments',
	path: '/order_payments',
	// The OAS says order_payments; Airbyte reads `payments` from live stores (detected anyway).
	recordsKey: 'payments',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
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
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, description: 'Only the payments of this order' },
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true },
		{ name: 'transaction_id', label: 'Transaction ID', type: 'string', description: 'The gateway’s transaction ID' },
		{ name: 'is_approved', type: 'boolean', description: 'Whether to return only approved (true) or only not approved (false) payments' },
		{ name: 'is_captured', type: 'boolean', description: 'Whether to return only captured (true) or only uncaptured (false) payments' },
	],
	// Required on POST per the OAS: customer_id, order_id. Card data is not accepted here: Cart.com
	// stores payments processed elsewhere, or records offline ones (cheque, purchase order).
	fields: [
		{ name: 'order_id', label: 'Order ID', type: 'number', integer: true, required: true },
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true, required: true },
		{ name: 'amount', type: 'number' },
		{ name: 'payment_type', type: 'string', placeholder: 'e.g. CreditCard' },
		{ name: 'payment_method_name', type: 'string', placeholder: 'e.g. Credit Card' },
		{ name: 'payment_method_id', label: 'Payment Method ID', type: 'number', integer: true },
		{ name: 'transaction_type', type: 'string', placeholder: 'e.g. Auth' },
		{ name: 'transaction_id', label: 'Transaction ID', type: 'string' },
		{ name: 'authorization_code', type: 'string' },
		{ name: 'is_approved', type: 'boolean', description: 'Whether the payment is approved' },
		{ name: 'is_declined', type: 'boolean', description: 'Whether the payment was declined' },
		{ name: 'is_captured', type: 'boolean', description: 'Whether the payment is captured' },
		{ name: 'is_void', type: 'boolean', description: 'Whether the payment is void' },
		{ name: 'paid_at', type: 'dateTime' },
		{ name: 'approved_at', type: 'dateTime' },
		{ name: 'card_type', type: 'string', placeholder: 'e.g. Visa' },
		{ name: 'cardholder_name', type: 'string' },
		{ name: 'last_four', type: 'string', description: 'Last four digits of the card' },
		{ name: 'card_expiration_month', type: 'number', integer: true },
		{ name: 'card_expiration_year', type: 'number', integer: true },
		{ name: 'payment_note', type: 'string' },
		{ name: 'payment_ref_num', label: 'Payment Reference Number', type: 'string', description: 'E.g. a cheque or purchase order number' },
		{ name: 'reject_reason', type: 'string' },
	],
};
