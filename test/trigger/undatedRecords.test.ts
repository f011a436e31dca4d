/**
 * Cart.com Trigger on records whose `updated_at` is null, as live stores have them (issue 17;
 * Airbyte's source-cart schemas type it nullable). Such a record has no place in the (updated_at, id)
 * order: "Updated" never emits it, says so in the log, and neither throws nor stalls, and every
 * other change is still emitted once. The first and third tests failed on the trigger that read
 * every record's updated_at as a version.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../helpers/fixtures';
import { Clock, emitted, poll, requestsTo, startTriggerStore } from '../helpers/triggerKit';

const START = Date.parse('2024-11-03T06:40:00.000Z');
const CUSTOMERS = '/api/v1/customers';
const ORDERS = '/api/v1/orders';

const raw = (event: string): INodeParameters => ({ event, simplify: false });

describe('Cart.com Trigger: records without updated_at (issue 17)', () => {
	let sim: Simulator;
	let clock: Clock;
	beforeEach(async () => {
		clock = new Clock(START);
		sim = await startTriggerStore(clock, { sizes: { orders: 40, customers: 12 } });
		// n8n's logger is set up by the first run; spies go on that one.
		await poll(sim, { parameters: raw('orderCreated'), staticData: {}, mode: 'manual' });
		sim.clearRequests();
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await sim.stop();
	});
	const undate = (resource: string, id: number) =>
		sim.store.update(resource, id, { updated_at: null });
	const warnings = () => jest.spyOn(Container.get(Logger), 'warn');

	it('a store whose newest record (here: every customer) has no updated_at: the first poll starts without throwing, and later changes are emitted once', async () => {
		const ids = sim.store.list('customers').map((customer) => customer.id as number);
		for (const id of ids) undate('customers', id);
		const parameters = raw('customerUpdated');
		const staticData: IDataObject = {};
		const warn = warnings();

		expect(await poll(sim, { parameters, staticData })).toBeNull();
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/customer\(s\) without updated_at/));
		// The newest lookup, then the same for dated records only.
		expect(requestsTo(sim, CUSTOMERS).map((request) => request.query.get('updated_at'))).toEqual([
			null,
			'gt:1970-01-01T00:00:00.000Z',
		]);

		clock.advance(5_000);
		sim.store.touch('customers', ids[3]);
		const first = emitted(await poll(sim, { parameters, staticData }));
		const second = emitted(await poll(sim, { parameters, staticData }));
		expect(first.map((customer) => customer.id)).toEqual([ids[3]]);
		expect(second).toEqual([]);
	});

	it('an order without updated_at among dated ones: every dated change is emitted once, the undated one never, and the next poll is idle', async () => {
		const parameters = raw('orderUpdated');
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		const [a, b, c] = sim.store.list('orders').map((order) => order.id as number);

		clock.advance(1_000);
		sim.store.touch('orders', a);
		undate('orders', b);
		clock.advance(1_000);
		sim.store.touch('orders', c);

		expect(emitted(await poll(sim, { parameters, staticData })).map((o) => o.id)).toEqual([a, c]);
		sim.clearRequests();
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		expect(requestsTo(sim, ORDERS)).toHaveLength(1);
	});

	it('a store that ignores the filter and sends an undated order: it is skipped with a warning, not a thrown poll, and the dated changes still come once', async () => {
		const parameters = raw('orderUpdated');
		const staticData: IDataObject = {};
		expect(await poll(sim, { parameters, staticData })).toBeNull();
		const ids = sim.store.list('orders').map((order) => order.id as number);
		undate('orders', ids[1]);
		clock.advance(1_000);
		sim.store.touch('orders', ids[4]);
		sim.options.quirks = { ignoreFilters: true };
		const warn = warnings();

		const changed = emitted(await poll(sim, { parameters, staticData }));

		expect(changed.map((order) => order.id)).toEqual([ids[4]]);
		expect(warn).toHaveBeenCalledWith(
			expect.stringMatching(
				new RegExp(`order\\(s\\) without updated_at skipped \\(id ${ids[1]}\\)`),
			),
		);
		expect(await poll(sim, { parameters, staticData })).toBeNull();
	});
});
