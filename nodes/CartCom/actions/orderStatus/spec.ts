import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const orderStatusSpec: ResourceSpec = {
	value: 'orderStatus',
	name: 'Order Status',
	plural: 'order statuses',
	// Not Order → Update Status: these are the statuses an order can be set to.
	actionNoun: 'order status definition',
	path: '/order_statuses',
	recordsKey: 'order_statuses',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	// Typed nullable in Airbyte source-cart's manifest, inferred from a live store's order statuses.
	undatedFields: ['updated_at'],
	titleField: 'name',
	simplifyFields: [
		'name',
		'color',
		'is_open',
		'is_shipped',
		'is_partially_shipped',
		'is_cancelled',
		'is_declined',
		'is_fully_refunded',
		'is_quote_status',
	],
	filterFields: [
		text('name', { description: 'Exact status name, e.g. Shipped' }),
		flag('is_shipped', {
			description:
				'Whether to return only statuses that mean shipped (true) or only the others (false)',
		}),
		flag('is_open', {
			description: 'Whether to return only open statuses (true) or only closed ones (false)',
		}),
	],
	// Status IDs differ per store: resolve them by name or flag, never hard-code them.
	fields: [
		text('name', { placeholder: 'e.g. Awaiting Pickup' }),
		text('color', { placeholder: 'e.g. #65A4E0' }),
		integer('email_template_id', {
			description: 'E-mail sent to the customer when an order enters this status',
		}),
		flag('is_open', { description: 'Whether orders in this status are still open' }),
		flag('is_shipped', { description: 'Whether this status means the order has shipped' }),
		flag('is_partially_shipped', {
			description: 'Whether this status means the order has partly shipped',
		}),
		flag('is_cancelled', { description: 'Whether this status means the order is cancelled' }),
		flag('is_declined', { description: 'Whether this status means the payment was declined' }),
		flag('is_fully_refunded', {
			description: 'Whether this status means the order is fully refunded',
		}),
		flag('is_partially_refunded', {
			description: 'Whether this status means the order is partly refunded',
		}),
		flag('is_quote_status', {
			description: 'Whether this status is for quotes rather than orders',
		}),
	],
};
