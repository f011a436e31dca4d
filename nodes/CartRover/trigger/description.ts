import type { INodeProperties } from 'n8n-workflow';

import { TRIGGER_EVENTS } from './events';

/**
 * CartRover stamps a status's date when the status changes, and an order can show up in a list a
 * moment after its date (the write and the list are not one step): a few minutes of look-back
 * re-read on every poll catch it. Keys of what was emitted stop doubles in that window.
 */
export const DEFAULT_LOOK_BACK_MINUTES = 5;
export const MAX_LOOK_BACK_MINUTES = 60;

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		noDataExpression: true,
		options: TRIGGER_EVENTS.map(({ name, status, description }) => ({
			name,
			value: status,
			description,
		})),
		default: ['new'],
		description:
			'The status changes that start the workflow: one item per order and status it entered, in the order they happened',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look-Back (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_LOOK_BACK_MINUTES },
				default: DEFAULT_LOOK_BACK_MINUTES,
				description:
					'Status changes stamped up to this many minutes before the newest one read are read again, so one CartRover lists a little late is not missed; changes already emitted are not emitted twice',
			},
			{
				displayName: 'Order Source',
				name: 'orderSource',
				type: 'string',
				default: '',
				placeholder: 'e.g. Shopify Main Store',
				description:
					'Only orders of this order source (cart). Merchant API keys only: Cart API keys see their own cart’s orders.',
			},
		],
	},
];
