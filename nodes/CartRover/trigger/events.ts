/**
 * The CartRover Trigger's events: one per order status an order can enter. Meanings from the
 * CartRover knowledge base ("Order Statuses", support.cartrover.com/portal/en/kb/articles/order-statuses);
 * the normal flow is new → at_wms → shipped → confirmed, with error before delivery to the WMS and
 * canceled from new or at_wms.
 */

export type OrderStatus = 'new' | 'at_wms' | 'shipped' | 'confirmed' | 'error' | 'canceled';

export interface TriggerEvent {
	status: OrderStatus;
	name: string;
	description: string;
	/** Order of the statuses in an order's life: two transitions stamped in one second are emitted in this order. */
	rank: number;
	/** One letter per status in the stored keys (keeps the static data small). */
	letter: string;
}

export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
	{
		status: 'new',
		name: 'Order New',
		description: 'An order reached CartRover from a cart or marketplace',
		rank: 0,
		letter: 'n',
	},
	{
		status: 'error',
		name: 'Error',
		description:
			'CartRover holds an order because of an error (unmapped ship method, bad address…)',
		rank: 1,
		letter: 'e',
	},
	{
		status: 'at_wms',
		name: 'Sent to Warehouse',
		description: 'CartRover sent an order to the warehouse (status at_wms)',
		rank: 2,
		letter: 'w',
	},
	{
		status: 'shipped',
		name: 'Shipped (Tracking Available)',
		description: 'CartRover received tracking for an order from the warehouse',
		rank: 3,
		letter: 's',
	},
	{
		status: 'confirmed',
		name: 'Confirmed',
		description: 'CartRover sent an order’s tracking back to the cart',
		rank: 4,
		letter: 'c',
	},
	{
		status: 'canceled',
		name: 'Canceled',
		description: 'An order was canceled',
		rank: 5,
		letter: 'x',
	},
];

const BY_STATUS = new Map<string, TriggerEvent>(
	TRIGGER_EVENTS.map((event) => [event.status, event]),
);

export function eventOf(status: string): TriggerEvent | undefined {
	return BY_STATUS.get(status);
}

export const isOrderStatus = (value: unknown): value is OrderStatus =>
	typeof value === 'string' && BY_STATUS.has(value);
