import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { storeQueue } from '../../helpers/keyedQueue';
import { locatorValue, readCollection, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { inputError, toNumber, toRecordId } from '../../helpers/validation';
import {
	cents,
	chargeOnce,
	paidCents,
	readOrder,
	readOrderPayments,
	changedPayments,
} from './payments';
import { orderSpec } from './spec';

const OPERATION = 'processPayment';

const properties: INodeProperties[] = [
	{
		displayName:
			'This charges the card, once: the node never repeats the charge by itself, and if the answer is lost it reads the order’s payments to find out whether the charge went through.',
		name: 'chargeNotice',
		type: 'notice',
		default: '',
	},
	recordLocator(orderSpec),
	{
		displayName: 'Credit Card ID',
		name: 'cardId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 41',
		description: 'The customer’s saved card to charge (Credit Card → Get Many lists them)',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6',
		description: 'The customer the card belongs to',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Amount to charge; when not added, Cart.com charges the order total',
			},
			{
				displayName: 'CVV',
				name: 'cvv',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The card’s security code, when the payment gateway asks for it',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'writeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Skip If Paid in Full',
				name: 'skipIfPaid',
				type: 'boolean',
				default: true,
				description:
					'Whether to leave an order alone when its approved payments already cover its total, so a re-run does not charge twice',
			},
		],
	},
];

export const processPayment: OperationModule = {
	option: {
		name: 'Process Payment',
		value: OPERATION,
		action: 'Charge a saved card for an order',
		description: 'Charge a customer’s saved card for an order (sent once, never repeated)',
	},
	// The order and its payments before the charge; the payments again after an unclear answer.
	endpoints: [
		{ method: 'GET', path: '/orders/{id}' },
		{ method: 'GET', path: '/orders/{id}/payments' },
		{ method: 'POST', path: '/orders/{id}/process_payment' },
	],
	description: forOperation(orderSpec.value, OPERATION, properties),
	async execute(items) {
		// One item at a time: two charges on one order in parallel could not be told apart on a re-read.
		return await runPerItem(this, items, async (i) => {
			const cardRaw = this.getNodeParameter('cardId', i, '');
			const customerRaw = this.getNodeParameter('customerId', i, '');
			requireGiven(this, i, {
				Order: locatorValue(this, RECORD_ID, i),
				'Credit Card ID': cardRaw,
				'Customer ID': customerRaw,
			});
			const orderId = readRecordId(this, i, undefined, 'Order');
			const cardId = toRecordId(this, cardRaw, 'Credit Card ID', i);
			const customerId = toRecordId(this, customerRaw, 'Customer ID', i);
			const fields = readCollection(this, 'additionalFields', i);
			const body: IDataObject = { card_id: cardId, customer_id: customerId };
			if (fields.amount !== undefined) {
				const amount = toNumber(this, i, fields.amount, 'Amount', { nonNegative: true });
				if (amount <= 0)
					throw inputError(
						this,
						i,
						'Amount',
						'must be more than 0',
						'Remove Amount to charge the order total.',
					);
				body.amount = amount;
			}
			if (fields.cvv !== undefined && String(fields.cvv) !== '') {
				const cvv = String(fields.cvv).trim();
				// The value itself is never quoted: it is a card secret.
				if (!/^\d{3,4}$/.test(cvv))
					throw inputError(
						this,
						i,
						'CVV',
						'must be 3 or 4 digits',
						'Enter the card’s security code.',
					);
				body.cvv = cvv;
			}
			const options = readCollection(this, 'writeOptions', i);

			// One charge per order at a time in this process: two executions charging the same order at
			// once would both find it unpaid, and their payments could not be told apart on a re-read.
			const perOrder = await storeQueue(this, i);
			return await perOrder.run(`charge ${orderId}`, async () => {
				const order = await readOrder(this, orderId, i);
				const before = await readOrderPayments(this, orderId, i);
				const total = cents(order.grand_total);
				if (options.skipIfPaid !== false && total > 0 && paidCents(before) >= total) {
					return {
						order_id: orderId,
						payment_processed: false,
						skipped: true,
						reason: 'The order’s approved payments already cover its total; nothing was charged.',
						paid_total: paidCents(before) / 100,
					};
				}
				// A new payment of the order (of the amount asked, when one was given) is this charge.
				const isThisCharge = (payment: IDataObject) =>
					body.amount === undefined || cents(payment.amount) === cents(body.amount);
				const { answer, settled, after } = await chargeOnce(
					this,
					orderId,
					i,
					{
						path: `${orderSpec.path}/${orderId}/process_payment`,
						body,
						secrets: typeof body.cvv === 'string' ? [body.cvv] : [],
					},
					(paymentsAfter) => {
						const added = changedPayments(before, paymentsAfter).added.filter(isThisCharge);
						if (added.length === 0) return undefined;
						return {
							payment_processed: added.some((payment) => payment.is_approved === true),
							payment_declined: added.every((payment) => payment.is_declined === true),
							settled_by_reread: true,
						};
					},
				);
				return {
					...(answer ?? {}),
					...(settled ?? {}),
					order_id: orderId,
					new_payments: changedPayments(before, after).added,
				};
			});
		});
	},
};
