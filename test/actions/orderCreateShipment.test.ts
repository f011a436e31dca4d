import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { processQueueSize } from '../../nodes/CartCom/helpers/keyedQueue';
import { configureTransport } from '../../nodes/CartCom/transport';
import { startStore, type Simulator } from '../helpers/fixtures';
import {
	pastSlowStart,
	byId,
	expectInputError,
	pairedIndexes,
	queryOf,
	routesOf,
	run,
	shipmentsByOrder,
	writesOf,
} from '../helpers/actionKit';

const SHIPPED = 3;

/** Orders of the seed that have no shipment yet, with their items. */
function unshippedOrders(sim: Simulator) {
	const shipped = shipmentsByOrder(sim);
	return sim.store
		.list('orders')
		.filter((order) => !shipped.has(order.id as number))
		.map((order) => ({
			id: order.id as number,
			statusId: order.order_status_id as number,
			items: sim.store.list('order_items').filter((item) => item.order_id === order.id),
		}));
}

const shipParameters = (overrides: INodeParameters): INodeParameters => ({
	resource: 'order',
	operation: 'createShipment',
	...overrides,
});

describe('Order → Create Shipment', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({
			sizes: { orders: 120, products: 12, customers: 30, maxItemsPerOrder: 4 },
		});
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	let pool: ReturnType<typeof unshippedOrders> = [];
	beforeAll(() => {
		// Most seeded orders have shipped already; clear the shipments of those with several items.
		const multiItem = new Set(
			sim.store
				.list('order_items')
				.map((item) => item.order_id as number)
				.filter((id, index, all) => all.indexOf(id) !== index),
		);
		for (const shipment of sim.store.list('order_shipments')) {
			if (multiItem.has(shipment.order_id as number))
				sim.store.remove('order_shipments', shipment.id as number);
		}
		pool = unshippedOrders(sim).filter((order) => order.items.length >= 2);
		expect(pool.length).toBeGreaterThanOrEqual(16);
	});
	const takeOrder = () => pool.shift()!;

	it('ships every unshipped item with the tracking numbers joined by a comma, named after them', async () => {
		const order = takeOrder();
		const items = await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZAAA0001, 1ZAAA0002\n1ZAAA0001',
				carrier: 'UPS',
				shippedAt: '2024-05-15T09:30:00-05:00',
				additionalFields: {
					shippingMethod: 'UPS Ground',
					numberOfPackages: 2,
					privateComment: 'dock 4',
				},
			}),
		);

		expect(routesOf(sim.requests)).toEqual([
			'GET /order_shipments',
			`GET /orders/${order.id}/items`,
			'POST /order_shipments',
		]);
		expect(queryOf(sim.requests[0])).toEqual({
			order_id: String(order.id),
			expand: 'items',
			count: '1000',
			page: '1',
		});
		expect(sim.requests[2].body).toEqual({
			order_id: order.id,
			shipment_name: '1ZAAA0001,1ZAAA0002',
			tracking_numbers: '1ZAAA0001,1ZAAA0002',
			shipping_provider_name: 'UPS',
			shipping_method: 'UPS Ground',
			number_of_packages: 2,
			private_comment: 'dock 4',
			shipped_at: '2024-05-15T09:30:00.000-05:00',
			items: order.items.map((item) => ({ id: item.id, quantity_shipped: item.quantity })),
		});
		const stored = shipmentsByOrder(sim).get(order.id)!;
		expect(stored).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: stored[0].id, order_id: order.id, created: true });
		expect(pairedIndexes(items)).toEqual([0]);
	});

	it('a re-run with the same tracking numbers returns the existing shipment and writes nothing', async () => {
		const order = takeOrder();
		const parameters = shipParameters({ recordId: byId(order.id), trackingNumbers: '1ZBBB0001' });
		const first = await run(sim, parameters);
		sim.clearRequests();
		const writesBefore = sim.store.writeCount();

		const second = await run(sim, parameters);

		expect(routesOf(sim.requests)).toEqual(['GET /order_shipments']);
		expect(sim.store.writeCount()).toBe(writesBefore);
		expect(second[0].json).toMatchObject({
			id: first[0].json.id,
			tracking_numbers: '1ZBBB0001',
			created: false,
		});
		expect(shipmentsByOrder(sim).get(order.id)).toHaveLength(1);
	});

	it('matches tracking numbers in any order and case', async () => {
		const order = takeOrder();
		await run(
			sim,
			shipParameters({ recordId: byId(order.id), trackingNumbers: '1zccc0001,1ZCCC0002' }),
		);
		const again = await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: ['1ZCCC0002', '1ZCCC0001'] as unknown as string,
			}),
		);

		expect(again[0].json.created).toBe(false);
		expect(shipmentsByOrder(sim).get(order.id)).toHaveLength(1);
	});

	it('ships only what earlier shipments left, and a re-run without tracking creates nothing more', async () => {
		const order = takeOrder();
		const [firstItem, ...rest] = order.items;
		sim.store.create('order_shipments', {
			order_id: order.id,
			shipment_name: '1',
			tracking_numbers: 'EARLIER',
			items: [{ id: firstItem.id, quantity_shipped: firstItem.quantity }],
		});
		sim.clearRequests();

		const created = await run(sim, shipParameters({ recordId: byId(order.id) }));
		const post = sim.requests.find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({
			items: rest.map((item) => ({ id: item.id, quantity_shipped: item.quantity })),
		});
		expect(post.body).not.toHaveProperty('shipment_name');
		expect(created[0].json.created).toBe(true);

		sim.clearRequests();
		const again = await run(sim, shipParameters({ recordId: byId(order.id) }));
		expect(writesOf(sim)).toEqual([]);
		expect(again[0].json).toMatchObject({ id: created[0].json.id, created: false });
		expect(shipmentsByOrder(sim).get(order.id)).toHaveLength(2);
	});

	it('by SKU: looks the SKU up among the order’s items and ships the given quantity', async () => {
		const order = takeOrder();
		const target = order.items[1];
		const items = await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZDDD0001',
				itemsToShip: 'bySku',
				skuRows: { rows: [{ sku: String(target.item_number).toLowerCase(), quantity: 1 }] },
			}),
		);

		const post = sim.requests.find((request) => request.method === 'POST')!;
		expect((post.body as IDataObject).items).toEqual([{ id: target.id, quantity_shipped: 1 }]);
		expect(items[0].json.created).toBe(true);
	});

	it('by SKU: a SKU the order does not have fails that item, naming Items, before any write', async () => {
		const order = takeOrder();
		const items = await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZEEE0001',
				itemsToShip: 'bySku',
				skuRows: { rows: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] },
			}),
			{ continueOnFail: true },
		);

		expect(items[0].json.error).toEqual(
			expect.stringContaining('Items: SKU "NO-SUCH-SKU" is not on order'),
		);
		expect(writesOf(sim)).toEqual([]);
	});

	it('by SKU: spreads the quantity over the order’s lines with that SKU, never beyond what is left', async () => {
		const order = takeOrder();
		const line = order.items[0];
		// A second line with the same SKU (e.g. added later at another price).
		const twin = sim.store.create('order_items', {
			order_id: order.id,
			product_id: line.product_id,
			item_number: line.item_number,
			item_number_full: line.item_number_full,
			quantity: 2,
			is_non_shipping_item: false,
		});
		const available = (line.quantity as number) + 2;
		const shipSku = async (quantity: number, tracking: string) =>
			await run(
				sim,
				shipParameters({
					recordId: byId(order.id),
					trackingNumbers: tracking,
					itemsToShip: 'bySku',
					skuRows: { rows: [{ sku: String(line.item_number), quantity }] },
				}),
				{ continueOnFail: true },
			);

		const tooMany = await shipSku(available + 1, '1ZSKU0001');
		expect(tooMany[0].json.error).toEqual(
			expect.stringContaining(`${available + 1} requested but only ${available}`),
		);
		expect(writesOf(sim)).toEqual([]);

		sim.clearRequests();
		await shipSku(available - 1, '1ZSKU0002');
		const post = sim.requests.find((request) => request.method === 'POST')!;
		expect((post.body as IDataObject).items).toEqual([
			{ id: line.id, quantity_shipped: line.quantity },
			{ id: twin.id, quantity_shipped: 1 },
		]);
	});

	it('Shipped At without an offset is read in the workflow’s time zone', async () => {
		const order = takeOrder();
		await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZTZ0001',
				shippedAt: '2024-01-15T09:30:00',
			}),
		);

		const sent = String(
			(sim.requests.find((request) => request.method === 'POST')!.body as IDataObject).shipped_at,
		);
		// n8n's default workflow time zone (no setting in the test workflow) is America/New_York.
		expect(sent).toBe('2024-01-15T09:30:00.000-05:00');
	});

	it('by order item ID with quantities: the order’s items are read (to refuse lines that ship nothing) and the quantity is sent as given', async () => {
		const order = takeOrder();
		const target = order.items[0];
		await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZFFF0001',
				itemsToShip: 'byOrderItemId',
				itemRows: { rows: [{ orderItemId: String(target.id), quantity: 1 }] },
			}),
		);

		expect(routesOf(sim.requests)).toEqual([
			'GET /order_shipments',
			`GET /orders/${order.id}/items`,
			'POST /order_shipments',
		]);
		expect((sim.requests[2].body as IDataObject).items).toEqual([
			{ id: target.id, quantity_shipped: 1 },
		]);
	});

	it('from JSON without tracking numbers: a re-run is recognised by the lines’ fingerprint name', async () => {
		const order = takeOrder();
		const lines = JSON.stringify([
			{ order_item_id: order.items[0].id, quantity: 1 },
			{ sku: order.items[1].item_number },
		]);
		const parameters = shipParameters({
			recordId: byId(order.id),
			itemsToShip: 'json',
			itemsJson: lines,
		});
		const first = await run(sim, parameters);

		const post = sim.requests.find((request) => request.method === 'POST')!;
		expect((post.body as IDataObject).shipment_name).toMatch(/^n8n-[0-9a-f]{12}$/);
		expect((post.body as IDataObject).items).toEqual([
			{ id: order.items[0].id, quantity_shipped: 1 },
			{ id: order.items[1].id, quantity_shipped: order.items[1].quantity },
		]);

		sim.clearRequests();
		const second = await run(sim, parameters);
		expect(writesOf(sim)).toEqual([]);
		expect(second[0].json).toMatchObject({ id: first[0].json.id, created: false });
	});

	it('Then Set Order Status moves the order through the status route once, not again on a re-run', async () => {
		const order = pool.find((candidate) => candidate.statusId !== SHIPPED)!;
		pool.splice(pool.indexOf(order), 1);
		const parameters = shipParameters({
			recordId: byId(order.id),
			trackingNumbers: '1ZGGG0001',
			writeOptions: { setStatusId: SHIPPED },
		});

		const first = await run(sim, parameters);
		expect(routesOf(sim.requests).slice(-2)).toEqual([
			`GET /orders/${order.id}`,
			`PUT /orders/${order.id}/status`,
		]);
		expect(sim.requests[sim.requests.length - 1].body).toEqual({ order_status_id: SHIPPED });
		expect(first[0].json).toMatchObject({ created: true, order_status_updated: true });
		expect(sim.store.get('orders', order.id)?.order_status_id).toBe(SHIPPED);

		sim.clearRequests();
		const second = await run(sim, parameters);
		expect(writesOf(sim)).toEqual([]);
		expect(second[0].json).toMatchObject({ created: false, order_status_updated: false });
	});

	it('Shipped At defaults to now, with an offset', async () => {
		const order = takeOrder();
		const before = DateTime.now();
		await run(sim, shipParameters({ recordId: byId(order.id), trackingNumbers: '1ZHHH0001' }));

		const sent = String(
			(sim.requests.find((request) => request.method === 'POST')!.body as IDataObject).shipped_at,
		);
		expect(sent).toMatch(/[+-]\d\d:\d\d$|Z$/);
		const shippedAt = DateTime.fromISO(sent);
		expect(shippedAt.toMillis()).toBeGreaterThanOrEqual(before.toMillis() - 1000);
		expect(shippedAt.toMillis()).toBeLessThanOrEqual(DateTime.now().toMillis() + 1000);
	});

	it('with Continue On Fail, an unknown order becomes an error item paired to it; the others ship', async () => {
		const [a, b] = [takeOrder(), takeOrder()];
		const items = await run(
			sim,
			shipParameters({
				recordId: byId('={{ $json.orderId }}'),
				trackingNumbers: '={{ $json.tracking }}',
			}),
			{
				input: [
					{ orderId: a.id, tracking: '1ZIII0001' },
					{ orderId: 999999, tracking: '1ZIII0002' },
					{ orderId: b.id, tracking: '1ZIII0003' },
				],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json).toMatchObject({ order_id: a.id, created: true });
		expect(items[1].json.error).toEqual(expect.any(String));
		expect(items[1].json.httpCode).toBe('404');
		expect(items[2].json).toMatchObject({ order_id: b.id, created: true });
	});

	it('two input items for the same order in one parallel run create one shipment', async () => {
		const order = takeOrder();
		// Slow responses, and a call budget that already knows the store's limit, so the items overlap.
		await run(sim, { resource: 'order', operation: 'get', recordId: byId(order.id) });
		sim.options.latencyMs = 30;
		const items = await run(
			sim,
			shipParameters({
				recordId: byId(order.id),
				trackingNumbers: '1ZJJJ0001',
				writeOptions: { concurrency: 4 },
			}),
			{ input: [{}, {}, {}] },
		).finally(() => (sim.options.latencyMs = 0));

		expect(items.map((item) => item.json.created)).toEqual([true, false, false]);
		expect(shipmentsByOrder(sim).get(order.id)).toHaveLength(1);
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('two executions at the same moment for the same order (a webhook delivered twice) create one shipment', async () => {
		const order = takeOrder();
		// Slow responses after the budget's slow start, so the two executions overlap.
		await pastSlowStart(sim);
		sim.options.latencyMs = 30;
		const parameters = shipParameters({ recordId: byId(order.id), trackingNumbers: '1ZTWICE0001' });
		const [first, second] = await Promise.all([run(sim, parameters), run(sim, parameters)]).finally(
			() => (sim.options.latencyMs = 0),
		);

		expect([first[0].json.created, second[0].json.created].sort()).toEqual([false, true]);
		expect(shipmentsByOrder(sim).get(order.id)).toHaveLength(1);
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(processQueueSize()).toBe(0);
	});
});

describe('Order → Create Shipment: bad input stops before any request', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 5, products: 5, customers: 5 } });
	});
	afterAll(async () => await sim.stop());

	const orderId = 100001;
	it('a non-numeric order ID', async () => {
		await expectInputError(sim, shipParameters({ recordId: byId('abc') }), 'Order');
	});
	it('an invalid Shipped At', async () => {
		await expectInputError(
			sim,
			shipParameters({ recordId: byId(orderId), shippedAt: '2024-13-45' }),
			'Shipped At',
		);
	});
	it('malformed Items (JSON)', async () => {
		await expectInputError(
			sim,
			shipParameters({ recordId: byId(orderId), itemsToShip: 'json', itemsJson: '[{"sku": ' }),
			'Items (JSON)',
		);
	});
	it('Items (JSON) that is not an array', async () => {
		await expectInputError(
			sim,
			shipParameters({ recordId: byId(orderId), itemsToShip: 'json', itemsJson: '{"sku": "A"}' }),
			'Items (JSON)',
		);
	});
	it('a JSON line with neither order_item_id nor sku', async () => {
		await expectInputError(
			sim,
			shipParameters({
				recordId: byId(orderId),
				itemsToShip: 'json',
				itemsJson: '[{"quantity": 1}]',
			}),
			'Items (JSON) entry 1',
		);
	});
	it('a non-numeric order item ID', async () => {
		await expectInputError(
			sim,
			shipParameters({
				recordId: byId(orderId),
				itemsToShip: 'byOrderItemId',
				itemRows: { rows: [{ orderItemId: 'x1', quantity: 1 }] },
			}),
			'Order Item ID',
		);
	});
	it('a negative quantity', async () => {
		await expectInputError(
			sim,
			shipParameters({
				recordId: byId(orderId),
				itemsToShip: 'bySku',
				skuRows: { rows: [{ sku: 'A', quantity: '={{ -2 }}' }] },
			}),
			'Quantity',
		);
	});
	it('a listed mode with no lines', async () => {
		await expectInputError(
			sim,
			shipParameters({ recordId: byId(orderId), itemsToShip: 'bySku' }),
			'Items',
		);
	});
	it('a status to set that is not an ID', async () => {
		await expectInputError(
			sim,
			shipParameters({
				recordId: byId(orderId),
				writeOptions: { setStatusId: '={{ "Shipped" }}' },
			}),
			'Then Set Order Status',
		);
	});
	it('an "id" in Other Fields (it would update another shipment)', async () => {
		await expectInputError(
			sim,
			shipParameters({
				recordId: byId(orderId),
				additionalFields: { otherFieldsJson: '{"id": 5}' },
			}),
			'Other Fields (JSON)',
		);
	});
});

