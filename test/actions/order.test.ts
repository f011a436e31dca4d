import { NodeApiError } from 'n8n-workflow';

import { orderSpec } from '../../nodes/CartCom/actions/order/spec';
import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	expectInputError,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	routesOf,
	run,
	runFailing,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 40, products: 20, customers: 20 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const orders = () => sim.store.list('orders');
const SHIPPED = 3;
const PROCESSING = 2;

describe('Order: standard operations', () => {
	it('offers the standard operations plus Create Shipment and Update Status', () => {
		expect(operationsOf('order')).toEqual([
			'create',
			'createShipment',
			'delete',
			'get',
			'getAll',
			'getFilled',
			'integrationUpsert',
			'processPayment',
			'processPayments',
			'selectMany',
			'update',
			'updateStatus',
		]);
	});

	it('Get reads one order and keeps the simplified fields', async () => {
		const order = orders()[3];
		const items = await run(sim, {
			resource: 'order',
			operation: 'get',
			recordId: byId(order.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`GET /orders/${String(order.id)}`]);
		const expected: Record<string, unknown> = { id: order.id };
		for (const field of orderSpec.simplifyFields ?? []) expected[field] = order[field];
		expect(jsonOf(items)).toEqual([expected]);
		expect(pairedIndexes(items)).toEqual([0]);
	});

	it('Get with Include Related expands items and returns the raw record', async () => {
		const order = orders()[5];
		const items = await run(sim, {
			resource: 'order',
			operation: 'get',
			recordId: byId(order.id as number),
			simplify: false,
			options: { expand: ['items', 'payments'] },
		});

		expect(queryOf(onlyRequest(sim))).toEqual({ expand: 'items,payments' });
		const itemIds = sim.store
			.list('order_items')
			.filter((item) => item.order_id === order.id)
			.map((item) => item.id);
		expect((items[0].json.items as Array<{ id: number }>).map((item) => item.id)).toEqual(itemIds);
		expect(items[0].json.ip_address).toBe(order.ip_address);
	});

	it('Get Many with the Status filter sends status=eq:id and returns only such orders', async () => {
		const items = await run(sim, {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { orderStatusId: SHIPPED },
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/orders`);
		expect(queryOf(request)).toEqual({
			order_status_id: `eq:${SHIPPED}`,
			count: '1000',
			page: '1',
			sort: '-id',
		});
		const expected = orders()
			.filter((order) => order.order_status_id === SHIPPED)
			.map((order) => order.id)
			.reverse();
		expect(expected.length).toBeGreaterThan(1);
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected);
	});

	it('Create sends the required fields with numeric ids and returns the new order', async () => {
		const template = orders()[0];
		const before = sim.store.count('orders');
		const items = await run(sim, {
			resource: 'order',
			operation: 'create',
			customerId: template.customer_id as number,
			// An expression may hand over the status id as text.
			orderStatusId: '={{ "2" }}',
			orderBillingAddressId: template.order_billing_address_id as number,
			orderShippingAddressId: template.order_shipping_address_id as number,
			additionalFields: {
				orderNumber: 'N8N-1',
				isGift: true,
				orderedAt: '2024-05-14T11:09:00-05:00',
			},
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/orders`);
		expect(request.body).toEqual({
			customer_id: template.customer_id,
			order_status_id: PROCESSING,
			order_billing_address_id: template.order_billing_address_id,
			order_shipping_address_id: template.order_shipping_address_id,
			order_number: 'N8N-1',
			is_gift: true,
			ordered_at: '2024-05-14T11:09:00.000-05:00',
		});
		expect(sim.store.count('orders')).toBe(before + 1);
		const created = sim.store.get('orders', items[0].json.id as number);
		expect(created?.order_number).toBe('N8N-1');
	});

	it('Update sends only the changed fields with PUT', async () => {
		const order = orders()[6];
		await run(sim, {
			resource: 'order',
			operation: 'update',
			recordId: byId(order.id as number),
			updateFields: { adminComments: 'Called the customer' },
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${API}/orders/${String(order.id)}`);
		expect(request.body).toEqual({ admin_comments: 'Called the customer' });
		expect(sim.store.get('orders', order.id as number)?.admin_comments).toBe('Called the customer');
	});

	it('Delete removes the order and returns deleted: true', async () => {
		const order = orders()[orders().length - 1];
		const items = await run(sim, {
			resource: 'order',
			operation: 'delete',
			recordId: byId(order.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`DELETE /orders/${String(order.id)}`]);
		expect(jsonOf(items)).toEqual([{ id: order.id, deleted: true }]);
		expect(sim.store.get('orders', order.id as number)).toBeUndefined();
	});

	it('Get With Related reads /filled', async () => {
		const order = orders()[1];
		const items = await run(sim, {
			resource: 'order',
			operation: 'getFilled',
			recordId: byId(order.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`GET /orders/${String(order.id)}/filled`]);
		expect(items[0].json.id).toBe(order.id);
		expect(Array.isArray(items[0].json.items)).toBe(true);
	});

	it('Get Several by ID sends select_many with the ids', async () => {
		const ids = orders()
			.slice(0, 3)
			.map((order) => order.id as number);
		const items = await run(sim, {
			resource: 'order',
			operation: 'selectMany',
			ids: ids.join(', '),
			simplify: false,
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/orders/select_many`);
		expect(queryOf(request).ids).toBe(ids.join(','));
		expect(jsonOf(items).map((json) => json.id)).toEqual(ids);
	});
});

describe('Order: bad input stops before any request', () => {
	it('a non-numeric order ID', async () => {
		await expectInputError(
			sim,
			{ resource: 'order', operation: 'get', recordId: byId('10x') },
			'ID',
		);
	});

	it('an invalid date', async () => {
		const order = orders()[2];
		await expectInputError(
			sim,
			{
				resource: 'order',
				operation: 'update',
				recordId: byId(order.id as number),
				updateFields: { dueDate: 'next tuesday' },
			},
			'Due Date',
		);
	});

	it('malformed JSON in Other Fields', async () => {
		const order = orders()[2];
		await expectInputError(
			sim,
			{
				resource: 'order',
				operation: 'update',
				recordId: byId(order.id as number),
				updateFields: { otherFieldsJson: '{"source": ' },
			},
			'Other Fields (JSON)',
		);
	});

	it('a status that is not an ID', async () => {
		const order = orders()[2];
		await expectInputError(
			sim,
			{
				resource: 'order',
				operation: 'updateStatus',
				recordId: byId(order.id as number),
				statusId: '={{ "Shipped" }}',
			},
			'Status',
		);
	});
});

describe('Order → Update Status', () => {
	const openOrder = () => orders().find((order) => order.order_status_id !== SHIPPED)!;

	it('sends PUT /orders/{id}/status after checking the current status, and returns the order', async () => {
		const order = openOrder();
		const items = await run(sim, {
			resource: 'order',
			operation: 'updateStatus',
			recordId: byId(order.id as number),
			statusId: SHIPPED,
		});

		expect(routesOf(sim.requests)).toEqual([
			`GET /orders/${String(order.id)}`,
			`PUT /orders/${String(order.id)}/status`,
		]);
		expect(sim.requests[1].body).toEqual({ order_status_id: SHIPPED });
		const stored = sim.store.get('orders', order.id as number)!;
		expect(stored.order_status_id).toBe(SHIPPED);
		expect(stored.previous_order_status_id).toBe(order.order_status_id);
		expect(items[0].json).toMatchObject({
			id: order.id,
			order_status_id: SHIPPED,
			status_changed: true,
		});
	});

	it('leaves an order that already has the status alone (no second e-mail on a re-run)', async () => {
		const order = orders().find((candidate) => candidate.order_status_id === SHIPPED)!;
		const writesBefore = sim.store.writeCount('orders');
		const items = await run(sim, {
			resource: 'order',
			operation: 'updateStatus',
			recordId: byId(order.id as number),
			statusId: SHIPPED,
		});

		expect(routesOf(sim.requests)).toEqual([`GET /orders/${String(order.id)}`]);
		expect(sim.store.writeCount('orders')).toBe(writesBefore);
		expect(items[0].json).toMatchObject({
			id: order.id,
			order_status_id: SHIPPED,
			status_changed: false,
		});
	});

	it('with Skip If Unchanged off, sends the status change without reading first', async () => {
		const order = orders().find((candidate) => candidate.order_status_id === SHIPPED)!;
		await run(sim, {
			resource: 'order',
			operation: 'updateStatus',
			recordId: byId(order.id as number),
			statusId: '={{ 3 }}',
			writeOptions: { skipIfUnchanged: false },
		});

		expect(routesOf(sim.requests)).toEqual([`PUT /orders/${String(order.id)}/status`]);
	});

	it('with Continue On Fail, an unknown order becomes an error item paired to it; the others succeed', async () => {
		const [first, last] = [orders()[8], orders()[9]];
		const items = await run(
			sim,
			{
				resource: 'order',
				operation: 'updateStatus',
				recordId: byId('={{ $json.orderId }}'),
				statusId: PROCESSING,
				writeOptions: { skipIfUnchanged: false },
			},
			{
				input: [
					{ orderId: first.id as number },
					{ orderId: 999999 },
					{ orderId: last.id as number },
				],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json).toMatchObject({ id: first.id, order_status_id: PROCESSING });
		expect(items[1].json.error).toEqual(expect.stringContaining('404'));
		expect(items[2].json).toMatchObject({ id: last.id, order_status_id: PROCESSING });
		expect(sim.store.get('orders', last.id as number)?.order_status_id).toBe(PROCESSING);
	});

	it('without Continue On Fail, an unknown order stops the node with a NodeApiError', async () => {
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'updateStatus',
			recordId: byId(999999),
			statusId: PROCESSING,
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
	});
});
