import { DateTime } from 'luxon';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { configureTransport } from '../../nodes/CartCom/transport';
import { runNode } from '../helpers/n8n';
import {
	failureOf,
	requestLines,
	routerCredentials,
	servedRequests,
	startStore,
	tokenCredentials,
	type Simulator,
} from '../helpers/fixtures';

const ORDER_COUNT = 2600;

/** Create-order parameters that point at records the store really has. */
function validOrderFields(sim: Simulator) {
	const order = sim.store.list('orders')[0];
	return {
		customerId: order.customer_id as number,
		orderStatusId: order.order_status_id as number,
		orderBillingAddressId: order.order_billing_address_id as number,
		orderShippingAddressId: order.order_shipping_address_id as number,
	};
}
const node = new CartCom();
const ids = (items: Array<{ json: Record<string, unknown> }>) =>
	items.map((item) => item.json.id as number);

function expectEachExactlyOnce(actual: number[], expected: number[]) {
	expect(new Set(actual).size).toBe(actual.length);
	expect([...actual].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
}

describe.each([
	['access token', tokenCredentials, {}],
	['central API router', routerCredentials, { authentication: 'centralApiRouter' }],
] as const)('Return All over %s', (_label, credentialsFor, authParameters) => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: ORDER_COUNT, customers: 60, products: 40 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it(`returns each of the ${ORDER_COUNT} orders exactly once across pages`, async () => {
		const items = await runNode(node, {
			parameters: {
				...authParameters,
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				options: { pageSize: 250 },
			},
			credentials: credentialsFor(sim),
		});
		expectEachExactlyOnce(
			ids(items),
			sim.store.list('orders').map((order) => order.id as number),
		);
		// 2,600 records at 250 a page: 11 pages, and no request past the last one.
		expect(servedRequests(sim, 'GET')).toHaveLength(11);
		expect(sim.requests.map((request) => request.query.get('page'))).toEqual(
			Array.from({ length: 11 }, (_v, index) => String(index + 1)),
		);
		expect(
			items.every(
				(item, index) =>
					item.pairedItem && (item.pairedItem as { item: number }).item === 0 && index >= 0,
			),
		).toBe(true);
	});

	it('returns each matching order exactly once with a date filter and a custom filter', async () => {
		const orders = sim.store.list('orders');
		const instants = orders
			.map((order) => DateTime.fromISO(order.updated_at as string).toMillis())
			.sort((a, b) => a - b);
		const since = DateTime.fromMillis(instants[Math.floor(instants.length / 3)]).setZone(
			'America/Chicago',
		);
		const expected = orders
			.filter(
				(order) =>
					DateTime.fromISO(order.updated_at as string) >= since &&
					(order.grand_total as number) > 50,
			)
			.map((order) => order.id as number);
		expect(expected.length).toBeGreaterThan(500);

		const items = await runNode(node, {
			parameters: {
				...authParameters,
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { updatedAfter: since.toISO() },
				customFilters: { conditions: [{ field: 'grand_total', operator: 'gt', value: '50' }] },
			},
			credentials: credentialsFor(sim),
		});
		expectEachExactlyOnce(ids(items), expected);
		const first = sim.requests[0];
		expect(first.query.get('updated_at')).toBe(`gte:${since.toUTC().toISO()}`);
		expect(first.query.get('grand_total')).toBe('gt:50');
		// The query is form-encoded, as the router signature expects (`:` → %3A).
		expect(first.rawQuery).toContain('updated_at=gte%3A');
	});

	it('honours Limit with the fewest requests', async () => {
		const items = await runNode(node, {
			parameters: {
				...authParameters,
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 130,
			},
			credentials: credentialsFor(sim),
		});
		expect(items).toHaveLength(130);
		expect(requestLines(sim).map((line) => line.replace(/.*\?/, ''))).toEqual([
			'sort=-id&count=130&page=1',
		]);
	});
});

