import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../actions/versionDescription';
import { ANSWER_EVENTS, NOTIFY_EVENTS } from './events';

const asOptions = (events: typeof NOTIFY_EVENTS) =>
	events.map(({ name, value, description }) => ({ name, value, description }));

export const webhookTriggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Trigger On',
		name: 'eventKind',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Store Events',
				value: 'notify',
				description:
					'Start the workflow when orders, products, customers or quotes change (one or more events)',
			},
			{
				name: 'A Question Cart.com Asks During Checkout',
				value: 'answer',
				description:
					"Compute a price, discount, tax, status or validation in the workflow; the last node's first item is the answer",
			},
		],
		default: 'notify',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		noDataExpression: true,
		required: true,
		options: asOptions(NOTIFY_EVENTS),
		default: [],
		displayOptions: { show: { eventKind: ['notify'] } },
	},
	{
		displayName: 'Question',
		name: 'answerEvent',
		type: 'options',
		noDataExpression: true,
		options: asOptions(ANSWER_EVENTS),
		default: 'GetPrice',
		displayOptions: { show: { eventKind: ['answer'] } },
	},
	{
		displayName:
			'The first item of the workflow’s last node is sent back as the answer. Cart.com waits 3 seconds at most, then applies "If the Workflow Fails or Is Late".',
		name: 'answerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { eventKind: ['answer'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Cache Answers For',
				name: 'cacheLength',
				type: 'options',
				options: [
					{ name: 'Do Not Cache', value: 'NoCache' },
					{ name: '5 Minutes', value: 'Short' },
					{ name: '30 Minutes', value: 'Long' },
				],
				default: 'NoCache',
				displayOptions: { show: { '/eventKind': ['answer'] } },
				description: 'How long Cart.com reuses an answer for the same question',
			},
			{
				displayName: 'Fallback URL',
				name: 'fallbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/cart-fallback',
				displayOptions: { show: { '/eventKind': ['answer'] } },
				description:
					'Address Cart.com asks instead when the workflow fails or is late, with "If the Workflow Fails or Is Late" set to Ask the Fallback URL',
			},
			{
				displayName: 'If the Workflow Fails or Is Late',
				name: 'failureType',
				type: 'options',
				options: [
					{
						name: 'Ask the Fallback URL',
						value: 'Fallback',
						description: 'Cart.com asks the Fallback URL instead',
					},
					{
						name: 'Continue Without the Answer',
						value: 'Ignore',
						description: 'Cart.com goes on as if nobody was asked (e.g. the store’s own price)',
					},
					{
						name: 'Show an Error to the Shopper',
						value: 'Error',
					},
				],
				default: 'Ignore',
				displayOptions: { show: { '/eventKind': ['answer'] } },
			},
			{
				displayName: 'Store ID',
				name: 'storeId',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Only events of this store (for stores with several storefronts); without it, every store',
			},
		],
	},
];
