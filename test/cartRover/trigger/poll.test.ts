/**
 * CartRover Trigger against the CartRover simulator: activation, each event, the request count of an
 * idle poll, Fetch Test Event, and credential levels.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CartRoverSimulator } from '../../simulator/cartRover';
import {
	createOrder,
	emitted,
	listRequests,
	poll,
	fastTransport,
	restoreTransport,
	SimClock,
	startSim,
	stateOf,
	transitionsEmitted,
} from './harness';

const ALL_EVENTS = ['new', 'at_wms', 'shipped', 'confirmed', 'error', 'canceled'];

describe('CartRover Trigger: polls', () => {
	let sim: CartRoverSimulator;
	let clock: SimClock;

	beforeAll(fastTransport);
	afterAll(restoreTransport);

	beforeEach(async () => {
		clock = new SimClock();
		sim = await startSim(clock);
	});
	afterEach(async () => {
		await sim.close();
	});

	async function activate(parameters: INodeParameters, staticData: IDataObject = {}) {
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		return staticData;
	}

	it('the first poll emits nothing, records CartRover’s now and makes one request', async () => {
		await createOrder(sim, 'BEFORE-1');
		sim.clearRequests();
		const staticData = await activate({ events: ALL_EVENTS });
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].path).toBe('/v1/merchant/orders/list/any');
		expect(stateOf(staticData).f).toBe(clock.seconds);
		clock.advance(60_000);
		expect(await poll(sim, { parameters: { events: ALL_EVENTS }, staticData })).toBeNull();
	});

	it('an idle poll is one request, whatever the number of events', async () => {
		for (const events of [['new'], ALL_EVENTS]) {
			const staticData = await activate({ events });
			for (let i = 0; i < 5; i++) {
				clock.advance(60_000);
				sim.clearRequests();
				expect(await poll(sim, { parameters: { events }, staticData })).toBeNull();
				expect(sim.requests).toHaveLength(1);
			}
		}
	});

	it('sends from_date as CartRover prints dates, its + as %2B', async () => {
		const staticData = await activate({ events: ['new'] });
		sim.clearRequests();
		await poll(sim, { parameters: { events: ['new'] }, staticData });
		expect(sim.requests[0].rawQuery).toMatch(
			/from_date=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d%2B00%3A00/,
		);
		expect(sim.requests[0].query).toMatchObject({ limit: '100', page: '1' });
	});

	it('emits each status an order enters, once, with the order and its shipments', async () => {
		const parameters = { events: ALL_EVENTS };
		const staticData = await activate(parameters);
		const run = async () => {
			clock.advance(30_000);
			return await poll(sim, { parameters, staticData });
		};
		await createOrder(sim, 'A-1');
		await createOrder(sim, 'A-2');
		expect(transitionsEmitted(await run())).toEqual(['A-1@new', 'A-2@new']);
		expect(await run()).toBeNull();
		sim.advance('A-1', 'at_wms');
		sim.advance('A-2', 'error');
		expect(transitionsEmitted(await run())).toEqual(['A-1@at_wms', 'A-2@error']);
		clock.advance(1000);
		sim.advance('A-1', 'shipped', { tracking_no: '1ZTRACK' });
		sim.advance('A-2', 'canceled');
		const shipped = emitted(await run());
		expect(shipped.map((json) => `${String(json.cust_ref)}@${String(json.event)}`)).toEqual([
			'A-1@shipped',
			'A-2@canceled',
		]);
		expect(shipped[0]).toMatchObject({
			order_status: 'shipped',
			event_name: 'Shipped (Tracking Available)',
			shipments: [expect.objectContaining({ tracking_no: '1ZTRACK' })],
		});
		expect(String(shipped[0].event_date)).toMatch(/\+00:00$/);
		sim.advance('A-1', 'confirmed');
		expect(transitionsEmitted(await run())).toEqual(['A-1@confirmed']);
		for (let i = 0; i < 12; i++) expect(await run()).toBeNull(); // past the look-back window too
	});

	it('an order that went through two statuses between polls gives both events, in order', async () => {
		const parameters = { events: ['new', 'at_wms', 'shipped'] };
		const staticData = await activate(parameters);
		await createOrder(sim, 'B-1');
		clock.advance(2000);
		sim.advance('B-1', 'at_wms');
		clock.advance(2000);
		sim.advance('B-1', 'shipped');
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual([
			'B-1@new',
			'B-1@at_wms',
			'B-1@shipped',
		]);
	});

	it('only the selected events; the others still move the cursor', async () => {
		const parameters = { events: ['shipped'] };
		const staticData = await activate(parameters);
		await createOrder(sim, 'C-1');
		await createOrder(sim, 'C-2');
		clock.advance(30_000);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		sim.advance('C-2', 'shipped');
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual([
			'C-2@shipped',
		]);
	});

	it('same-second transitions of several orders are all emitted, once', async () => {
		const parameters = { events: ['at_wms'] };
		const staticData = await activate(parameters);
		const refs: string[] = [];
		for (let i = 0; i < 30; i++) refs.push(await createOrder(sim, `S-${i}`));
		clock.advance(5000);
		for (const ref of refs.slice(0, 15)) sim.advance(ref, 'at_wms');
		expect(emitted(await poll(sim, { parameters, staticData }))).toHaveLength(15);
		for (const ref of refs.slice(15)) sim.advance(ref, 'at_wms'); // the very same second
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(
			refs.slice(15).map((ref) => `${ref}@at_wms`),
		);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
	});

	it('Fetch Test Event returns the newest matching transition and leaves the state alone', async () => {
		const parameters = { events: ['at_wms'] };
		const staticData = await activate(parameters);
		const before = JSON.stringify(staticData);
		await createOrder(sim, 'M-1');
		await createOrder(sim, 'M-2');
		sim.advance('M-1', 'at_wms');
		clock.advance(5000);
		sim.advance('M-2', 'at_wms');
		const result = await poll(sim, { parameters, staticData, mode: 'manual' });
		expect(transitionsEmitted(result)).toEqual(['M-2@at_wms']);
		expect(JSON.stringify(staticData)).toBe(before);
		// … and the next real poll still emits both.
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual([
			'M-1@at_wms',
			'M-2@at_wms',
		]);
	});

	it('Fetch Test Event before any activation does not create state', async () => {
		const staticData: IDataObject = {};
		const result = await poll(sim, { parameters: { events: ['new'] }, staticData, mode: 'manual' });
		expect(emitted(result)).toHaveLength(1);
		expect(staticData).toEqual({});
	});

	it('Cart keys read /cart/orders/list/any, only their cart’s orders', async () => {
		const parameters = { events: ['new'] };
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData, level: 'cart' })).toBeNull();
		expect(sim.requests[0].path).toBe('/v1/cart/orders/list/any');
		await createOrder(sim, 'K-1');
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData, level: 'cart' }))).toEqual([
			'K-1@new',
		]);
	});

	it('Merchant keys may filter by order source', async () => {
		const parameters = { events: ['new'], options: { orderSource: 'sim-marketplace' } };
		const staticData: IDataObject = {};
		await poll(sim, { parameters, staticData });
		await createOrder(sim, 'O-1'); // created through the Cart keys: the webstore source
		clock.advance(30_000);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		expect(
			listRequests(sim).every((request) => request.query.order_source === 'sim-marketplace'),
		).toBe(true);
	});

	it('Warehouse keys are refused before any request, with what to use instead', async () => {
		await expect(
			poll(sim, { parameters: { events: ['new'] }, staticData: {}, level: 'wms' }),
		).rejects.toMatchObject({
			message: expect.stringContaining('needs Cart or Merchant API keys'),
			description: expect.stringContaining('Merchant API keys'),
		});
		expect(sim.requests).toHaveLength(0);
	});

	it('Order Source with Cart keys is explained', async () => {
		await expect(
			poll(sim, {
				parameters: { events: ['new'], options: { orderSource: 'x' } },
				staticData: {},
				level: 'cart',
			}),
		).rejects.toMatchObject({ message: expect.stringContaining('Merchant API keys only') });
	});
	it('the look-back window catches a status whose date shows up late; older than the window is the documented limit', async () => {
		const parameters = { events: ['at_wms'], options: { lookBackMinutes: 5 } };
		const staticData = await activate(parameters);
		for (const ref of ['L-1', 'L-2', 'L-3']) await createOrder(sim, ref);
		clock.advance(10 * 60_000);
		sim.advance('L-1', 'at_wms');
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['L-1@at_wms']);
		// CartRover listed these only now, with dates stamped earlier: 2 and 8 minutes before L-1's.
		const stamp = (ref: string, secondsBefore: number) => {
			sim.advance(ref, 'at_wms');
			const order = sim.orders.get(ref)!;
			const date = new Date(clock.ms - secondsBefore * 1000).toISOString().slice(0, 19);
			order.delivered_to_wms_date = `${date}+00:00`;
		};
		stamp('L-2', 120);
		stamp('L-3', 480);
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['L-2@at_wms']);
		clock.advance(30_000);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
	});
	it('an order that changes while the trigger pages is emitted by the next poll, even without look-back', async () => {
		const parameters = { events: ['at_wms', 'shipped'], options: { lookBackMinutes: 0 } };
		const staticData = await activate(parameters);
		const refs: string[] = [];
		for (let i = 0; i < 150; i++) refs.push(await createOrder(sim, `P-${i}`));
		clock.advance(1000);
		for (const ref of refs) sim.advance(ref, 'at_wms');
		clock.advance(5000);
		// While page 2 is read: P-3 (on page 1, already read) goes back through error to at_wms,
		// and P-140 (on page 2) ships a little later, so page 2 holds a newer date than P-3's.
		sim.beforeRequest(
			(request) => request.path.includes('/orders/list/') && request.query.page === '2',
			() => {
				sim.advance('P-3', 'error');
				clock.advance(2000);
				sim.advance('P-3', 'at_wms');
				clock.advance(3000);
				sim.advance('P-140', 'shipped');
			},
		);
		const first = transitionsEmitted(await poll(sim, { parameters, staticData }));
		expect(first).toHaveLength(151);
		expect(first.slice(-1)).toEqual(['P-140@shipped']);
		clock.advance(60_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['P-3@at_wms']);
		clock.advance(60_000);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
	});
	it('a stored cursor far ahead of this machine’s clock (foreign or damaged static data) starts afresh', async () => {
		const parameters = { events: ['new'] };
		const staticData = await activate(parameters);
		stateOf(staticData).f += 400 * 24 * 3600;
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		expect(stateOf(staticData).f).toBe(clock.seconds);
		await createOrder(sim, 'F-1');
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['F-1@new']);
	});

	it('another order source is another cursor: changing it starts afresh instead of replaying', async () => {
		const staticData = await activate({ events: ['new'] });
		await createOrder(sim, 'G-1');
		clock.advance(30_000);
		const parameters = { events: ['new'], options: { orderSource: 'sim-webstore' } };
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		await createOrder(sim, 'G-2');
		clock.advance(30_000);
		expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual(['G-2@new']);
	});
});
