/**
 * Issue 15, point 0: the fewest requests by default. Return All and the trigger's backlog reads ask
 * for the largest page (1,000); a store that returns fewer while more exist has a cap, which the
 * node learns (for the rest of the read and, per store, for later reads) without skipping or
 * doubling a record. The user's Page Size still wins; Limit asks for no more than it needs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { MAX_PAGE_SIZE } from '../../nodes/CartCom/transport';
import { runNode } from '../helpers/n8n';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import {
	Clock,
	emitted,
	poll,
	requestsTo,
	startTriggerStore,
	versionKeyOf,
} from '../helpers/triggerKit';

const ORDERS = 2600;
const node = new CartCom();

/** `count` and `page` of each list request, e.g. "1000@1". */
const pagesOf = (sim: Simulator) =>
	sim.requests
		.filter((request) => request.path === '/api/v1/orders')
		.map((request) => `${request.query.get('count')}@${request.query.get('page')}`);

const getMany = async (sim: Simulator, extra: INodeParameters = {}) =>
	(
		await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				...extra,
			},
			credentials: tokenCredentials(sim),
		})
	).map((item) => item.json.id as number);

/** The store's orders in the node's default order (newest first). */
const newestFirst = (sim: Simulator) =>
	sim.store
		.list('orders')
		.map((order) => order.id as number)
		.sort((a, b) => b - a);

describe('page size: the largest page by default, a store cap learned', () => {
	let sim: Simulator | undefined;
	afterEach(async () => {
		await sim?.stop();
		sim = undefined;
	});

	it(`Return All with the defaults reads ${ORDERS} orders in pages of ${MAX_PAGE_SIZE}: 3 requests`, async () => {
		sim = await startStore({ sizes: { orders: ORDERS, customers: 40, products: 20 } });
		const ids = await getMany(sim);
		expect(ids).toEqual(newestFirst(sim));
		expect(pagesOf(sim)).toEqual(['1000@1', '1000@2', '1000@3']);
	});

	it('the last page is short without being a cap: the next read asks for 1,000 again', async () => {
		sim = await startStore({ sizes: { orders: ORDERS, customers: 40, products: 20 } });
		await getMany(sim);
		sim.clearRequests();
		await getMany(sim);
		expect(pagesOf(sim)).toEqual(['1000@1', '1000@2', '1000@3']);
	});

	it('the user’s Page Size wins', async () => {
		sim = await startStore({ sizes: { orders: ORDERS, customers: 40, products: 20 } });
		const ids = await getMany(sim, { options: { pageSize: 900 } });
		expect(ids).toEqual(newestFirst(sim));
		expect(pagesOf(sim)).toEqual(['900@1', '900@2', '900@3']);
	});

	it('Limit asks for the limit when it is below the page, and for pages of 1,000 above it', async () => {
		sim = await startStore({ sizes: { orders: ORDERS, customers: 40, products: 20 } });
		expect(await getMany(sim, { returnAll: false, limit: 7 })).toEqual(
			newestFirst(sim).slice(0, 7),
		);
		expect(await getMany(sim, { returnAll: false, limit: 1500 })).toEqual(
			newestFirst(sim).slice(0, 1500),
		);
		expect(pagesOf(sim)).toEqual(['7@1', '1000@1', '1000@2']);
	});

	it('a store that caps pages at 250: the first short page teaches the cap, pages go on in 250s, each order once', async () => {
		sim = await startStore({
			sizes: { orders: ORDERS, customers: 40, products: 20 },
			maxPageSize: 250,
		});
		const ids = await getMany(sim);
		expect(ids).toEqual(newestFirst(sim));
		// Page 1 of 1,000 came back with 250: page 2 of 250 starts right after them.
		expect(pagesOf(sim)).toEqual([
			'1000@1',
			...Array.from({ length: 10 }, (_, index) => `250@${index + 2}`),
		]);
	});

	it('the learned cap is kept for the store: a later read starts at 250', async () => {
		sim = await startStore({
			sizes: { orders: ORDERS, customers: 40, products: 20 },
			maxPageSize: 250,
		});
		await getMany(sim);
		sim.clearRequests();
		expect(await getMany(sim)).toEqual(newestFirst(sim));
		expect(pagesOf(sim)).toEqual(Array.from({ length: 11 }, (_, index) => `250@${index + 1}`));
	});

	it('Limit on a capped store: asks for the limit, then for the cap, and returns the first orders once', async () => {
		sim = await startStore({
			sizes: { orders: ORDERS, customers: 40, products: 20 },
			maxPageSize: 250,
		});
		expect(await getMany(sim, { returnAll: false, limit: 600 })).toEqual(
			newestFirst(sim).slice(0, 600),
		);
		expect(pagesOf(sim)).toEqual(['600@1', '250@2', '250@3']);
	});

	it('a cap that appears mid-read (the store counts page 2 in its new size) skips and doubles nothing', async () => {
		sim = await startStore({ sizes: { orders: ORDERS, customers: 40, products: 20 } });
		const store = sim;
		store.beforeRequest(
			(request) => request.path === '/api/v1/orders' && request.query.get('page') === '2',
			() => {
				store.options.maxPageSize = 300;
			},
		);
		const ids = await getMany(sim);
		expect(ids).toEqual(newestFirst(sim));
		// Page 2 of 300 repeated orders 301–600; the read goes on from order 901 (page 4 of 300),
		// at or before the 1,000 it had read, and drops the 100 it reads again.
		expect(pagesOf(sim).slice(0, 3)).toEqual(['1000@1', '1000@2', '300@4']);
	});
});

