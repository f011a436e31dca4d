import { NodeApiError } from 'n8n-workflow';

import type { HostileServer } from '../../helpers/hostileServer';

import {
	newRef,
	orderParameters,
	pairedIndexes,
	routesOf,
	run,
	runFailing,
	startDroppingProxy,
	startSim,
	type Sim,
} from './kit';

/** Create Many with each order's reference and SKU from the input item. */
const manyParameters = (extra: Record<string, unknown> = {}) => ({
	...orderParameters('={{ $json.ref }}'),
	operation: 'createMany',
	lineItems: { line: [{ sku: '={{ $json.sku }}', quantity: 2, price: '4.25' }] },
	...extra,
});

describe('CartRover Order → Create Many', () => {
	let sim: Sim;
	beforeAll(async () => {
		sim = await startSim();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	/** A seeded order of the Cart keys' own source, and one of another source. */
	const seeded = () => {
		const orders = [...sim.orders.values()];
		return {
			own: orders.find((order) => order.order_source === sim.cartSource)!,
			other: orders.find((order) => order.order_source !== sim.cartSource)!,
		};
	};

	it('sends every item in one batch and maps success and failure back to each item', async () => {
		const { own, other } = seeded();
		const [a, d] = [newRef('A'), newRef('D')];
		const input = [
			{ ref: a, sku: 'SKU-001' },
			{ ref: own.cust_ref, sku: 'SKU-002' },
			{ ref: other.cust_ref, sku: 'SKU-003' },
			{ ref: d, sku: 'SKU-004' },
		];
		const items = await run(sim, manyParameters(), { input, continueOnFail: true });

		// One batch; then the two refused as duplicates are re-read by their exact reference.
		expect(routesOf(sim.requests)).toEqual([
			'POST /cart/orders/batch',
			`GET /cart/orders/${own.cust_ref}`,
			`GET /cart/orders/${other.cust_ref}`,
		]);
		const sent = sim.requests[0].body as Array<Record<string, unknown>>;
		expect(sent.map((order) => order.cust_ref)).toEqual(input.map((entry) => entry.ref));
		expect(sent[0]).toMatchObject({ sub_total: 8.5, grand_total: 8.5 });

		expect(pairedIndexes(items)).toEqual([0, 1, 2, 3]);
		expect(items[0].json).toMatchObject({ created: true, cust_ref: a });
		// Already in this order source: the order found, not a failure.
		expect(items[1].json).toMatchObject({
			created: false,
			existing: 'duplicate',
			cust_ref: own.cust_ref,
		});
		// Refused (another source holds the reference) and not readable with these keys: an error item.
		expect(items[2].json.error).toContain(
			`CartRover refused order "${other.cust_ref}": OrderDuplicate`,
		);
		expect(items[3].json).toMatchObject({ created: true, cust_ref: d });
		expect(sim.orders.has(a) && sim.orders.has(d)).toBe(true);
	});

	it('without Continue On Fail, one error names the first failed item and says what was created', async () => {
		const { other } = seeded();
		const a = newRef('A');
		const error = await runFailing(sim, manyParameters(), {
			input: [
				{ ref: a, sku: 'SKU-001' },
				{ ref: other.cust_ref, sku: 'SKU-002' },
			],
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('[item 1]');
		expect(error.description).toContain('1 other order(s) of this run are in CartRover');
		expect(sim.orders.has(a)).toBe(true);
	});

	it('checks every item before sending: a bad item stops the run with nothing sent', async () => {
		sim.clearRequests();
		const error = await runFailing(sim, manyParameters(), {
			input: [
				{ ref: newRef(), sku: 'SKU-001' },
				{ ref: newRef(), sku: '' },
			],
		});
		expect(error.message).toContain('Line 1 SKU: is required [item 1]');
		expect(sim.requests).toEqual([]);
	});

	it('with Continue On Fail, a bad item is an error item and the others go in the batch', async () => {
		const [a, c] = [newRef('A'), newRef('C')];
		const items = await run(sim, manyParameters(), {
			input: [
				{ ref: a, sku: 'SKU-001' },
				{ ref: a, sku: 'SKU-002' },
				{ ref: c, sku: 'SKU-003' },
			],
			continueOnFail: true,
		});

		expect(routesOf(sim.requests)).toEqual(['POST /cart/orders/batch']);
		expect((sim.requests[0].body as unknown[]).length).toBe(2);
		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[1].json.error).toContain(`Order Reference: "${a}" is also item 0's`);
		expect(items[2].json).toMatchObject({ created: true, cust_ref: c });
	});

	it('splits the items into batches of the Batch Size', async () => {
		const input = Array.from({ length: 5 }, (_unused, index) => ({
			ref: newRef('B'),
			sku: `SKU-00${index + 1}`,
		}));
		const items = await run(sim, manyParameters({ batchOptions: { batchSize: 2 } }), { input });

		expect(routesOf(sim.requests)).toEqual([
			'POST /cart/orders/batch',
			'POST /cart/orders/batch',
			'POST /cart/orders/batch',
		]);
		expect(sim.requests.map((request) => (request.body as unknown[]).length)).toEqual([2, 2, 1]);
		expect(items.map((item) => item.json.created)).toEqual([true, true, true, true, true]);
		expect(pairedIndexes(items)).toEqual([0, 1, 2, 3, 4]);
	});

	it('a re-run of the same batch returns every order with created: false and creates none', async () => {
		const input = [
			{ ref: newRef('R'), sku: 'SKU-001' },
			{ ref: newRef('R'), sku: 'SKU-002' },
		];
		await run(sim, manyParameters(), { input });
		const count = sim.orders.size;
		sim.clearRequests();

		const items = await run(sim, manyParameters(), { input });

		expect(sim.orders.size).toBe(count);
		expect(items.map((item) => item.json.created)).toEqual([false, false]);
		expect(items.map((item) => item.json.cust_ref)).toEqual(input.map((entry) => entry.ref));
	});

	describe('when the connection drops after CartRover applied the batch', () => {
		let proxy: HostileServer;
		beforeAll(async () => {
			proxy = await startDroppingProxy(sim, (url) => url.endsWith('/cart/orders/batch'));
		});
		afterAll(async () => await proxy.stop());

		it('re-reads each order instead of sending the batch again', async () => {
			const input = [
				{ ref: newRef('L'), sku: 'SKU-001' },
				{ ref: newRef('L'), sku: 'SKU-002' },
			];
			const count = sim.orders.size;
			const items = await run(sim, manyParameters(), { input, url: proxy.url });

			expect(routesOf(sim.requests)).toEqual([
				'POST /cart/orders/batch',
				`GET /cart/orders/${input[0].ref}`,
				`GET /cart/orders/${input[1].ref}`,
			]);
			expect(sim.orders.size).toBe(count + 2);
			expect(items.map((item) => item.json)).toEqual(
				input.map((entry) =>
					expect.objectContaining({ created: false, existing: 'unconfirmed', cust_ref: entry.ref }),
				),
			);
			expect(pairedIndexes(items)).toEqual([0, 1]);
		});
	});
});
