import type { IDataObject } from 'n8n-workflow';

import {
	cartRoverErrorOf,
	cartRoverGetMany,
	configureCartRoverTransport,
	iterateCartRoverPages,
} from '../../../nodes/CartRover/transport';
import {
	cartRoverCredentialData,
	cartRoverRequestLines,
	fastCartRoverTransport,
	startCartRover,
	withCartRoverContext,
	type CartRoverSimulator,
} from '../../helpers/cartRoverKit';
import { failureOf } from '../../helpers/fixtures';
import { sendJson, startHostileServer, type HostileServer } from '../../helpers/hostileServer';

afterAll(() => configureCartRoverTransport('defaults'));

const refs = (records: IDataObject[]) => records.map((record) => record.cust_ref as string);

describe('paging against the simulator', () => {
	let sim: CartRoverSimulator;
	beforeAll(async () => {
		sim = await startCartRover({ orders: 60 });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	const merchant = <T>(body: Parameters<typeof withCartRoverContext<T>>[1]) =>
		withCartRoverContext(cartRoverCredentialData(sim, 'merchant'), body);

	it('Return All reads every order once and stops on the short page', async () => {
		const records = await merchant((ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', pageSize: 25 }),
		);
		expect(new Set(refs(records)).size).toBe(60);
		expect(cartRoverRequestLines(sim)).toEqual([
			'GET /v1/merchant/orders/list/any?limit=25&page=1',
			'GET /v1/merchant/orders/list/any?limit=25&page=2',
			'GET /v1/merchant/orders/list/any?limit=25&page=3',
		]);
	});

	it('a list that ends on a full page stops on the empty page after it', async () => {
		const records = await merchant((ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', pageSize: 20 }),
		);
		expect(records).toHaveLength(60);
		expect(sim.requests).toHaveLength(4);
		expect(sim.requests[3].rawQuery).toBe('limit=20&page=4');
	});

	it('pages of at most 100, whatever is asked', async () => {
		await merchant((ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', pageSize: 250 }),
		);
		expect(sim.requests[0].rawQuery).toBe('limit=100&page=1');
	});

	it('a limit below the page size asks only for what it needs', async () => {
		const records = await merchant((ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', limit: 7 }),
		);
		expect(records).toHaveLength(7);
		expect(cartRoverRequestLines(sim)).toEqual(['GET /v1/merchant/orders/list/any?limit=7&page=1']);
	});

	it('a limit across pages stops as soon as it has enough', async () => {
		const records = await merchant((ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', limit: 30, pageSize: 20 }),
		);
		expect(records).toHaveLength(30);
		expect(sim.requests).toHaveLength(2);
	});

	it('the caller’s filters go with every page, page and limit last', async () => {
		await merchant((ctx) =>
			cartRoverGetMany.call(ctx, {
				path: '/merchant/orders/list/shipped_or_confirmed',
				query: { from_date: '2026-01-01T00:00:00+00:00' },
				pageSize: 5,
				limit: 6,
			}),
		);
		expect(sim.requests.map((request) => request.rawQuery)).toEqual([
			'from_date=2026-01-01T00%3A00%3A00%2B00%3A00&limit=5&page=1',
			'from_date=2026-01-01T00%3A00%3A00%2B00%3A00&limit=5&page=2',
		]);
	});

	it('maxPages bounds the iteration', async () => {
		const pages: IDataObject[][] = [];
		await merchant(async (ctx) => {
			for await (const page of iterateCartRoverPages.call(ctx, {
				path: '/merchant/orders/list/any',
				pageSize: 10,
				maxPages: 2,
			}))
				pages.push(page);
		});
		expect(pages.map((page) => page.length)).toEqual([10, 10]);
		expect(sim.requests).toHaveLength(2);
	});

	it('an empty list is one request and no records', async () => {
		const records = await merchant((ctx) =>
			cartRoverGetMany.call(ctx, {
				path: '/merchant/orders/list/any',
				query: { from_date: '2099-01-01' },
			}),
		);
		expect(records).toEqual([]);
		expect(sim.requests).toHaveLength(1);
	});
});

describe('a server that ignores page', () => {
	it('fails on the repeated page instead of reading the same records until the bound', async () => {
		const sim = await startCartRover({ quirks: { ignorePage: true } });
		try {
			const error = await failureOf(
				withCartRoverContext(cartRoverCredentialData(sim, 'merchant'), (ctx) =>
					cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any', pageSize: 10 }),
				),
			);
			expect(error.message).toMatch(/page 2 repeats page 1, so the list ignores "page"/);
			expect(sim.requests).toHaveLength(2);
			expect(cartRoverErrorOf(error)?.processId).toBe(sim.requests[1].processId);
		} finally {
			await sim.close();
		}
	});
});

describe('pages that never end', () => {
	let server: HostileServer;
	let respond: (page: number) => unknown;
	beforeAll(async () => {
		server = await startHostileServer('127.0.0.1', (request, res) => {
			const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
			sendJson(res, 200, respond(page));
		});
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		fastCartRoverTransport();
		server.requests.length = 0;
	});
	const creds = () => ({ apiUser: 'u', apiKey: 'k', apiLevel: 'merchant', apiUrl: server.url });

	it('Return All over a list that never ends fails at the bound (1,000 pages)', async () => {
		respond = (page) => ({
			success_code: true,
			response: Array.from({ length: 100 }, (_, index) => ({ cust_ref: `P${page}-${index}` })),
		});
		// No hits-remaining header here: one call at a time; a fast leak keeps the test short.
		fastCartRoverTransport({ bucketLeakMs: 1 });
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any' }),
			),
		);
		expect(error.message).toMatch(/did not end within 1000 pages of 100/);
		expect(server.requests).toHaveLength(1000);
	}, 60_000);

	it.each([
		['a response that is not a list', { success_code: true, response: { total: 3 } }],
		['a list of non-records', { success_code: true, response: [1, 2, 3] }],
	])('%s is an error, not an empty page', async (_label, body) => {
		respond = () => body;
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any' }),
			),
		);
		expect(error.message).toMatch(/its response is not a list of records/);
	});

	it.each([
		['null', null],
		['{}', {}],
		['no response at all', undefined],
	])('a response of %s is the end of the list', async (_label, response) => {
		respond = (page) =>
			page === 1
				? {
						success_code: true,
						response: Array.from({ length: 100 }, (_, i) => ({ cust_ref: `A${i}` })),
					}
				: { success_code: true, response };
		const records = await withCartRoverContext(creds(), (ctx) =>
			cartRoverGetMany.call(ctx, { path: '/merchant/orders/list/any' }),
		);
		expect(records).toHaveLength(100);
		expect(server.requests).toHaveLength(2);
	});
});
