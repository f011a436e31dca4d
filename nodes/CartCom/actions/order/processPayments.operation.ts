import type { INodeProperties } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { storeQueue } from '../../helpers/keyedQueue';
import { locatorValue, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { changedPayments, chargeOnce, readOrderPayments } from './payments';
import { orderSpec } from './spec';

const OPERATION = 'processPayments';

const properties: INodeProperties[] = [
	{
		displayName:
			'This charges the order’s pending payments, once: the node never repeats the request by itself, and if the answer is lost it reads the order’s payments to find out whether they were processed.',
		name: 'chargeNotice',
		type: 'notice',
		default: '',
	},
	recordLocator(orderSpec),
	{
		displayName: 'Force Process All',
		name: 'forceProcessAll',
		type: 'boolean',
		default: false,
		description:
			'Whether to process every payment of the order, declined ones included, instead of only those not yet processed',
	},
];

export const processPayments: OperationModule = {
	option: {
		name: 'Process Payments of Payment Order',
		value: OPERATION,
		action: 'Process the payments of a payment order',
		description: 'Charge the pending payments of a payment order (sent once, never repeated)',
	},
	// The payments before the charge, and again after an unclear answer.
	endpoints: [
		{ method: 'GET', path: '/orders/{id}/payments' },
		{ method: 'POST', path: '/orders/{id}/process_payments' },
	],
	description: forOperation(orderSpec.value, OPERATION, properties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			requireGiven(this, i, { Order: locatorValue(this, RECORD_ID, i) });
			const orderId = readRecordId(this, i, undefined, 'Order');
			const force = this.getNodeParameter('forceProcessAll', i, false) === true;
			// One charge per order at a time in this process (see Process Payment).
			const perOrder = await storeQueue(this, i);
			return await perOrder.run(`charge ${orderId}`, async () => {
				const before = await readOrderPayments(this, orderId, i);
				const { answer, settled, after } = await chargeOnce(
					this,
					orderId,
					i,
					{
						path: `${orderSpec.path}/${orderId}/process_payments`,
						body: { force_process_all: force },
					},
					(paymentsAfter) => {
						const { added, changed } = changedPayments(before, paymentsAfter);
						return added.length + changed.length > 0 ? { settled_by_reread: true } : undefined;
					},
				);
				const { added, changed } = changedPayments(before, after);
				return {
					...(answer ?? {}),
					...(settled ?? {}),
					order_id: orderId,
					processed_payments: [...changed, ...added],
				};
			});
		});
	},
};
