import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The status filters of `/{cart|merchant}/orders/list/{status}`: the six statuses and the three
 * combined filters (makeway-agency/cartrover-php, extensiv_ruby). What `from_date`/`to_date` compare
 * depends on the status (reference §5): created (new), delivered to the warehouse (at_wms),
 * shipment loaded (shipped), sent to the cart (confirmed), error raised, canceled.
 */
export const STATUS_FILTERS: INodePropertyOptions[] = [
	{ name: 'Any', value: 'any', description: 'Every order, whatever its status' },
	{
		name: 'At Warehouse',
		value: 'at_wms',
		description: 'Sent to the warehouse; dates are when it was sent',
	},
	{ name: 'Canceled', value: 'canceled', description: 'Dates are when it was canceled' },
	{ name: 'Confirmed', value: 'confirmed', description: 'Tracking sent back to the cart' },
	{
		name: 'Error',
		value: 'error',
		description: 'Held back by an error; dates are when it was raised',
	},
	{
		name: 'New',
		value: 'new',
		description: 'Not sent to the warehouse yet; dates are when it was created',
	},
	{ name: 'New or At Warehouse', value: 'new_or_at_wms', description: 'Not shipped yet' },
	{ name: 'Shipped', value: 'shipped', description: 'Tracking received from the warehouse' },
	{
		name: 'Shipped or Confirmed',
		value: 'shipped_or_confirmed',
		description: 'Shipped, whether or not the cart confirmed it',
	},
];
