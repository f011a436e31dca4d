/**
 * Cart.com Trigger against the failures of issue 10, each reproduced on the store simulator: records
 * changing between page requests of a bulk read, overlapping polls, several statuses next to the
 * cursor, a store that pages or filters wrongly, timestamps in other forms, and impossible state.
 * Every test here failed on the trigger before keyset paging (commit fc859bc).
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { IANAZone, Settings } from 'luxon';
import {
	NodeOperationError,
	type IDataObject,
	type INodeParameters,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	DEFAULT_POLL_DEADLINE_MS,
	MAX_REQUESTS_PER_POLL,
	pollDeadline,
} from '../../nodes/shared/poll';
import { parseTimestamp } from '../../nodes/CartCom/trigger/instants';
import type { Simulator } from '../helpers/fixtures';
import type { RecordedRequest } from '../simulator';
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
const START = Date.parse('2024-11-03T06:40:00.000Z'); // 01:40:00 CDT, a whole second

const raw = (event: string, extra: INodeParameters = {}): INodeParameters => ({
	event,
	simplify: false,
	...extra,
});
const iso = (ms: number) => new Date(ms).toISOString();
const hasOr = (request: RecordedRequest) =>
	[...request.query.values()].some((value) => / OR /i.test(value) || /^OR /i.test(value));
/** The parts of a trigger request that make up its key. */
const keyQuery = (request: RecordedRequest) => [
	request.query.get('updated_at'),
	request.query.get('id'),
	request.query.get('sort'),
	request.query.get('page'),
];

