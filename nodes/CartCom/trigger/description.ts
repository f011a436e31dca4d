import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../actions/versionDescription';
import { ORDER_EVENTS, TRIGGER_EVENTS, UPDATED_EVENTS } from './events';

/**
 * Default look-back for changes saved late (a write whose timestamp is older than one already
 * visible): 1–2 s covers a save's commit lag; bounded to keep the state small.
 */
export const DEFAULT_LOOK_BACK_SECONDS = 2;
export const MAX_LOOK_BACK_SECONDS = 300;

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'orderCreated',
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of each record (ID and up to 10 key fields) instead of the raw data',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { event: ORDER_EVENTS } },
		options: [
			{
				displayName: 'Order Status Names or IDs',
				name: 'orderStatusIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
				default: [],
				description:
					'Only orders in one of these statuses when the trigger reads them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look-Back (Seconds)',
				name: 'lookBackSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_LOOK_BACK_SECONDS },
				default: DEFAULT_LOOK_BACK_SECONDS,
				displayOptions: { show: { '/event': UPDATED_EVENTS } },
				description:
					'Changes stamped up to this many seconds before the newest one already emitted are read again, so a change whose save took a moment longer is not missed; versions already emitted are not emitted twice',
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'On the first poll (after activation, or after changing the event, filters or store), emit records created or changed since this time instead of starting from now. Without an offset, the workflow time zone applies.',
			},
			{
				displayName: 'Store Time Zone',
				name: 'storeTimeZone',
				type: 'string',
				default: '',
				placeholder: 'America/Chicago',
				displayOptions: { show: { '/event': UPDATED_EVENTS } },
				description:
					'The IANA time zone of the Cart.com store, used only for timestamps Cart.com sends without an offset. Empty: learned from timestamps that carry one, else the workflow time zone.',
			},
		],
	},
];
