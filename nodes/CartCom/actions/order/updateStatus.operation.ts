import type { INodeProperties } from 'n8n-workflow';

import {
	forOperation,
	RECORD_ID,
	recordLocator,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { locatorValue, readCollection, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { toRecordId } from '../../helpers/validation';
import { orderSpec } from './spec';
import { changeOrderStatus } from './status';

const OPERATION = 'updateStatus';

const properties: INodeProperties[] = [
	recordLocator(orderSpec),
	{
		displayName: 'Status Name or ID',
		name: 'statusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
		required: true,
		default: '',
		description:
			'The new status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	writeOptionsCollection([
		{
			displayName: 'Skip If Unchanged',
			name: 'skipIfUnchanged',
			type: 'boolean',
			default: true,
			description:
				'Whether to leave an order that already has this status untouched, so a re-run sends no second e-mail. Costs one extra read per order.',
		},
	]),
];

export const updateStatus: OperationModule = {
	option: {
		name: 'Update Status',
		value: OPERATION,
		action: 'Update order status',
		description: 'Move an order to another status, firing Cart.com’s status e-mails and events',
	},
	endpoints: [
		{ method: 'GET', path: '/orders/{id}' },
		{ method: 'PUT', path: '/orders/{id}/status' },
	],
	description: forOperation(orderSpec.value, OPERATION, properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const status = this.getNodeParameter('statusId', i);
			requireGiven(this, i, {
				Order: locatorValue(this, RECORD_ID, i),
				'Status Name or ID': status,
			});
			const orderId = readRecordId(this, i, undefined, 'Order');
			const statusId = toRecordId(this, status, 'Status', i);
			const options = readCollection(this, 'writeOptions', i);
			const { order, changed } = await changeOrderStatus(
				this,
				orderId,
				statusId,
				i,
				options.skipIfUnchanged !== false,
			);
			return { ...order, status_changed: changed };
		});
	},
};
