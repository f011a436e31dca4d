import type { INodeProperties } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { locatorValue, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { toRecordIdList } from '../../helpers/validation';
import { cartComWrite, explainNotFound } from '../../transport';
import { subscriptionSpec } from '../generic/specs';

const OPERATION = 'pauseItems';

const properties: INodeProperties[] = [
	recordLocator(subscriptionSpec),
	{
		displayName: 'Action',
		name: 'pauseAction',
		type: 'options',
		options: [
			{ name: 'Pause', value: 'pause' },
			{ name: 'Resume', value: 'resume' },
		],
		default: 'pause',
		description: 'Whether to pause the items or resume them',
	},
	{
		displayName: 'Cart Item IDs',
		name: 'cartItemIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5798,5799',
		description:
			'Comma-separated IDs of the subscription’s cart items (the items of its saved cart, e.g. from Subscription → Get)',
	},
];

/**
 * `PUT /subscriptions/{id}/pause` `{items: [{id, subscription_paused}]}`, where `id` is the cart item
 * ID (docs/resources/subscriptions.md). It sets a state, so sending it twice changes nothing more.
 */
export const pauseItems: OperationModule = {
	option: {
		name: 'Pause or Resume Items',
		value: OPERATION,
		action: 'Pause or resume subscription items',
		description: 'Pause or resume items of a subscription',
	},
	endpoints: [{ method: 'PUT', path: '/subscriptions/{id}/pause' }],
	description: forOperation(subscriptionSpec.value, OPERATION, properties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const raw = this.getNodeParameter('cartItemIds', i, '');
			requireGiven(this, i, {
				Subscription: locatorValue(this, RECORD_ID, i),
				'Cart Item IDs': raw,
			});
			const id = readRecordId(this, i, undefined, 'Subscription');
			const ids = toRecordIdList(this, raw, 'Cart Item IDs', i, { unique: true });
			const paused = this.getNodeParameter('pauseAction', i, 'pause') === 'pause';
			const body = { items: ids.map((itemId) => ({ id: itemId, subscription_paused: paused })) };
			return await explainNotFound(
				`No subscription with ID ${id}, or an item that is not in its cart. Check the IDs.`,
				async () =>
					await cartComWrite.call(
						this,
						{ method: 'PUT', path: `${subscriptionSpec.path}/${id}/pause`, body, itemIndex: i },
						{ id, ...body },
					),
			);
		});
	},
};
