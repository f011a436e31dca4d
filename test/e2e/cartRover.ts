/**
 * The two CartRover examples in real n8n, beside the Cart.com checks of suite.ts:
 *
 *   examples/cartcom-new-order-to-cartrover.json        Cart.com New Order → CartRover Create Order
 *   examples/cartrover-shipped-to-cartcom-shipment.json  CartRover Order Shipped → Cart.com Create
 *                                                        Shipment → CartRover Confirm Tracking
 *
 * Both run against the two simulators in this process: the Cart.com order placed by suite.ts must
 * reach CartRover once, with its goods; an order shipped in CartRover must come back to Cart.com as
 * one shipment with CartRover's tracking, and be confirmed in CartRover.
 */
import type { CartRoverSimulator } from '../simulator/cartRover';
import type { Simulator } from '../simulator';
import { assert, assertEqual, type ItemJson } from './harness';

export const CARTROVER_EXAMPLE = {
	toCartRover: { id: 'cartroverExSend1', trigger: 'New Order', create: 'Create CartRover Order' },
	fromCartRover: {
		id: 'cartroverExShip1',
		trigger: 'Order Shipped',
		shipment: 'Create Shipment',
		confirm: 'Confirm Tracking',
	},
};

export const CARTROVER_TRACKING = { tracking_no: '1ZCARTROVER00001', carrier: 'UPS' };

/** The lines a warehouse ships from a Cart.com order, as the example maps them: goods only, a kit as its components. */
export function goodsOf(
	sim: Simulator,
	orderId: number,
): Array<{ item: string; quantity: number }> {
	const lines = sim.store.list('order_items').filter((line) => line.order_id === orderId);
	const isKitWithComponents = (line: (typeof lines)[number]) =>
		lines.some(
			(other) =>
				other.is_quantity_bound_to_parent === true && other.parent_order_item_id === line.id,
		);
	return lines
		.filter(
			(line) =>
				line.is_discount_item !== true &&
				line.is_non_shipping_item !== true &&
				!isKitWithComponents(line),
		)
		.map((line) => ({ item: String(line.item_number), quantity: Number(line.quantity) }));
}

/**
 * A Cart.com order that CartRover already holds (sent by the first example earlier, in the story),
 * created through CartRover's own Cart API as a cart would; returns its reference (the order id).
 */
export async function orderAlreadyInCartRover(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	exclude: number[],
): Promise<string> {
	const shipped = new Set(sim.store.list('order_shipments').map((s) => Number(s.order_id)));
	const order = sim.store
		.list('orders')
		.find(
			(o) =>
				!shipped.has(Number(o.id)) &&
				!exclude.includes(Number(o.id)) &&
				goodsOf(sim, Number(o.id)).length > 0,
		);
	assert(order, 'the seeded store has no other unshipped order with goods');
	const custRef = String(order.id);
	const { user, key } = cartRover.keys.cart;
	const response = await fetch(`${cartRover.url}/v1/cart/orders/cartrover`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify({
			cust_ref: custRef,
			ship_first_name: 'Ada',
			ship_last_name: 'Lovelace',
			ship_address_1: '1 Analytical Way',
			ship_city: 'Austin',
			ship_state: 'TX',
			ship_zip: '78701',
			ship_country: 'US',
			items: goodsOf(sim, Number(order.id)),
		}),
	});
	const body = (await response.json()) as { success_code?: boolean };
	assertEqual(body.success_code, true, 'CartRover create of the order to ship');
	return custRef;
}

/** The CartRover order the first example created from the Cart.com order: once, with its goods. */
export function assertSentToCartRover(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	orderId: number,
	output: ItemJson[],
	ordersBefore: number,
): void {
	const custRef = String(orderId);
	assertEqual(
		output.map((o) => [o.created, o.cust_ref]),
		[[true, custRef]],
		'Create CartRover Order output',
	);
	const stored = cartRover.orders.get(custRef);
	assert(stored, `CartRover holds no order ${custRef}`);
	assertEqual(
		stored.items.map((line) => ({ item: line.item, quantity: line.quantity })),
		goodsOf(sim, orderId),
		'CartRover order lines',
	);
	const subTotal = stored.items.reduce((sum, line) => sum + line.extended_amount, 0);
	assertEqual(Math.round(stored.sub_total * 100), Math.round(subTotal * 100), 'sub_total');
	assertEqual(cartRover.orders.size, ordersBefore + 1, 'CartRover orders');
}

/** The second example shipped the Cart.com order with CartRover's tracking and confirmed it. */
export function assertShippedBack(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	custRef: string,
	items: { trigger: ItemJson[]; shipment: ItemJson[]; confirm: ItemJson[] },
): void {
	assertEqual(
		items.trigger.map((o) => [o.cust_ref, o.order_status]),
		[[custRef, 'shipped']],
		'CartRover Trigger items',
	);
	const orderId = Number(custRef);
	const shipments = sim.store.list('order_shipments').filter((s) => s.order_id === orderId);
	assertEqual(
		shipments.map((s) => s.tracking_numbers),
		[CARTROVER_TRACKING.tracking_no],
		'Cart.com shipments of the order',
	);
	assertEqual(
		items.shipment.map((s) => [s.order_id, s.tracking_numbers, s.created]),
		[[orderId, CARTROVER_TRACKING.tracking_no, true]],
		'Create Shipment output',
	);
	const stored = cartRover.orders.get(custRef);
	assertEqual(
		[stored?.order_status, stored?.confirmed_tracking],
		['confirmed', [CARTROVER_TRACKING.tracking_no]],
		'CartRover order after Confirm Tracking',
	);
	assertEqual(
		items.confirm.map((c) => c.order_status),
		['confirmed'],
		'Confirm Tracking output',
	);
}