describe('page size: the trigger’s backlog reads', () => {
	let sim: Simulator | undefined;
	afterEach(async () => {
		await sim?.stop();
		sim = undefined;
	});

	async function backlog(maxPageSize: number) {
		const clock = new Clock(Date.parse('2025-03-03T12:00:00.000Z'));
		sim = await startTriggerStore(clock, {
			sizes: { orders: ORDERS, customers: 40, products: 20 },
			maxPageSize,
		});
		const parameters: INodeParameters = {
			event: 'orderUpdated',
			simplify: false,
			options: { lookBackSeconds: 0 },
		};
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		for (const order of sim.store.list('orders')) {
			clock.advance(1);
			sim.store.update('orders', order.id as number, { notes: 'changed' });
		}
		const expected = sim.store
			.list('orders')
			.map((order) => versionKeyOf(order as IDataObject))
			.sort();
		sim.clearRequests();
		const versions = emitted(await poll(sim, { parameters, staticData })).map(versionKeyOf);
		expect(versions).toHaveLength(ORDERS);
		expect([...versions].sort()).toEqual(expected);
		return requestsTo(sim, '/api/v1/orders').map((request) => request.query.get('count'));
	}

	it(`Updated: a backlog of ${ORDERS} changes is read in pages of 1,000`, async () => {
		expect(await backlog(1000)).toEqual(['1000', '1000', '1000']);
	});

	it('Updated: a store that caps at 250 is read in 250s after the first short page, every version once', async () => {
		expect(await backlog(250)).toEqual(['1000', ...Array<string>(10).fill('250')]);
	});

	it('a poll still reads at most 5,000 records: 6,000 new orders take 5 requests, then 1 on the next poll', async () => {
		const clock = new Clock(Date.parse('2025-03-03T12:00:00.000Z'));
		sim = await startTriggerStore(clock, {
			sizes: { orders: 20, customers: 10, products: 5 },
			maxPageSize: 1000,
		});
		const parameters: INodeParameters = { event: 'orderCreated', simplify: false };
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		for (let i = 0; i < 6000; i++)
			sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
		const perPoll: Array<[number, number]> = [];
		const ids: unknown[] = [];
		for (let i = 0; i < 2; i++) {
			sim.clearRequests();
			const records = emitted(await poll(sim, { parameters, staticData }));
			ids.push(...records.map((record) => record.id));
			perPoll.push([records.length, requestsTo(sim, '/api/v1/orders').length]);
		}
		expect(perPoll).toEqual([
			[5000, 5],
			[1000, 1],
		]);
		expect(new Set(ids).size).toBe(6000);
	});
});