describe('Order → Create Shipment at scale', () => {
	let sim: Simulator;
	afterEach(async () => {
		configureTransport({ callWindowMs: 10_000 });
		await sim.stop();
	});

	it('200 input items, run twice, leave exactly one shipment per order', async () => {
		sim = await startStore({
			sizes: { orders: 260, products: 15, customers: 60, maxItemsPerOrder: 3 },
		});
		const orderIds = sim.store
			.list('orders')
			.slice(0, 200)
			.map((order) => order.id as number);
		// Start from orders without shipments, so "one per order" is what the workflow made.
		for (const shipment of sim.store.list('order_shipments')) {
			if (orderIds.includes(shipment.order_id as number))
				sim.store.remove('order_shipments', shipment.id as number);
		}
		const writesBefore = sim.store.writeCount('order_shipments');
		const input = orderIds.map((orderId, index) => ({
			orderId,
			tracking: `1ZSCALE${String(index).padStart(5, '0')}`,
		}));
		const parameters = shipParameters({
			recordId: byId('={{ $json.orderId }}'),
			trackingNumbers: '={{ $json.tracking }}',
			carrier: 'UPS',
			writeOptions: { concurrency: 5 },
		});

		const first = await run(sim, parameters, { input });
		const second = await run(sim, parameters, { input });

		const grouped = shipmentsByOrder(sim);
		expect(orderIds.filter((orderId) => grouped.get(orderId)?.length !== 1)).toEqual([]);
		expect(sim.store.writeCount('order_shipments') - writesBefore).toBe(200);
		expect(first.map((item) => item.json.created)).toEqual(orderIds.map(() => true));
		expect(second.map((item) => item.json.created)).toEqual(orderIds.map(() => false));
		expect(pairedIndexes(second)).toEqual(orderIds.map((_, index) => index));
		expect(second.map((item) => item.json.tracking_numbers)).toEqual(
			input.map((entry) => entry.tracking),
		);
	});

	it('Parallel Requests runs calls side by side yet stays within a tight rate limit', async () => {
		const windowMs = 1000;
		// 24 calls against 12 per window: the limit binds, and it leaves room for several calls at once
		// after the budget's slow start (up to 8 answers one after another, nodes/shared/http/callBudget.ts).
		// With 6 per window the slow start filled the first window one call at a time and the slots then
		// came free one by one, so calls overlapped only by chance.
		const limit = 12;
		sim = await startStore({
			sizes: { orders: 30, products: 10, customers: 10 },
			latencyMs: 60,
			rateLimit: { limit, windowMs, retryAfter: 'seconds' },
		});
		configureTransport({ callWindowMs: windowMs });
		let inFlight = 0;
		let maxInFlight = 0;
		sim.onRequest(() => {
			inFlight = sim.requests.filter((request) => request.status === 0).length;
			maxInFlight = Math.max(maxInFlight, inFlight);
		});
		const orderIds = sim.store
			.list('orders')
			.slice(0, 2 * limit)
			.map((order) => order.id as number);

		const items = await run(
			sim,
			{
				resource: 'order',
				operation: 'updateStatus',
				recordId: byId('={{ $json.orderId }}'),
				statusId: 2,
				writeOptions: { concurrency: 4, skipIfUnchanged: false },
			},
			{ input: orderIds.map((orderId) => ({ orderId })) },
		);

		expect(items.map((item) => item.json.id)).toEqual(orderIds);
		expect(sim.requests.filter((request) => request.status === 429)).toEqual([]);
		expect(sim.requests).toHaveLength(2 * limit);
		expect(maxInFlight).toBeGreaterThan(1);
		expect(maxInFlight).toBeLessThanOrEqual(4);
		// 24 calls at 12 per second cannot all fit in one window: the client waited for the next one.
		const spanMs = sim.requests[2 * limit - 1].at - sim.requests[0].at;
		expect(spanMs).toBeGreaterThanOrEqual(windowMs - 100);
	});
});
