import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	newRef,
	orderParameters,
	pairedIndexes,
	routesOf,
	run,
	runFailing,
	startSim,
	type Sim,
} from './kit';

describe('CartRover Order → Get, Get Status, Cancel, Confirm Tracking', () => {
	let sim: Sim;
	beforeAll(async () => {
		sim = await startSim();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	/** A fresh order of the Cart keys' source, created through the node. */
	async function freshOrder(): Promise<string> {
		const custRef = newRef();
		await run(sim, orderParameters(custRef));
		sim.clearRequests();
		return custRef;
	}

	it('Get sends the include flags as Y/N and reads by the level’s path', async () => {
		const custRef = await freshOrder();
		const [item] = await run(
			sim,
			{
				resource: 'order',
				operation: 'get',
				custRef,
				options: { includeOrderExtras: true, includeFilteredItems: false },
			},
			{ level: 'merchant' },
		);

		const [request] = sim.requests;
		expect(routesOf(sim.requests)).toEqual([`GET /merchant/orders/${custRef}`]);
		expect(request.query).toEqual({ include_filtered_items: 'N', include_order_extras: 'Y' });
		expect(item.json).toMatchObject({ cust_ref: custRef, extra_fields: {} });
	});

	it('a reference with a slash or a plus is one path segment', async () => {
		const custRef = `A/B+${newRef()}`;
		await run(sim, orderParameters(custRef));
		sim.clearRequests();
		const [item] = await run(sim, { resource: 'order', operation: 'getStatus', custRef });
		expect(sim.requests[0].path).toBe(`/v1/cart/orders/status/${encodeURIComponent(custRef)}`);
		expect(item.json).toMatchObject({ cust_ref: custRef, order_status: 'new', shipments: [] });
	});

	it('an error answered with HTTP 200 names CartRover’s error_code, message and process id', async () => {
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'get',
			custRef: 'NO-SUCH-ORDER',
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(sim.requests[0].status).toBe(200);
		expect(error.message).toContain('Order not found: NO-SUCH-ORDER');
		expect(error.message).toContain('error_code Invalid');
		expect(error.message).toContain(`process id ${sim.requests[0].processId}`);
		expect(error.description).toContain(`X-CartRover-Process-ID: ${sim.requests[0].processId}`);
	});

	it('Get Status gives the shipments’ tracking once shipped', async () => {
		const custRef = await freshOrder();
		sim.advance(custRef, 'shipped', { tracking_no: '1ZTRACK0001' });
		const [item] = await run(sim, { resource: 'order', operation: 'getStatus', custRef });

		expect(item.json).toMatchObject({
			cust_ref: custRef,
			order_status: 'shipped',
			shipments: [expect.objectContaining({ tracking_no: '1ZTRACK0001', carrier: 'UPS' })],
		});
	});

	it('Cancel cancels the order through wms_cancel', async () => {
		const custRef = await freshOrder();
		const items = await run(sim, { resource: 'order', operation: 'cancel', custRef });

		expect(routesOf(sim.requests)).toEqual([`GET /cart/orders/wms_cancel/${custRef}`]);
		expect(items[0].json).toEqual({ cust_ref: custRef, success: true, message: '' });
		expect(sim.orders.get(custRef)?.order_status).toBe('canceled');
	});

	it('Cancel of a shipped order fails with CartRover’s reason; with Continue On Fail only that item', async () => {
		const [shipped, fresh] = [await freshOrder(), await freshOrder()];
		sim.advance(shipped, 'shipped');
		const items = await run(
			sim,
			{ resource: 'order', operation: 'cancel', custRef: '={{ $json.ref }}' },
			{ input: [{ ref: shipped }, { ref: fresh }], continueOnFail: true },
		);

		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[0].json.error).toContain(
			`CartRover did not cancel order "${shipped}": Order is shipped`,
		);
		expect(items[1].json).toMatchObject({ cust_ref: fresh, success: true });
		expect(sim.orders.get(shipped)?.order_status).toBe('shipped');
	});

	it('Confirm Tracking posts the tracking numbers given; the order becomes confirmed', async () => {
		const custRef = await freshOrder();
		sim.advance(custRef, 'shipped', { tracking_no: '1ZCONF0001' });
		const items = await run(sim, {
			resource: 'order',
			operation: 'confirmTracking',
			custRef,
			trackingNumbers: '1ZCONF0001',
		});

		expect(routesOf(sim.requests)).toEqual([`POST /cart/orders/update/${custRef}`]);
		expect(sim.requests[0].body).toEqual({
			order_status: 'confirmed',
			shipments: [{ tracking_no: '1ZCONF0001' }],
		});
		expect(items[0].json).toEqual({
			cust_ref: custRef,
			order_status: 'confirmed',
			tracking_numbers: ['1ZCONF0001'],
		});
		expect(sim.orders.get(custRef)?.order_status).toBe('confirmed');
	});

	it('Confirm Tracking without numbers confirms every tracking number the shipments have', async () => {
		const custRef = await freshOrder();
		sim.advance(custRef, 'shipped', { tracking_no: '1ZA' });
		sim.advance(custRef, 'shipped', { tracking_no: '1ZB' });
		await run(sim, { resource: 'order', operation: 'confirmTracking', custRef });

		expect(routesOf(sim.requests)).toEqual([
			`GET /cart/orders/status/${custRef}`,
			`POST /cart/orders/update/${custRef}`,
		]);
		expect(sim.requests[1].body).toEqual({
			order_status: 'confirmed',
			shipments: [{ tracking_no: '1ZA' }, { tracking_no: '1ZB' }],
		});
		expect(sim.orders.get(custRef)?.confirmed_tracking).toEqual(['1ZA', '1ZB']);
	});

	it('Confirm Tracking of an order not shipped yet says so, and posts nothing', async () => {
		const custRef = await freshOrder();
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'confirmTracking',
			custRef,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('has no shipment with a tracking number yet');
		expect(routesOf(sim.requests)).toEqual([`GET /cart/orders/status/${custRef}`]);
	});

	it('Cancel and Confirm Tracking need Cart keys; Warehouse keys cannot read orders', async () => {
		for (const [operation, level, needs] of [
			['cancel', 'merchant', 'needs Cart API keys'],
			['confirmTracking', 'wms', 'needs Cart API keys'],
			['get', 'wms', 'needs Cart or Merchant API keys'],
		] as const) {
			const error = await runFailing(
				sim,
				{ resource: 'order', operation, custRef: 'X-1' },
				{ level },
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain(needs);
		}
		expect(sim.requests).toEqual([]);
	});

	it('a wrong level with Continue On Fail gives one error item per input item', async () => {
		const items = await run(
			sim,
			{ resource: 'order', operation: 'cancel', custRef: 'X-1' },
			{ level: 'merchant', input: [{}, {}], continueOnFail: true },
		);
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[1].json.error).toContain('needs Cart API keys');
		expect(sim.requests).toEqual([]);
	});
});
