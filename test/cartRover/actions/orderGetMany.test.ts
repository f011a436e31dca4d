import { NodeOperationError } from 'n8n-workflow';

import { CART_SOURCE, OTHER_SOURCE, statusDate } from '../../simulator/cartRover';
import {
	jsonOf,
	linesOf,
	pairedIndexes,
	routesOf,
	run,
	runFailing,
	startSim,
	type Sim,
} from './kit';

describe('CartRover Order → Get Many', () => {
	let sim: Sim;
	beforeAll(async () => {
		sim = await startSim({ orders: 330 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const orders = () => [...sim.orders.values()].sort((a, b) => a.record_no - b.record_no);
	const ownOrders = () => orders().filter((order) => order.order_source === CART_SOURCE);

	it('Return All pages through more than 100 orders, 100 at a time, until a short page', async () => {
		const expected = ownOrders();
		expect(expected.length).toBeGreaterThan(100);

		const items = await run(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			returnAll: true,
		});

		const pages = Math.floor(expected.length / 100) + 1;
		expect(linesOf(sim.requests)).toEqual(
			Array.from(
				{ length: pages },
				(_unused, index) => `GET /cart/orders/list/any?limit=100&page=${index + 1}`,
			),
		);
		expect(jsonOf(items).map((json) => json.cust_ref)).toEqual(
			expected.map((order) => order.cust_ref),
		);
		expect(new Set(pairedIndexes(items))).toEqual(new Set([0]));
	});

	it('Limit stops at the limit, asking no more than it needs', async () => {
		const items = await run(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			limit: 150,
		});

		expect(linesOf(sim.requests)).toEqual([
			'GET /cart/orders/list/any?limit=100&page=1',
			'GET /cart/orders/list/any?limit=100&page=2',
		]);
		expect(jsonOf(items).map((json) => json.cust_ref)).toEqual(
			ownOrders()
				.slice(0, 150)
				.map((order) => order.cust_ref),
		);
	});

	it('sends the + of a date offset as %2B, and the server filters on the instant it means', async () => {
		const news = orders().filter((order) => order.order_status === 'new');
		const middle = news[Math.floor(news.length / 2)];
		// The same instant written in UTC+02:00, e.g. 2026-11-20T10:00:00Z → 2026-11-20T12:00:00+02:00.
		const instant = new Date(statusDate(middle));
		const local = new Date(instant.getTime() + 2 * 3600_000).toISOString().slice(0, 19);
		const fromDate = `${local}+02:00`;

		const items = await run(
			sim,
			{
				resource: 'order',
				operation: 'getAll',
				status: 'new',
				returnAll: true,
				filters: { fromDate },
			},
			{ level: 'merchant' },
		);

		const [request] = sim.requests;
		expect(request.rawQuery).toContain(`from_date=${local.replace(/:/g, '%3A')}%2B02%3A00`);
		expect(request.query.from_date).toBe(fromDate);
		const expected = news.filter((order) => Date.parse(statusDate(order)) >= instant.getTime());
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(news.length);
		expect(jsonOf(items).map((json) => json.cust_ref)).toEqual(
			expected.map((order) => order.cust_ref),
		);
	});

	it('a date without an offset is read in the workflow time zone and sent with its offset', async () => {
		await run(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'shipped',
			limit: 5,
			filters: { fromDate: '2026-01-15T08:30:00', toDate: '2026-07-15T08:30:00' },
		});
		// The test workflow runs in n8n's default zone, America/New_York (winter −05:00, summer −04:00).
		expect(sim.requests[0].query).toMatchObject({
			from_date: '2026-01-15T08:30:00-05:00',
			to_date: '2026-07-15T08:30:00-04:00',
		});
	});

	it('with Merchant keys lists every order source, or only the one asked', async () => {
		const all = await run(
			sim,
			{ resource: 'order', operation: 'getAll', status: 'new_or_at_wms', returnAll: true },
			{ level: 'merchant' },
		);
		const sources = new Set(jsonOf(all).map((json) => json.order_source));
		expect(sources).toEqual(new Set([CART_SOURCE, OTHER_SOURCE]));
		expect(routesOf(sim.requests)[0]).toBe('GET /merchant/orders/list/new_or_at_wms');

		sim.clearRequests();
		const one = await run(
			sim,
			{
				resource: 'order',
				operation: 'getAll',
				status: 'new_or_at_wms',
				returnAll: true,
				filters: { orderSource: OTHER_SOURCE },
			},
			{ level: 'merchant' },
		);
		expect(sim.requests[0].query.order_source).toBe(OTHER_SOURCE);
		expect(new Set(jsonOf(one).map((json) => json.order_source))).toEqual(new Set([OTHER_SOURCE]));
		expect(
			jsonOf(one).every((json) => ['new', 'at_wms'].includes(json.order_status as string)),
		).toBe(true);
	});

	it('refuses an Order Source filter with Cart keys, and a bad date, in one error before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			filters: { orderSource: OTHER_SOURCE, toDate: 'yesterday' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('To Date: "yesterday" is not a valid date');
		expect(error.message).toContain('Order Source: works with Merchant API keys only');
		expect(sim.requests).toEqual([]);
	});

	it('Simplify on gives numbers and booleans; off gives CartRover’s text', async () => {
		const [simple] = await run(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			limit: 1,
		});
		const [raw] = await run(sim, {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			limit: 1,
			simplify: false,
		});

		expect(typeof raw.json.grand_total).toBe('string');
		expect(raw.json.on_hold).toBe('N');
		expect(simple.json.grand_total).toBe(Number(raw.json.grand_total));
		expect(simple.json.total_qty).toBe(Number(raw.json.total_qty));
		expect(simple.json.on_hold).toBe(false);
		const [line] = simple.json.items as Array<Record<string, unknown>>;
		expect(typeof line.quantity).toBe('number');
		expect(typeof line.price).toBe('number');
	});
});
