/**
 * CartRover Trigger when things go wrong or pile up: a failed poll (server error, RateLimit that does
 * not clear) emits nothing and loses nothing; a backlog is read over several bounded polls; one poll
 * at a time.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_REQUESTS_PER_POLL } from '../../../nodes/shared/poll';
import { forgetPageSizes } from '../../../nodes/CartRover/trigger/read';
import type { CartRoverSimulator } from '../../simulator/cartRover';
import {
	createOrder,
	emitted,
	fastTransport,
	poll,
	restoreTransport,
	SimClock,
	startSim,
	stateOf,
	stateSize,
	transitionsEmitted,
} from './harness';

describe('CartRover Trigger: failures and backlogs', () => {
	let sim: CartRoverSimulator | undefined;

	beforeAll(fastTransport);
	afterAll(restoreTransport);
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
		forgetPageSizes();
	});

	const isListPage = (page: string) => (request: { path: string; query: Record<string, string> }) =>
		request.path.includes('/orders/list/') && request.query.page === page;

	async function activated(s: CartRoverSimulator, parameters: INodeParameters) {
		const staticData: IDataObject = {};
		expect(await poll(s, { parameters, staticData })).toBeNull();
		return staticData;
	}

	it('a server error on page 2 emits nothing, keeps the state, and the next poll emits everything once', async () => {
		const clock = new SimClock();
		sim = await startSim(clock);
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		const refs: string[] = [];
		for (let i = 0; i < 150; i++) refs.push(await createOrder(sim, `E-${i}`));
		clock.advance(60_000);
		const before = JSON.stringify(staticData);
		for (let i = 0; i < 5; i++)
			sim.beforeRequest(isListPage('2'), () => {
				throw new Error('database gone');
			});
		await expect(poll(sim, { parameters, staticData })).rejects.toThrow();
		expect(JSON.stringify(staticData)).toBe(before);
		const result = await poll(sim, { parameters, staticData });
		expect(transitionsEmitted(result)).toEqual(refs.map((ref) => `${ref}@new`));
		expect(await poll(sim, { parameters, staticData })).toBeNull();
	});

	it('RateLimit that does not clear fails the poll with CartRover’s words; nothing is emitted or lost', async () => {
		const clock = new SimClock();
		// Room for activation and two pages: page 3 of the next poll is refused until the bucket empties.
		sim = await startSim(clock, { bucket: { capacity: 3, leakMs: 10 * 60_000 } });
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters); // 1 of 3 calls
		const refs: string[] = [];
		for (let i = 0; i < 220; i++) refs.push(await createOrder(sim, `R-${i}`)); // Cart keys: another bucket
		clock.advance(60_000);
		const before = JSON.stringify(staticData);
		await expect(poll(sim, { parameters, staticData })).rejects.toThrow(/Over API Limit/);
		expect(sim.requests.some((request) => request.errorCode === 'RateLimit')).toBe(true);
		expect(JSON.stringify(staticData)).toBe(before);
		sim.resetBuckets();
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(
			refs.map((ref) => `${ref}@new`),
		);
	});

	it(`a backlog is read over several polls of at most ${MAX_REQUESTS_PER_POLL} requests, each order once`, async () => {
		const clock = new SimClock();
		// Seeded orders are created 3 to 60 days before the simulator's now.
		sim = await startSim(clock, { orders: 6_000, seed: 11 });
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		// As if the workflow had been off for two months: the cursor 61 days back.
		const state = stateOf(staticData);
		state.f -= 61 * 24 * 3600;
		const seen = new Set<string>();
		const requestsPerPoll: number[] = [];
		for (let i = 0; i < 4; i++) {
			const before = sim.requests.length;
			for (const json of emitted(await poll(sim, { parameters, staticData }))) {
				const ref = String(json.cust_ref);
				expect(seen.has(ref)).toBe(false);
				seen.add(ref);
			}
			requestsPerPoll.push(sim.requests.length - before);
			expect(stateSize(staticData)).toBeLessThan(2048);
			if (i === 0) expect(stateOf(staticData).p).toBe(MAX_REQUESTS_PER_POLL + 1);
		}
		expect(seen.size).toBe(6_000);
		expect(requestsPerPoll).toEqual([MAX_REQUESTS_PER_POLL, 11, 1, 1]);
		expect(stateOf(staticData).p).toBeUndefined();
	});

	it('a poll while the previous one still runs is skipped (one poll at a time)', async () => {
		const clock = new SimClock();
		sim = await startSim(clock, { latencyMs: 150 });
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		await createOrder(sim, 'P-1');
		clock.advance(60_000);
		const [first, second] = await Promise.all([
			poll(sim, { parameters, staticData }),
			poll(sim, { parameters, staticData }),
		]);
		expect([...transitionsEmitted(first), ...transitionsEmitted(second)]).toEqual(['P-1@new']);
	});
	it('a server that caps `limit` below 100: one extra request learns its page size, nothing is skipped', async () => {
		const clock = new SimClock();
		sim = await startSim(clock, { quirks: { maxLimit: 40 } });
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		for (let i = 0; i < 90; i++) await createOrder(sim, `Q-${i}`);
		clock.advance(60_000);
		sim.clearRequests();
		expect(emitted(await poll(sim, { parameters, staticData }))).toHaveLength(90);
		expect(sim.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		for (let i = 0; i < 50; i++) await createOrder(sim, `Q2-${i}`);
		clock.advance(60_000);
		expect(emitted(await poll(sim, { parameters, staticData }))).toHaveLength(50);
	});

	it('a server that honours 100: a short page is confirmed last once, then trusted', async () => {
		const clock = new SimClock();
		sim = await startSim(clock);
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		const listed = () => sim!.requests.filter((request) => request.level === 'merchant').length;
		await createOrder(sim, 'H-1');
		clock.advance(60_000);
		let before = listed();
		await poll(sim, { parameters, staticData });
		expect(listed() - before).toBe(2); // page 1 (1 order) and the check: page 2 empty
		await createOrder(sim, 'H-2');
		clock.advance(60_000);
		before = listed();
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['H-2@new']);
		expect(listed() - before).toBe(1);
	});

	it('a server that ignores `page` fails the poll loudly instead of doubling or skipping orders', async () => {
		const clock = new SimClock();
		sim = await startSim(clock, { quirks: { ignorePage: true } });
		const parameters = { events: ['new'] };
		const staticData = await activated(sim, parameters);
		for (let i = 0; i < 120; i++) await createOrder(sim, `I-${i}`);
		clock.advance(60_000);
		const before = JSON.stringify(staticData);
		await expect(poll(sim, { parameters, staticData })).rejects.toThrow(/ignores "page"/);
		expect(JSON.stringify(staticData)).toBe(before);
	});
});
