/**
 * CartRover Trigger when n8n's clock and CartRover's disagree: the first poll's "now" comes from
 * CartRover's Date header (RFC 9110 §6.6.1), later cursors from CartRover's own order dates.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CartRoverSimulator } from '../../simulator/cartRover';
import {
	createOrder,
	fastTransport,
	poll,
	restoreTransport,
	SimClock,
	startSim,
	stateOf,
	transitionsEmitted,
} from './harness';

const HOUR = 3_600_000;

describe('CartRover Trigger: clock skew', () => {
	let sim: CartRoverSimulator | undefined;

	beforeAll(fastTransport);
	afterAll(restoreTransport);
	afterEach(async () => {
		await sim?.close();
		sim = undefined;
	});

	async function activated(s: CartRoverSimulator, parameters: INodeParameters) {
		const staticData: IDataObject = {};
		expect(await poll(s, { parameters, staticData })).toBeNull();
		return staticData;
	}

	it.each([
		['ahead of', 2 * HOUR],
		['behind', -2 * HOUR],
	])(
		'CartRover’s clock %s n8n’s: "now" comes from its Date header, and nothing is missed or replayed',
		async (_label, offset) => {
			const clock = new SimClock(Math.floor((Date.now() + offset) / 1000) * 1000);
			sim = await startSim(clock);
			await createOrder(sim, 'OLD-1');
			clock.advance(2000);
			const parameters = { events: ['new'] };
			const staticData = await activated(sim, parameters);
			expect(stateOf(staticData).f).toBe(clock.seconds);
			clock.advance(1000);
			await createOrder(sim, 'NEW-1');
			clock.advance(60_000);
			expect(transitionsEmitted(await poll(sim, { parameters, staticData }))).toEqual([
				'NEW-1@new',
			]);
		},
	);
});
