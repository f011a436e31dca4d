/**
 * Cart.com Trigger: behaviour of single polls against the store simulator, through n8n-core's real
 * PollContext. The randomized exactly-once runs are in exactlyOnce.test.ts.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeParameters,
} from 'n8n-workflow';
import { PollContext } from 'n8n-core';

import { CartComTrigger } from '../../nodes/CartCom/CartComTrigger.node';
import { MAX_SEEN_VERSIONS } from '../../nodes/CartCom/trigger/state';
import { orderSpec } from '../../nodes/CartCom/actions/order/spec';
import { routerCredentials, type Simulator } from '../helpers/fixtures';
import {
	Clock,
	emitted,
	instant,
	nodeState,
	poll,
	requestsTo,
	startTriggerStore,
	stateSize,
	versionKeyOf,
} from '../helpers/triggerKit';

const ORDERS = '/api/v1/orders';
const PRODUCTS = '/api/v1/products';
const START = Date.parse('2024-11-03T06:40:00.000Z'); // 01:40 CDT (-05:00), 20 minutes before fall-back

const raw = (event: string, extra: INodeParameters = {}): INodeParameters => ({
	event,
	simplify: false,
	...extra,
});

describe('Cart.com Trigger', () => {
	let sim: Simulator;
	let clock: Clock;

	beforeEach(async () => {
		clock = new Clock(START);
		sim = await startTriggerStore(clock);
	});
	afterEach(async () => {
		await sim.stop();
	});

	/** Activates a trigger (first poll) and returns its static data. */
	async function activate(parameters: INodeParameters): Promise<IDataObject> {
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		return staticData;
	}

	const touchOrder = (id: number, patch: Record<string, unknown> = {}) =>
		sim.store.update('orders', id, patch);
	const orderIds = () => sim.store.list('orders').map((order) => order.id as number);

	describe('node description', () => {
		it('is a polling trigger with the events and the action node credentials', () => {
			const { description } = new CartComTrigger();
			expect(description).toMatchObject({
				name: 'cartComTrigger',
				displayName: 'Cart.com Trigger',
				polling: true,
				inputs: [],
				group: ['trigger'],
			});
			expect(description.usableAsTool).toBeUndefined();
			expect(description.credentials?.map((credential) => credential.name)).toEqual([
				'cartComApi',
				'cartComRouterApi',
				'cartComOAuthApi',
			]);
			const event = description.properties.find((property) => property.name === 'event');
			expect(event?.options?.map((option) => (option as { value: string }).value)).toEqual([
				'customerCreated',
				'customerUpdated',
				'orderCreated',
				'orderUpdated',
				'productCreated',
				'productUpdated',
			]);
		});
	});

	describe('first run, idle polls, manual mode, reset', () => {
		it('first run records the store newest change with one request, returns null and emits no history', async () => {
			sim.clearRequests();
			const staticData = await activate(raw('orderUpdated'));
			expect(requestsTo(sim, ORDERS).map((request) => request.rawQuery)).toEqual([
				'sort=-updated_at%2C-id&count=1&page=1',
			]);
			const newest = sim.store
				.list('orders')
				.sort(
					(a, b) =>
						instant(b.updated_at) - instant(a.updated_at) || (b.id as number) - (a.id as number),
				)[0];
			expect(nodeState(staticData).cursor).toEqual({
				from: instant(newest.updated_at),
				afterId: newest.id,
				seen: [],
			});

			sim.clearRequests();
			expect(await poll(sim, { parameters: raw('orderUpdated'), staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1); // idle poll: exactly one request
			expect(sim.requests[0].query.get('updated_at')).toBe(
				`gt:${new Date(instant(newest.updated_at)).toISOString()}`,
			);
		});

		it('an idle poll costs exactly one request and leaves the state as it was, also with look-back versions in it', async () => {
			const staticData = await activate(raw('orderUpdated'));
			const [a, b, c] = orderIds();
			touchOrder(a);
			clock.advance(500);
			touchOrder(b);
			touchOrder(c);
			expect(
				emitted(await poll(sim, { parameters: raw('orderUpdated'), staticData })).map((o) => o.id),
			).toEqual([a, b, c]);
			const before = JSON.stringify(staticData);
			for (let i = 0; i < 3; i++) {
				sim.clearRequests();
				expect(await poll(sim, { parameters: raw('orderUpdated'), staticData })).toBeNull();
				expect(sim.requests).toHaveLength(1);
			}
			expect(JSON.stringify(staticData)).toBe(before);
		});

		it('manual mode returns the most recent matching record and never touches the state', async () => {
			const [first, second] = orderIds();
			touchOrder(first);
			clock.advance(1000);
			touchOrder(second);
			const fresh: IDataObject = {};
			const result = await poll(sim, {
				parameters: raw('orderUpdated'),
				staticData: fresh,
				mode: 'manual',
			});
			expect(emitted(result).map((order) => order.id)).toEqual([second]);
			expect(fresh).toEqual({});

			const staticData = await activate(raw('orderCreated'));
			const snapshot = JSON.stringify(staticData);
			const created = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			sim.clearRequests();
			const manual = await poll(sim, {
				parameters: raw('orderCreated'),
				staticData,
				mode: 'manual',
			});
			expect(emitted(manual).map((order) => order.id)).toEqual([created.id]);
			expect(sim.requests.map((request) => request.query.get('sort'))).toEqual(['-id']);
			expect(JSON.stringify(staticData)).toBe(snapshot);
			// The real poll afterwards still sees the order: manual mode did not consume it.
			expect(
				emitted(await poll(sim, { parameters: raw('orderCreated'), staticData })).map(
					(order) => order.id,
				),
			).toEqual([created.id]);
		});

		it('changing the event, the filters or the store resets the cursor (first run again)', async () => {
			const staticData = await activate(raw('orderUpdated'));
			const key = nodeState(staticData).key;
			touchOrder(orderIds()[0]);

			expect(await poll(sim, { parameters: raw('productUpdated'), staticData })).toBeNull();
			expect(nodeState(staticData).key).not.toBe(key);
			expect(sim.requests.at(-1)?.rawQuery).toBe('sort=-updated_at%2C-id&count=1&page=1');
			expect(sim.requests.at(-1)?.path).toBe(PRODUCTS);

			// Back to orders: a new start, so the order touched before is history now.
			expect(await poll(sim, { parameters: raw('orderUpdated'), staticData })).toBeNull();
			const unfilteredKey = nodeState(staticData).key;
			const withFilter = raw('orderUpdated', { filters: { orderStatusIds: [1] } });
			expect(await poll(sim, { parameters: withFilter, staticData })).toBeNull();
			const filterKey = nodeState(staticData).key;
			expect(filterKey).not.toBe(unfilteredKey);
			expect(await poll(sim, { parameters: withFilter, staticData })).toBeNull();
			expect(nodeState(staticData).key).toBe(filterKey);
			// Another store (here: the same simulator through the router, i.e. another site): a new start.
			const viaRouter = { ...withFilter, authentication: 'centralApiRouter' };
			expect(
				await poll(sim, { parameters: viaRouter, staticData, credentials: routerCredentials(sim) }),
			).toBeNull();
			expect(nodeState(staticData).key).not.toBe(filterKey);
		});
	});

	describe('Updated events', () => {
		it('emits every change since the cursor once, in updated_at order, ties included and boundary versions dropped', async () => {
			const staticData = await activate(raw('orderUpdated', { options: { lookBackSeconds: 0 } }));
			const ids = orderIds();
			touchOrder(ids[3]);
			touchOrder(ids[1]); // same millisecond as the previous one
			clock.advance(7);
			touchOrder(ids[2]);
			const first = emitted(
				await poll(sim, {
					parameters: raw('orderUpdated', { options: { lookBackSeconds: 0 } }),
					staticData,
				}),
			);
			expect(first.map((order) => order.id)).toEqual([ids[1], ids[3], ids[2]]);
			expect(nodeState(staticData).cursor).toEqual({ from: clock.ms, seen: [[ids[2], 0]] });

			touchOrder(ids[4]); // same instant as the boundary version, different id: new
			clock.advance(1);
			touchOrder(ids[3]); // a new version of an order already emitted
			const second = emitted(
				await poll(sim, {
					parameters: raw('orderUpdated', { options: { lookBackSeconds: 0 } }),
					staticData,
				}),
			);
			expect(second.map(versionKeyOf)).toEqual([
				`${ids[4]}@${clock.ms - 1}`,
				`${ids[3]}@${clock.ms}`,
			]);
			expect(sim.requests.at(-1)?.query.get('updated_at')).toBe(
				`gte:${new Date(clock.ms - 1).toISOString()}`,
			);
		});

		it('compares instants across the DST fall-back (-05:00 then -06:00), never strings', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const [a, b, c] = orderIds();
			clock.ms = Date.parse('2024-11-03T06:59:59.250Z'); // 01:59:59.25-05:00
			const before = touchOrder(a);
			clock.ms = Date.parse('2024-11-03T07:00:00.5Z'); // 01:00:00.5-06:00: a smaller local time
			const after = touchOrder(b);
			expect(before.updated_at).toBe('2024-11-03T01:59:59.25-05:00');
			expect(after.updated_at).toBe('2024-11-03T01:00:00.5-06:00');
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a, b],
			);

			clock.advance(30 * 60_000); // 01:30 CST, still "earlier" than 01:59 CDT as text
			touchOrder(c);
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[c],
			);
			expect(sim.requests.at(-1)?.query.get('updated_at')).toMatch(
				/^gte:2024-11-03T0\d:\d\d:\d\d\.\d{3}Z$/,
			);
		});

		it('order status filter: several statuses are tested on each order read (no OR next to the cursor), and only matching orders are emitted', async () => {
			const parameters = raw('orderUpdated', { filters: { orderStatusIds: [3, 1] } });
			const staticData = await activate(parameters);
			const [a, b, c] = orderIds();
			touchOrder(a, { order_status_id: 1 });
			touchOrder(b, { order_status_id: 2 });
			touchOrder(c, { order_status_id: 3 });
			sim.clearRequests();
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a, c],
			);
			// Cart.com reads `eq:3 OR eq:1` next to the cursor condition as `3 OR (1 AND cursor)` (no parentheses).
			expect(sim.requests[0].query.has('order_status_id')).toBe(false);
		});

		it('refuses a status that is not an ID before sending anything', async () => {
			sim.clearRequests();
			const parameters = raw('orderUpdated', { filters: { orderStatusIds: ['shipped'] } });
			await expect(poll(sim, { parameters, staticData: {} })).rejects.toThrow(NodeOperationError);
			await expect(poll(sim, { parameters, staticData: {} })).rejects.toThrow(
				/Order Status Names or IDs/,
			);
			expect(sim.requests).toHaveLength(0);
		});

		it('Simplify keeps the id and the resource key fields; off returns the raw record', async () => {
			const staticData = await activate({ event: 'orderUpdated' });
			const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			const id = orderIds()[0];
			touchOrder(id);
			const [simple] = emitted(
				await poll(sim, { parameters: { event: 'orderUpdated' }, staticData }),
			);
			expect(Object.keys(simple).sort()).toEqual(
				['id', ...orderSpec.simplifyFields!]
					.filter((field) => field in sim.store.get('orders', id)!)
					.sort(),
			);
			const [full] = emitted(
				await poll(sim, { parameters: raw('orderUpdated'), staticData: copy }),
			);
			expect(full).toEqual(sim.store.get('orders', id));
		});

		it('Start From emits the changes since that date on the first poll', async () => {
			const since = sim.store
				.list('orders')
				.map((order) => instant(order.updated_at))
				.sort((x, y) => y - x)[4];
			const expected = sim.store
				.list('orders')
				.filter((order) => instant(order.updated_at) >= since)
				.sort(
					(x, y) =>
						instant(x.updated_at) - instant(y.updated_at) || (x.id as number) - (y.id as number),
				);
			const parameters = raw('orderUpdated', {
				options: { startFrom: new Date(since).toISOString() },
			});
			const staticData: IDataObject = {};
			const first = emitted(await poll(sim, { parameters, staticData }));
			expect(first.map(versionKeyOf)).toEqual(expected.map(versionKeyOf));
			expect(first.length).toBeGreaterThanOrEqual(5);
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});

		it('a record changed while the poll is paging is emitted once, with its new version, and nothing is skipped', async () => {
			const parameters = raw('orderUpdated', { options: { lookBackSeconds: 0 } });
			const staticData = await activate(parameters);
			const ids = orderIds();
			for (const [index, id] of ids.entries()) {
				if (index % 7 === 0) clock.advance(3);
				touchOrder(id);
			}
			const created: number[] = [];
			for (let i = 0; i < 200; i++) {
				clock.advance(1);
				created.push(
					sim.store.create('orders', { customer_id: 1, order_status_id: 1 }).id as number,
				);
			}
			const notYetRead = created[190]; // position 250 of the updated_at order: page 3
			const total = sim.store.count('orders');
			expect(total).toBeGreaterThan(250); // three pages of 100
			let injected = 0;
			const stop = sim.onRequest((request) => {
				if (request.path !== ORDERS || ++injected !== 2) return;
				clock.advance(5);
				touchOrder(ids[0]); // already emitted on page 1: moves to the end
				touchOrder(notYetRead); // not read yet: moves to the end too
			});
			const result = emitted(await poll(sim, { parameters, staticData }));
			stop();
			const keys = result.map(versionKeyOf);
			expect(new Set(keys).size).toBe(keys.length);
			const ids1 = result.map((order) => order.id);
			expect(ids1.filter((id) => id === ids[0])).toHaveLength(2); // old and new version
			expect(ids1.filter((id) => id === notYetRead)).toHaveLength(1); // its old version was never read
			expect(new Set(ids1).size).toBe(total);
			expect(keys).toEqual(expect.arrayContaining(sim.store.list('orders').map(versionKeyOf)));
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});

		it('a bulk update of more versions at one instant than a page holds is emitted once and keeps the state small', async () => {
			const parameters = raw('productUpdated');
			const staticData = await activate(parameters);
			clock.advance(1000);
			const created = Array.from(
				{ length: 240 },
				() => sim.store.create('products', { item_name: 'Bulk', price: 1 }).id as number,
			);
			const result = emitted(await poll(sim, { parameters, staticData }));
			expect(result.map((product) => product.id)).toEqual(created);
			expect(nodeState(staticData).cursor).toEqual({
				from: clock.ms,
				afterId: created.at(-1),
				seen: [],
			});
			expect(240).toBeGreaterThan(MAX_SEEN_VERSIONS);
			expect(stateSize(staticData)).toBeLessThan(2048);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
			clock.advance(1);
			sim.store.touch('products', created[10]);
			expect(
				emitted(await poll(sim, { parameters, staticData })).map((product) => product.id),
			).toEqual([created[10]]);
		});

		it('late writes: a change stamped inside the look-back window is caught, one older than it is documented as missed', async () => {
			const parameters = raw('orderUpdated', { options: { lookBackSeconds: 2 } });
			const staticData = await activate(parameters);
			const [a, b, c, d] = orderIds();
			clock.advance(10_000);
			touchOrder(a);
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a],
			);
			// Committed after that poll, but stamped 1.5 s and 5 s before the newest change we emitted.
			const late = sim.store.update('orders', b, {
				updated_at: sim.store.get('orders', a)!.updated_at,
				order_number: 'same instant',
			});
			sim.store.update('orders', c, { updated_at: new Date(clock.ms - 1500).toISOString() });
			sim.store.update('orders', d, { updated_at: new Date(clock.ms - 5000).toISOString() });
			const result = emitted(await poll(sim, { parameters, staticData }));
			expect(result.map((order) => order.id)).toEqual([c, b]);
			expect(instant(late.updated_at)).toBe(clock.ms);
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});
	});

	it('works through the Central API Router credential too (signed queries with filters)', async () => {
		const parameters = raw('orderUpdated', {
			authentication: 'centralApiRouter',
			filters: { orderStatusIds: [1, 2] },
		});
		const credentials = routerCredentials(sim);
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData, credentials })).toBeNull();
		const id = orderIds()[0];
		touchOrder(id, { order_status_id: 2 });
		sim.clearRequests();
		expect(
			emitted(await poll(sim, { parameters, staticData, credentials })).map((order) => order.id),
		).toEqual([id]);
		expect(sim.requests[0].headers['x-ac-pub-auth-signature']).toBeTruthy();
		expect(sim.requests[0].status).toBe(200);
	});

	describe('Created events', () => {
		it('emits each new record once, by id; a record created and then updated between polls appears once', async () => {
			const created = raw('orderCreated');
			const updated = raw('orderUpdated');
			const createdState = await activate(created);
			const updatedState = await activate(updated);
			expect(nodeState(createdState).cursor).toEqual({ lastId: Math.max(...orderIds()) });

			const existing = orderIds()[0];
			touchOrder(existing);
			const first = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			clock.advance(10);
			touchOrder(first.id as number, { order_status_id: 2 });
			clock.advance(10);
			const second = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });

			sim.clearRequests();
			const news = emitted(await poll(sim, { parameters: created, staticData: createdState }));
			expect(news.map((order) => [order.id, order.order_status_id])).toEqual([
				[first.id, 2],
				[second.id, 1],
			]);
			expect(sim.requests[0].query.get('id')).toBe(`gt:${(first.id as number) - 1}`);
			expect(
				emitted(await poll(sim, { parameters: updated, staticData: updatedState })).map(
					(order) => order.id,
				),
			).toEqual([existing, first.id, second.id]);
			expect(await poll(sim, { parameters: created, staticData: createdState })).toBeNull();
		});

		it('products and customers: Created by id, with Start From translated to the first id created since then', async () => {
			const products = sim.store.list('products');
			const since = products.map((product) => instant(product.created_at)).sort((x, y) => y - x)[2];
			const expected = products.filter(
				(product) =>
					(product.id as number) >=
					Math.min(
						...products.filter((p) => instant(p.created_at) >= since).map((p) => p.id as number),
					),
			);
			const parameters = raw('productCreated', {
				options: { startFrom: new Date(since).toISOString() },
			});
			const staticData: IDataObject = {};
			expect(
				emitted(await poll(sim, { parameters, staticData })).map((product) => product.id),
			).toEqual(expected.map((product) => product.id));

			const customers = await activate(raw('customerCreated'));
			const customer = sim.store.create('customers', { email: 'new@example.com', store_id: 1 });
			expect(
				emitted(await poll(sim, { parameters: raw('customerCreated'), staticData: customers })).map(
					(c) => c.id,
				),
			).toEqual([customer.id]);
		});
	});

	describe('failures and the poll deadline', () => {
		it('a failing page makes the poll throw and keeps the old cursor; the next poll emits everything exactly once', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			for (const id of orderIds()) {
				clock.advance(2);
				touchOrder(id);
			}
			for (let i = 0; i < 150; i++)
				sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			const snapshot = JSON.stringify(staticData);
			let served = 0;
			const stop = sim.onRequest((request) => {
				if (request.path === ORDERS && ++served === 2)
					sim.scriptFaults(Array.from({ length: 6 }, () => ({ status: 503 })));
			});
			const error = await poll(sim, { parameters, staticData }).catch((caught: unknown) => caught);
			stop();
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).httpCode).toBe('503');
			expect(JSON.stringify(staticData)).toBe(snapshot);

			// 429s mid-poll are waited out and retried by the transport: nothing lost, nothing doubled.
			let calls = 0;
			const stop429 = sim.onRequest((request) => {
				if (request.path === ORDERS && ++calls % 2 === 0)
					sim.scriptFaults([{ status: 429, retryAfter: '0' }]);
			});
			const result = emitted(await poll(sim, { parameters, staticData }));
			stop429();
			expect(sim.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
			const keys = result.map(versionKeyOf);
			expect(new Set(keys).size).toBe(keys.length);
			expect(keys.sort()).toEqual(sim.store.list('orders').map(versionKeyOf).sort());
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});

		it('n8n 2.x poll budget: stops paging early, returns what it has, and the next polls continue without doubles', async () => {
			const prototype = PollContext.prototype as unknown as { getPollBudgetMs?: () => number };
			expect(prototype.getPollBudgetMs).toBeUndefined(); // n8n 1.x: feature-detected
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			for (let i = 0; i < 450; i++) {
				if (i % 3 === 0) clock.advance(1);
				sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			}
			sim.options.latencyMs = 40;
			prototype.getPollBudgetMs = () => 150;
			const polls: number[] = [];
			const all: string[] = [];
			try {
				for (let i = 0; i < 20 && all.length < 450; i++) {
					sim.clearRequests();
					const result = emitted(await poll(sim, { parameters, staticData }));
					polls.push(sim.requests.length);
					all.push(...result.map(versionKeyOf));
				}
			} finally {
				delete prototype.getPollBudgetMs;
				sim.options.latencyMs = 0;
			}
			expect(polls[0]).toBeLessThan(5);
			expect(polls.length).toBeGreaterThan(1);
			expect(new Set(all).size).toBe(all.length);
			expect(all.length).toBe(450);
		});
	});
});
