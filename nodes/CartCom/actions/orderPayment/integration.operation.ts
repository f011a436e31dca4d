import type { IDataObject } from 'n8n-workflow';

import { isNotGiven } from '../../helpers/parameters';
import { integrationOperation } from '../generic/integration';
import { orderPaymentSpec } from './spec';

const PAYMENT_KEYS = ['order_payment_id', 'payment_ref_num', 'transaction_id'];

/**
 * `POST /order_payments/integration` (docs/resources/special_integration_routes.md): the order is
 * found like /orders/integration, then the payment by order_payment_id, payment_ref_num or
 * transaction_id; with none of them Cart.com adds a payment on every run, so one is required.
 */
export const orderPaymentIntegration = integrationOperation({
	spec: orderPaymentSpec,
	noun: 'order payment',
	lookup: 'payment ID, reference number or transaction ID',
	example:
		'{"order_number": "W-1001", "transaction_id": "0987654321", "payment_method_name": "Credit Card", "amount": 59.9, "is_approved": true}',
	missingLookup: (body: IDataObject) =>
		PAYMENT_KEYS.some((key) => !isNotGiven(body[key]))
			? []
			: ['order_payment_id, payment_ref_num or transaction_id'],
	lookupFix: 'Add "transaction_id", "payment_ref_num" or "order_payment_id" to the JSON.',
});