describe('faults', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: ORDER_COUNT, customers: 60, products: 40 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		sim.clearRequests();
		sim.options.faults = {};
	});

	it('a Return All under injected 429s, 500/503s, resets and malformed bodies loses and duplicates nothing', async () => {
		sim.options.faults = {
			errorRate: 0.12,
			rateLimitRate: 0.05,
			resetRate: 0.08,
			malformedRate: 0.06,
		};
		configureTransport({ maxRetries: 12 });
		const items = await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				options: { pageSize: 50 },
			},
			credentials: tokenCredentials(sim),
		});
		configureTransport({ maxRetries: 5 });
		expectEachExactlyOnce(
			ids(items),
			sim.store.list('orders').map((order) => order.id as number),
		);
		const statuses = sim.requests.map((request) => request.status);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
		expect(statuses.filter((status) => status >= 500).length).toBeGreaterThan(0);
		expect(statuses.filter((status) => status === 0).length).toBeGreaterThan(0);
	});

	it('a 429 honours Retry-After given as an HTTP date', async () => {
		// HTTP dates have whole seconds: two seconds ahead is at least one second of waiting.
		const inTwoSeconds = DateTime.utc().plus({ seconds: 2 }).toHTTP();
		sim.scriptFaults([{ status: 429, retryAfter: inTwoSeconds ?? '2' }]);
		const started = Date.now();
		const items = await runNode(node, {
			parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 5 },
			credentials: tokenCredentials(sim),
		});
		expect(items).toHaveLength(5);
		expect(sim.requests.map((request) => request.status)).toEqual([429, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('a POST that got a 500 is not sent again, and the error says the write may have happened', async () => {
		const before = sim.store.writeCount('customers');
		sim.scriptFaults([{ match: { method: 'POST' }, status: 500, applyWrite: true }]);
		const error = await failureOf(
			runNode(node, {
				parameters: {
					resource: 'order',
					operation: 'create',
					...validOrderFields(sim),
				},
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error.httpCode).toBe('500');
		expect(error.description).toMatch(/writes are not/i);
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sim.store.writeCount('orders')).toBeGreaterThan(0);
		expect(sim.store.writeCount('customers')).toBe(before);
	});

	it('a POST whose connection was reset is not sent again', async () => {
		const writesBefore = sim.store.writeCount('orders');
		sim.scriptFaults([{ match: { method: 'POST' }, reset: true, applyWrite: true }]);
		const error = await failureOf(
			runNode(node, {
				parameters: { resource: 'order', operation: 'create', ...validOrderFields(sim) },
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error.description).toMatch(/may already have been applied/);
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sim.store.writeCount('orders')).toBe(writesBefore + 1);
	});

	it('a POST that got a 429 was not processed, so it is sent again and written once', async () => {
		const writesBefore = sim.store.writeCount('orders');
		sim.scriptFaults([{ match: { method: 'POST' }, status: 429, retryAfter: '0' }]);
		const items = await runNode(node, {
			parameters: { resource: 'order', operation: 'create', ...validOrderFields(sim) },
			credentials: tokenCredentials(sim),
		});
		expect(items[0].json.id).toEqual(expect.any(Number));
		expect(
			sim.requests.filter((request) => request.method === 'POST').map((r) => r.status),
		).toEqual([429, 201]);
		expect(sim.store.writeCount('orders')).toBe(writesBefore + 1);
	});

	const someOrderId = () => String(sim.store.list('orders')[3].id);

	it('a PUT that got a 503 is retried (idempotent) and applied', async () => {
		sim.scriptFaults([{ match: { method: 'PUT' }, status: 503 }]);
		const items = await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'update',
				recordId: { mode: 'id', value: someOrderId() },
				updateFields: { adminComments: 'checked' },
			},
			credentials: tokenCredentials(sim),
		});
		expect(items[0].json.admin_comments).toBe('checked');
		expect(sim.requests.filter((request) => request.method === 'PUT').map((r) => r.status)).toEqual(
			[503, 200],
		);
	});

	it('every request asks for fresh data (Cache-Control: no-cache)', async () => {
		await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'get',
				recordId: { mode: 'id', value: someOrderId() },
			},
			credentials: tokenCredentials(sim),
		});
		expect(sim.requests.every((request) => request.headers['cache-control'] === 'no-cache')).toBe(
			true,
		);
	});
});

describe('call budget', () => {
	it('stays under X-AC-Call-Limit: no 429 while paging with a tight limit', async () => {
		const sim = await startStore({
			sizes: { orders: 600 },
			rateLimit: { limit: 4, windowMs: 1000 },
		});
		configureTransport({ callWindowMs: 1000 });
		try {
			const items = await runNode(node, {
				parameters: {
					resource: 'order',
					operation: 'getAll',
					returnAll: true,
					options: { pageSize: 50 },
				},
				credentials: tokenCredentials(sim),
			});
			expect(items).toHaveLength(600);
			expect(sim.requests.filter((request) => request.status === 429)).toHaveLength(0);
			expect(sim.requests).toHaveLength(12);
			// 12 calls at 4 per second cannot finish in under 2 seconds.
			const span = sim.requests[11].at - sim.requests[0].at;
			expect(span).toBeGreaterThanOrEqual(2000);
		} finally {
			configureTransport('defaults');
			await sim.stop();
		}
	});
});

describe('secrets', () => {
	it('never appear in outputs or errors, even with continueOnFail', async () => {
		const sim = await startStore({ accessToken: 'tok-SECRET-abcdef' });
		try {
			sim.scriptFaults([
				{ status: 500 },
				{ status: 500 },
				{ status: 500 },
				{ status: 500 },
				{ status: 500 },
				{ status: 500 },
			]);
			const items = await runNode(node, {
				parameters: { resource: 'order', operation: 'get', recordId: { mode: 'id', value: '1' } },
				credentials: tokenCredentials(sim),
				input: [{}, {}],
				continueOnFail: true,
			});
			expect(items[0].json.error).toMatch(/500/);
			const everything = JSON.stringify(items);
			expect(everything).not.toContain('tok-SECRET-abcdef');
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		} finally {
			await sim.stop();
		}
	});
});