describe('Cart.com Trigger hardening (issue 10)', () => {
	let sim: Simulator;
	let clock: Clock;

	beforeEach(async () => {
		clock = new Clock(START);
		sim = await startTriggerStore(clock, { sizes: { orders: 320 } });
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await sim.stop();
	});

	async function activate(parameters: INodeParameters): Promise<IDataObject> {
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		return staticData;
	}
	const touchOrder = (id: number, patch: Record<string, unknown> = {}) =>
		sim.store.update('orders', id, patch);
	const orderIds = () => sim.store.list('orders').map((order) => order.id as number);
	const newestChange = () =>
		sim.store
			.list('orders')
			.sort(
				(a, b) =>
					instant(b.updated_at) - instant(a.updated_at) || (b.id as number) - (a.id as number),
			)[0];

	describe('1. keyset paging: records changing while a bulk update is read', () => {
		it('a 300-order bulk update in one second, two orders re-changed between page requests: every version once, page 1 only', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const activationFrom = instant(newestChange().updated_at);
			clock.advance(60_000);
			const bulk = orderIds().slice(0, 300);
			for (const id of bulk) touchOrder(id, { admin_comments: 'bulk' });
			const bulkAt = clock.ms;
			const reChanged = [bulk[3], bulk[50]]; // both on the first page
			sim.beforeRequest(
				(request) =>
					request.path === ORDERS && (request.query.get('page') !== '1' || request.query.has('id')),
				() => {
					clock.advance(1000);
					for (const id of reChanged) touchOrder(id, { admin_comments: 'changed again' });
				},
			);
			sim.clearRequests();
			const keys = emitted(await poll(sim, { parameters, staticData })).map(versionKeyOf);

			const expected = [
				...bulk.map((id) => `${id}@${bulkAt}`),
				...reChanged.map((id) => `${id}@${bulkAt + 1000}`),
			];
			expect(keys).toEqual(expected);
			expect(requestsTo(sim, ORDERS).map(keyQuery)).toEqual([
				[`gt:${iso(activationFrom)}`, null, 'updated_at,id', '1'],
				[`eq:${iso(bulkAt)}`, `gt:${bulk[99]}`, 'id', '1'],
				[`eq:${iso(bulkAt)}`, `gt:${bulk[199]}`, 'id', '1'],
				[`gt:${iso(bulkAt)}`, null, 'updated_at,id', '1'],
			]);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
			expect(stateSize(staticData)).toBeLessThan(2048);
		});

		it('a page that ends in a short run of one instant is continued from that instant, without page numbers', async () => {
			const parameters = raw('orderUpdated', { options: { lookBackSeconds: 0 } });
			const staticData = await activate(parameters);
			const ids = orderIds();
			for (let i = 0; i < 250; i++) {
				if (i % 5 === 0) clock.advance(7);
				touchOrder(ids[i]);
			}
			const notYetRead = ids[240];
			sim.beforeRequest(
				(request) =>
					request.path === ORDERS && sim.requests.filter((r) => r.path === ORDERS).length === 2,
				() => {
					clock.advance(100);
					touchOrder(ids[0]); // read on page 1: a new version at the end
					touchOrder(notYetRead); // not read yet: only its new version exists now
				},
			);
			sim.clearRequests();
			const keys = emitted(await poll(sim, { parameters, staticData })).map(versionKeyOf);
			expect(new Set(keys).size).toBe(keys.length);
			const current = ids.slice(0, 250).map((id) => versionKeyOf(sim.store.get('orders', id)!));
			expect(keys).toEqual(expect.arrayContaining(current));
			expect(keys).toHaveLength(251); // 250 + the second version of ids[0]
			expect(requestsTo(sim, ORDERS).every((request) => request.query.get('page') === '1')).toBe(
				true,
			);
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});
	});

	describe('2. one poll at a time, and a bounded poll on n8n 1.x', () => {
		it('a poll started while another runs returns null without a request; the running one emits each change once', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const [a, b, c] = orderIds();
			clock.advance(1000);
			for (const id of [a, b, c]) touchOrder(id);
			let arrived!: () => void;
			const held = new Promise<void>((resolve) => (arrived = resolve));
			let release!: () => void;
			const gate = new Promise<void>((resolve) => (release = resolve));
			sim.beforeRequest(
				(request) => request.path === ORDERS,
				async () => {
					arrived();
					await gate;
				},
			);
			sim.clearRequests();
			const first = poll(sim, { parameters, staticData });
			await held;
			let second: Awaited<ReturnType<typeof poll>>;
			try {
				second = await poll(sim, { parameters, staticData });
			} finally {
				release(); // never leave the first poll hanging, whatever the second did
			}
			const firstItems = emitted(await first).map((order) => order.id);
			expect(second).toBeNull();
			expect(requestsTo(sim, ORDERS)).toHaveLength(1); // only the held request of the first poll
			expect(firstItems).toEqual([a, b, c]);
			expect(await poll(sim, { parameters, staticData })).toBeNull();
		});

		it('a failed poll releases the trigger: the next poll runs', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const [a] = orderIds();
			clock.advance(1000);
			touchOrder(a);
			sim.scriptFaults(
				Array.from({ length: 6 }, () => ({ status: 503, match: { path: /orders/ } })),
			);
			await expect(poll(sim, { parameters, staticData })).rejects.toThrow();
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a],
			);
		});

		it('n8n 1.x (no getPollBudgetMs): a backlog is read MAX_REQUESTS_PER_POLL requests at a time, then continued without doubles', async () => {
			const parameters = raw('orderUpdated', { options: { lookBackSeconds: 0 } });
			const staticData = await activate(parameters);
			for (let i = 0; i < 6000; i++) {
				clock.advance(1);
				sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			}
			const all: string[] = [];
			const requestsPerPoll: number[] = [];
			for (let i = 0; i < 4; i++) {
				sim.clearRequests();
				all.push(...emitted(await poll(sim, { parameters, staticData })).map(versionKeyOf));
				requestsPerPoll.push(requestsTo(sim, ORDERS).length);
			}
			expect(MAX_REQUESTS_PER_POLL).toBe(50);
			expect(requestsPerPoll[0]).toBe(MAX_REQUESTS_PER_POLL);
			expect(requestsPerPoll.at(-1)).toBe(1);
			expect(new Set(all).size).toBe(all.length);
			expect(all.length).toBe(6000);
		});

		it('n8n 1.x default poll deadline: no request starts after DEFAULT_POLL_DEADLINE_MS (share) has passed', () => {
			let now = 1_000;
			const deadline = pollDeadline({} as IPollFunctions, { now: () => now });
			expect(deadline.allowsAnotherRequest()).toBe(true);
			now += DEFAULT_POLL_DEADLINE_MS * 0.8 + 1;
			expect(DEFAULT_POLL_DEADLINE_MS).toBe(30_000);
			expect(deadline.allowsAnotherRequest()).toBe(false);
		});

		it('poll durations use a monotonic clock: a wall-clock jump does not end a poll', () => {
			const wallClock = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
			const deadline = pollDeadline({ getPollBudgetMs: () => 60_000 } as unknown as IPollFunctions);
			wallClock.mockReturnValue(1_000_000 + 3_600_000); // NTP or an admin moves the clock an hour on
			expect(deadline.allowsAnotherRequest()).toBe(true);
		});
	});

	describe('3. several order statuses are never ORed next to the cursor condition', () => {
		it('Order Created with statuses 1 or 3 still finds new orders when 100+ older orders have status 1', async () => {
			for (const id of orderIds().slice(0, 150)) touchOrder(id, { order_status_id: 1 });
			const parameters = raw('orderCreated', { filters: { orderStatusIds: [1, 3] } });
			const staticData = await activate(parameters);
			const wanted = sim.store.create('orders', { customer_id: 1, order_status_id: 3 });
			sim.store.create('orders', { customer_id: 1, order_status_id: 2 });
			const alsoWanted = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			sim.clearRequests();
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[wanted.id, alsoWanted.id],
			);
			expect(sim.requests.some(hasOr)).toBe(false);
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(nodeState(staticData).cursor).toEqual({ lastId: alsoWanted.id });
		});

		it('Order Updated with statuses 1 or 3 does not re-read history: an idle poll is one request', async () => {
			for (const id of orderIds().slice(0, 150)) touchOrder(id, { order_status_id: 1 });
			clock.advance(1000);
			const parameters = raw('orderUpdated', { filters: { orderStatusIds: [1, 3] } });
			const staticData = await activate(parameters);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
			const [, , , x, y, z] = orderIds();
			clock.advance(1000);
			touchOrder(x, { order_status_id: 3 });
			touchOrder(y, { order_status_id: 2 });
			touchOrder(z, { order_status_id: 1 });
			sim.clearRequests();
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[x, z],
			);
			expect(sim.requests.some(hasOr)).toBe(false);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
		});

		it('one status stays a server-side condition (AND is safe)', async () => {
			const parameters = raw('orderUpdated', { filters: { orderStatusIds: [2] } });
			const staticData = await activate(parameters);
			sim.clearRequests();
			await poll(sim, { parameters, staticData });
			expect(sim.requests[0].query.get('order_status_id')).toBe('eq:2');
		});
	});

	describe('4. a store that pages or filters wrongly cannot make the trigger loop or emit old versions', () => {
		/** Fails the store for good after `limit` requests, so a looping trigger fails instead of hanging. */
		function failAfter(limit: number) {
			let served = 0;
			return sim.onRequest((request) => {
				if (request.path === ORDERS && ++served > limit)
					sim.scriptFaults(Array.from({ length: 6 }, () => ({ status: 500 })));
			});
		}

		it('ignores `page` and always sends next_page: a bulk update larger than a page is read once, in a few requests', async () => {
			const updated = raw('orderUpdated');
			const created = raw('orderCreated');
			const updatedState = await activate(updated);
			const createdState = await activate(created);
			sim.options.quirks = { ignorePage: true, endlessNextPage: true };
			const stop = failAfter(60);
			clock.advance(1000);
			const bulk = orderIds().slice(0, 150);
			for (const id of bulk) touchOrder(id);
			const news = Array.from(
				{ length: 150 },
				() => sim.store.create('orders', { customer_id: 1, order_status_id: 1 }).id,
			);
			sim.clearRequests();
			const changes = emitted(
				await poll(sim, { parameters: updated, staticData: updatedState }),
			).map((order) => order.id);
			expect(changes).toEqual([...bulk, ...news]);
			expect(requestsTo(sim, ORDERS).length).toBeLessThanOrEqual(6);
			sim.clearRequests();
			expect(
				emitted(await poll(sim, { parameters: created, staticData: createdState })).map(
					(order) => order.id,
				),
			).toEqual(news);
			expect(requestsTo(sim, ORDERS).length).toBeLessThanOrEqual(3);
			stop();
		});

		it('ignores the cursor filter: nothing old is emitted and an idle poll stays one request', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			sim.options.quirks = { ignoreFilters: true };
			const stop = failAfter(20);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
			stop();
		});

		it('a page out of the order asked fails the poll instead of skipping records, and keeps the cursor', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const ids = orderIds().slice(0, 3).reverse();
			for (const id of ids) {
				clock.advance(1000);
				touchOrder(id);
			}
			sim.options.quirks = { ignoreSort: true };
			const before = JSON.stringify(staticData);
			const error = await poll(sim, { parameters, staticData }).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(/order asked/);
			expect(JSON.stringify(staticData)).toBe(before);
		});
	});

	describe('8. timestamps without an offset, or not in ISO form', () => {
		afterEach(() => {
			Settings.defaultZone = 'system';
		});

		it('offset-less updated_at on a host west of the store: read in the store zone learned from created_at, no change lost', async () => {
			Settings.defaultZone = 'America/Los_Angeles'; // this machine's zone
			sim.options.quirks = { timestampStyle: 'local', timestampFields: ['updated_at'] };
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const [a, b] = orderIds();
			clock.advance(60_000);
			const first = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			touchOrder(a);
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a, first.id],
			);
			clock.advance(60_000);
			touchOrder(b);
			const [read] = emitted(await poll(sim, { parameters, staticData }));
			expect(read.id).toBe(b);
			expect(read.updated_at).toBe('2024-11-03T01:42:00'); // as Cart.com sent it
			expect(nodeState(staticData).cursor).toMatchObject({ from: clock.ms - 2000 });
		});

		it.each([
			['sql', { storeTimeZone: 'America/Chicago' }],
			['local', { storeTimeZone: 'America/Chicago' }],
			['dotnet', {}],
			['epoch-ms', {}],
			['epoch-s', {}],
		] as const)('%s timestamps are read as the right instants', async (style, options) => {
			const [a, b, c] = orderIds();
			clock.ms = Date.parse('2024-11-03T09:00:00Z'); // 03:00 CST: not in the repeated hour, where a local time is ambiguous
			touchOrder(c); // the newest change at activation: a whole second, which epoch-s can express
			sim.options.quirks = { timestampStyle: style };
			const parameters = raw('orderUpdated', { options: { ...options, lookBackSeconds: 0 } });
			const staticData = await activate(parameters);
			clock.advance(60_000);
			touchOrder(a);
			clock.advance(2_000);
			touchOrder(b);
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a, b],
			);
			expect(nodeState(staticData).cursor).toEqual({ from: clock.ms, seen: [[b, 0]] });
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests[0].query.get('updated_at')).toBe(`gte:${iso(clock.ms)}`);
		});

		it('parseTimestamp: the offset in the text wins and the store zone is asked only for text without one', () => {
			const zone = jest.fn(() => IANAZone.create('America/Chicago'));
			expect(parseTimestamp('2024-11-03T01:40:00.25-05:00', zone)).toBe(
				Date.parse('2024-11-03T06:40:00.250Z'),
			);
			expect(parseTimestamp('2024-11-03T06:40:00Z', zone)).toBe(Date.parse('2024-11-03T06:40:00Z'));
			expect(zone).not.toHaveBeenCalled();
			expect(parseTimestamp('2024-07-01 10:00:00.5', zone)).toBe(
				Date.parse('2024-07-01T15:00:00.500Z'),
			);
			expect(zone).toHaveBeenCalledTimes(1);
			expect(parseTimestamp('/Date(1730616000250+0200)/', zone)).toBe(1730616000250);
			expect(parseTimestamp(1730616000, zone)).toBe(1730616000000);
			expect(parseTimestamp('1730616000250', zone)).toBe(1730616000250);
			for (const unreadable of ['', 'yesterday', null, undefined, {}, Number.NaN]) {
				expect(parseTimestamp(unreadable, zone)).toBeUndefined();
			}
		});

		it('an unreadable updated_at fails the poll, naming the order and the value, and keeps the cursor', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const [a] = orderIds();
			touchOrder(a, { updated_at: 'sometime last week' });
			const before = JSON.stringify(staticData);
			const error = await poll(sim, { parameters, staticData }).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toBe(
				`Cart.com returned order ${a} with an updated_at the trigger cannot read: "sometime last week"`,
			);
			expect((error as Error).message).not.toContain(sim.options.accessToken);
			expect(JSON.stringify(staticData)).toBe(before);
		});

		it('refuses a Store Time Zone that is not an IANA zone, before sending anything', async () => {
			sim.clearRequests();
			const parameters = raw('orderUpdated', { options: { storeTimeZone: 'Central Time' } });
			await expect(poll(sim, { parameters, staticData: {} })).rejects.toThrow(/Store Time Zone/);
			expect(sim.requests).toHaveLength(0);
		});
	});

	describe('9. impossible static data is reset, with a warning', () => {
		const warnings = () => jest.spyOn(Container.get(Logger), 'warn');

		it('an Updated cursor in the year 2999 is reset to the store newest change; changes after it are emitted', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const state = nodeState(staticData);
			state.cursor = { from: Date.parse('2999-01-01T00:00:00Z'), seen: [] };
			const warn = warnings();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(warn).toHaveBeenCalledWith(
				expect.stringMatching(/ahead of this machine's clock/),
				expect.anything(),
			);
			const newest = newestChange();
			expect(nodeState(staticData).cursor).toEqual({
				from: instant(newest.updated_at),
				afterId: newest.id,
				seen: [],
			});
			const [a] = orderIds();
			clock.advance(1000);
			touchOrder(a);
			expect(emitted(await poll(sim, { parameters, staticData })).map((order) => order.id)).toEqual(
				[a],
			);
		});

		it('an Updated cursor ahead of the store (but not of the clock) is found by one check per unknown cursor', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			nodeState(staticData).cursor = { from: clock.ms + 3_600_000, seen: [] };
			const warn = warnings();
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(warn).toHaveBeenCalledWith(
				expect.stringMatching(/ahead of the store's newest change/),
				expect.anything(),
			);
			// The check's answer is also where the cursor restarts: one request, not a second lookup.
			expect(requestsTo(sim, ORDERS)).toHaveLength(1);
			const newest = newestChange();
			expect(nodeState(staticData).cursor).toEqual({
				from: instant(newest.updated_at),
				afterId: newest.id,
				seen: [],
			});
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1); // the cursor is ours now: no check
		});

		it('a Created cursor above the store newest id (9e9) is reset once; new orders are emitted again', async () => {
			const parameters = raw('orderCreated');
			const staticData = await activate(parameters);
			nodeState(staticData).cursor = { lastId: 9e9 };
			const warn = warnings();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(warn).toHaveBeenCalledWith(
				expect.stringMatching(/ahead of the store's newest record/),
				expect.anything(),
			);
			expect(nodeState(staticData).cursor).toEqual({ lastId: Math.max(...orderIds()) });
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(sim.requests).toHaveLength(1);
			const order = sim.store.create('orders', { customer_id: 1, order_status_id: 1 });
			expect(emitted(await poll(sim, { parameters, staticData })).map((o) => o.id)).toEqual([
				order.id,
			]);
		});

		it('200,000 remembered pairs are capped on read: small state, one request, nothing emitted twice', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const cursor = nodeState(staticData).cursor as { from: number; afterId: number };
			const junk = Array.from({ length: 199_999 }, (_, i) => [10_000_000 + i, i % 1000]);
			nodeState(staticData).cursor = { from: cursor.from, seen: [[cursor.afterId, 0], ...junk] };
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData })).toBeNull();
			expect(stateSize(staticData)).toBeLessThan(2048);
			expect(requestsTo(sim, ORDERS).length).toBeLessThanOrEqual(2); // the one-off check of a foreign cursor, and the poll
		});

		it('a plausible cursor this process did not write costs one check, once', async () => {
			const parameters = raw('orderUpdated');
			const staticData = await activate(parameters);
			const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			const { from, afterId } = nodeState(copy).cursor as IDataObject;
			nodeState(copy).cursor = { seen: [], afterId, from }; // the same cursor, as a backup might hold it
			expect(JSON.stringify(nodeState(copy).cursor)).not.toBe(
				JSON.stringify(nodeState(staticData).cursor),
			);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData: copy })).toBeNull();
			expect(requestsTo(sim, ORDERS).map((request) => request.query.get('sort'))).toEqual([
				'-updated_at,-id',
				'updated_at,id',
			]);
			sim.clearRequests();
			expect(await poll(sim, { parameters, staticData: copy })).toBeNull();
			expect(sim.requests).toHaveLength(1);
		});
	});
});
