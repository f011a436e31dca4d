import type { IDataObject } from 'n8n-workflow';

import {
	cartRoverErrorOf,
	cartRoverRequest,
	configureCartRoverTransport,
	isAmbiguousWriteFailure,
	type CartRoverRequestOptions,
} from '../../../nodes/CartRover/transport';
import {
	cartRoverCredentialData,
	fastCartRoverTransport,
	rateLimitRefusals,
	startCartRover,
	withCartRoverContext,
	type CartRoverLevel,
	type CartRoverSimulator,
} from '../../helpers/cartRoverKit';
import { failureOf, type NodeFailure } from '../../helpers/fixtures';
import { sendJson, startHostileServer, type HostileServer } from '../../helpers/hostileServer';

afterAll(() => configureCartRoverTransport('defaults'));

function newOrder(custRef: string): IDataObject {
	return {
		cust_ref: custRef,
		ship_address_1: '1 Main St',
		ship_city: 'Austin',
		ship_zip: '78701',
		ship_country: 'US',
		items: [{ item: 'SKU-001', quantity: 2, price: 5 }],
	};
}

const CREATE = (custRef: string): CartRoverRequestOptions => ({
	method: 'POST',
	path: '/cart/orders/cartrover',
	body: newOrder(custRef),
	rateLimited: false,
});

function call(sim: { url: string; keys: CartRoverSimulator['keys'] }, level: CartRoverLevel) {
	return (options: CartRoverRequestOptions) =>
		withCartRoverContext(cartRoverCredentialData(sim, level), (ctx) =>
			cartRoverRequest.call(ctx, options),
		);
}

/** Every form a secret of this credential could take in an error. */
function secretForms(user: string, key: string): string[] {
	const basic = Buffer.from(`${user}:${key}`).toString('base64');
	return [key, basic, basic.replace(/=+$/, ''), encodeURIComponent(key)];
}

function expectNoSecret(error: NodeFailure, user: string, key: string) {
	const text = `${error.message} ${error.description} ${JSON.stringify(error)}`;
	for (const form of secretForms(user, key)) expect(text).not.toContain(form);
	expect(text).not.toMatch(/Basic\s+[A-Za-z0-9+/=]{8,}/);
}

describe('CartRover errors, on HTTP 200 or not', () => {
	let sim: CartRoverSimulator;
	let httpSim: CartRoverSimulator;
	beforeAll(async () => {
		sim = await startCartRover({
			keys: { merchant: { user: 'merchant-user', key: 'k3y+with/odd=chars' } },
		});
		httpSim = await startCartRover({ errorStatus: 'http' });
	});
	afterAll(async () => {
		await sim.close();
		await httpSim.close();
	});

	it('an Invalid answer with HTTP 200 is an error with error_code, message and process id, and no secret', async () => {
		const error = await failureOf(
			call(sim, 'merchant')({ method: 'GET', path: '/merchant/orders/NO-SUCH-ORDER' }),
		);
		const served = sim.requests[sim.requests.length - 1];
		expect(served.status).toBe(200);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(
			`CartRover GET /merchant/orders/NO-SUCH-ORDER failed: Order not found: NO-SUCH-ORDER (error_code Invalid, process id ${served.processId})`,
		);
		expect(error.description).toContain(`X-CartRover-Process-ID: ${served.processId}`);
		expect(cartRoverErrorOf(error)).toEqual({
			errorCode: 'Invalid',
			message: 'Order not found: NO-SUCH-ORDER',
			processId: served.processId,
		});
		expectNoSecret(error, 'merchant-user', 'k3y+with/odd=chars');
	});

	it('an Invalid answer is not retried (it will not change)', async () => {
		sim.clearRequests();
		await failureOf(call(sim, 'merchant')({ method: 'GET', path: '/merchant/orders/NOPE' }));
		expect(sim.requests).toHaveLength(1);
	});

	it('CartRover’s message stays even when it contains a Node error code n8n would reword', async () => {
		const error = await failureOf(
			call(sim, 'merchant')({ method: 'GET', path: '/merchant/orders/EPERM-ECONNREFUSED' }),
		);
		expect(error.message).toMatch(
			/^CartRover GET \/merchant\/orders\/EPERM-ECONNREFUSED failed: Order not found: EPERM-ECONNREFUSED \(error_code Invalid, process id crsim/,
		);
	});

	it('a duplicate order is a Failure, not retried and not an ambiguous write', async () => {
		await call(sim, 'cart')(CREATE('DUP-1'));
		sim.clearRequests();
		const error = await failureOf(call(sim, 'cart')(CREATE('DUP-1')));
		expect(cartRoverErrorOf(error)).toMatchObject({
			errorCode: 'Failure',
			message: 'OrderDuplicate',
		});
		expect(isAmbiguousWriteFailure(error)).toBe(false);
		expect(sim.requests).toHaveLength(1);
	});

	it('keys of another level: CartRover’s refusal, named with its code, without the key', async () => {
		const creds = { ...cartRoverCredentialData(sim, 'cart'), apiLevel: 'merchant' };
		const error = await failureOf(
			withCartRoverContext(creds, (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/orders/list/any' }),
			),
		);
		expect(cartRoverErrorOf(error)?.errorCode).toBe('Invalid');
		expect(error.message).toMatch(/These API keys are for the cart API/);
		expectNoSecret(error, 'cart-user', 'cart-key');
	});

	it('with HTTP 4xx statuses the same fields are shown, and the status is the httpCode', async () => {
		const error = await failureOf(
			call(httpSim, 'merchant')({ method: 'GET', path: '/merchant/inventory/NOPE' }),
		);
		expect(error.httpCode).toBe('400');
		expect(cartRoverErrorOf(error)).toMatchObject({
			errorCode: 'Invalid',
			message: 'SKU not found: NOPE',
		});
		expect(cartRoverErrorOf(error)?.processId).toMatch(/^crsim/);
	});

	it('a wrong key with HTTP 401 is an error without the key in any encoding', async () => {
		const creds = { ...cartRoverCredentialData(httpSim, 'merchant'), apiKey: 'wrong-secret-key' };
		const error = await failureOf(
			withCartRoverContext(creds, (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/Invalid API User or API Key/);
		expectNoSecret(error, 'merchant-user', 'wrong-secret-key');
	});

	it('a bad API URL is refused before any request is sent', async () => {
		sim.clearRequests();
		const creds = { ...cartRoverCredentialData(sim, 'merchant'), apiUrl: `${sim.url}/shop` };
		const error = await failureOf(
			withCartRoverContext(creds, (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(
			/Invalid CartRover credential: API URL must be the API's address only/,
		);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('query and path encoding', () => {
	let sim: CartRoverSimulator;
	beforeAll(async () => {
		sim = await startCartRover();
	});
	afterAll(async () => await sim.close());

	it('a + in a query value goes out as %2B, so the server reads the offset', async () => {
		sim.clearRequests();
		const fromDate = '2026-11-20T05:00:00+05:00';
		await call(
			sim,
			'merchant',
		)({
			method: 'GET',
			path: '/merchant/orders/list/any',
			query: { from_date: fromDate, limit: 1 },
		});
		const [request] = sim.requests;
		expect(request.rawQuery).toBe('from_date=2026-11-20T05%3A00%3A00%2B05%3A00&limit=1');
		expect(request.query.from_date).toBe(fromDate);
	});

	it('a SKU with / and + reaches its record when encoded with pathSegment', async () => {
		const { pathSegment } = await import('../../../nodes/CartRover/transport');
		const answer = await call(
			sim,
			'merchant',
		)({
			method: 'GET',
			path: `/merchant/product/${pathSegment('TEE/RED+L')}`,
		});
		expect((answer.response as IDataObject).sku).toBe('TEE/RED+L');
	});

	it('a path with a query in it is refused (the query has its own encoding)', async () => {
		const error = await failureOf(
			call(sim, 'merchant')({ method: 'GET', path: '/merchant/inventory?limit=1' }),
		);
		expect(error.message).toMatch(/carry no query/);
	});
});

describe('the leaky bucket', () => {
	it('a burst of 300 reads draws no RateLimit from a bucket of 10 that drains every 20 ms', async () => {
		const sim = await startCartRover();
		try {
			const started = performance.now();
			const results = await withCartRoverContext(cartRoverCredentialData(sim, 'merchant'), (ctx) =>
				Promise.all(
					Array.from({ length: 300 }, (_, index) =>
						cartRoverRequest.call(ctx, {
							method: 'GET',
							path: '/merchant/inventory',
							query: { limit: 1, page: (index % 24) + 1 },
						}),
					),
				),
			);
			const elapsedMs = performance.now() - started;
			expect(results).toHaveLength(300);
			expect(rateLimitRefusals(sim)).toBe(0);
			expect(sim.requests).toHaveLength(300);
			// 300 calls through a bucket of 10 draining one per 20 ms cannot take less than ~5.8 s.
			expect(elapsedMs).toBeGreaterThan(290 * 20 * 0.9);
			console.log(
				`300 reads through the 10/20 ms bucket: ${Math.round(elapsedMs)} ms, 0 RateLimit`,
			);
		} finally {
			await sim.close();
		}
	});

	it('a RateLimit on a read (another app emptied the bucket) is waited out and retried', async () => {
		const sim = await startCartRover({ bucket: { capacity: 3, leakMs: 100 } });
		try {
			// Another app on the same keys takes the whole bucket just before the node's reads.
			const auth = `Basic ${Buffer.from('merchant-user:merchant-key').toString('base64')}`;
			for (let i = 0; i < 3; i++)
				await fetch(`${sim.url}/v1/merchant/inventory`, { headers: { Authorization: auth } });
			sim.clearRequests();
			const reads = await withCartRoverContext(cartRoverCredentialData(sim, 'merchant'), (ctx) =>
				Promise.all(
					Array.from({ length: 5 }, () =>
						cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
					),
				),
			);
			expect(reads).toHaveLength(5);
			expect(rateLimitRefusals(sim)).toBeGreaterThan(0);
			expect(sim.requests.filter((request) => request.errorCode === undefined)).toHaveLength(5);
		} finally {
			await sim.close();
		}
	});

	it('a POST refused with RateLimit was not applied, so it is sent again, and applied once', async () => {
		const sim = await startCartRover({ bucket: { capacity: 1, leakMs: 150 } });
		try {
			const cart = call(sim, 'cart');
			await cart({ method: 'GET', path: '/cart/orders/list/new', query: { limit: 1 } });
			sim.clearRequests();
			fastCartRoverTransport({ bucketCapacity: 50 }); // the client does not know the bucket is full
			const answer = await cart({
				method: 'POST',
				path: '/cart/orders/batch',
				body: [newOrder('BATCH-RL-1')],
			});
			expect(answer.response).toEqual({
				success: [{ cust_ref: 'BATCH-RL-1', cust_po_no: null }],
				failed: [],
			});
			expect(sim.requests.map((request) => request.errorCode)).toEqual(
				expect.arrayContaining(['RateLimit', undefined]),
			);
			expect(sim.requests[sim.requests.length - 1].errorCode).toBeUndefined();
			expect(sim.orders.has('BATCH-RL-1')).toBe(true);
		} finally {
			fastCartRoverTransport();
			await sim.close();
		}
	});

	it('new-order create takes no slot: 30 creates neither wait on nor fill the bucket', async () => {
		const sim = await startCartRover({ bucket: { capacity: 10, leakMs: 1000 } });
		try {
			fastCartRoverTransport({ bucketCapacity: 10, bucketLeakMs: 1000 });
			const cart = call(sim, 'cart');
			const started = performance.now();
			await withCartRoverContext(cartRoverCredentialData(sim, 'cart'), (ctx) =>
				Promise.all(
					Array.from({ length: 30 }, (_, index) =>
						cartRoverRequest.call(ctx, CREATE(`FREE-${index}`)),
					),
				),
			);
			// Counted in a 10-call bucket draining 1/s, 30 calls would need 20 s.
			expect(performance.now() - started).toBeLessThan(5000);
			const creates = sim.requests.filter(
				(request) => request.path === '/v1/cart/orders/cartrover',
			);
			expect(creates).toHaveLength(30);
			expect(creates.every((request) => request.errorCode === undefined)).toBe(true);
			sim.clearRequests();
			await cart({ method: 'GET', path: '/cart/orders/list/new', query: { limit: 1 } });
			expect(rateLimitRefusals(sim)).toBe(0);
		} finally {
			fastCartRoverTransport();
			await sim.close();
		}
	});
});

describe('answers that are not CartRover envelopes', () => {
	let server: HostileServer;
	let reply: (
		url: string,
		method: string,
	) => { status: number; body: unknown; headers?: Record<string, string> };
	const creds = () => ({
		apiUser: 'u',
		apiKey: 'hostile-secret',
		apiLevel: 'merchant',
		apiUrl: server.url,
	});
	beforeAll(async () => {
		server = await startHostileServer('127.0.0.1', (request, res) => {
			const { status, body, headers } = reply(request.url, request.method);
			if (typeof body === 'string') {
				res.writeHead(status, { 'Content-Type': 'text/html', ...headers });
				res.end(body);
			} else sendJson(res, status, body, headers);
		});
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		fastCartRoverTransport();
		server.requests.length = 0;
	});

	it('an HTML 200 to a read is retried, then an error with the process id', async () => {
		reply = () => ({
			status: 200,
			body: '<html>maintenance</html>',
			headers: { 'X-CartRover-Process-ID': 'html-1' },
		});
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(server.requests).toHaveLength(6);
		expect(error.message).toMatch(/without a CartRover envelope .*process id html-1/);
	});

	it('an HTML 200 to a write is not repeated and may have been applied', async () => {
		reply = () => ({ status: 200, body: '' });
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'POST', path: '/cart/orders/update/A1', body: {} }),
			),
		);
		expect(server.requests).toHaveLength(1);
		expect(isAmbiguousWriteFailure(error)).toBe(true);
	});

	it('a 5xx to a write is not repeated and may have been applied; to a read it is retried', async () => {
		reply = () => ({ status: 503, body: 'busy' });
		const write = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'POST', path: '/cart/orders/batch', body: [] }),
			),
		);
		expect(server.requests).toHaveLength(1);
		expect(isAmbiguousWriteFailure(write)).toBe(true);
		server.requests.length = 0;
		await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(server.requests).toHaveLength(6);
	});

	it('a 5xx then a success: the read gets the success', async () => {
		let count = 0;
		reply = () =>
			++count === 1
				? { status: 500, body: 'oops' }
				: { status: 200, body: { success_code: true, response: [{ sku: 'A' }] } };
		const answer = await withCartRoverContext(creds(), (ctx) =>
			cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
		);
		expect(answer.response).toEqual([{ sku: 'A' }]);
	});

	it('the Authorization header is HTTP Basic api_user:api_key, and never appears in an error', async () => {
		reply = () => ({
			status: 200,
			body: { success_code: false, error_code: 'Failure', message: 'echo' },
		});
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(server.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from('u:hostile-secret').toString('base64')}`,
		);
		expectNoSecret(error, 'u', 'hostile-secret');
	});

	it('an echoed key in CartRover’s message is redacted, in every encoding', async () => {
		const basic = Buffer.from('u:hostile-secret').toString('base64');
		reply = () => ({
			status: 200,
			body: {
				success_code: false,
				error_code: 'Invalid',
				message: `bad key hostile-secret (Authorization: Basic ${basic})`,
			},
		});
		const error = await failureOf(
			withCartRoverContext(creds(), (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/merchant/inventory' }),
			),
		);
		expect(error.message).toContain('bad key ***');
		expectNoSecret(error, 'u', 'hostile-secret');
		expect(cartRoverErrorOf(error)?.message).not.toContain('hostile-secret');
	});
});

describe('a service that cannot be reached', () => {
	it('a read is retried and fails naming the cause; a write that never left is not ambiguous', async () => {
		fastCartRoverTransport();
		const closed = await startHostileServer('127.0.0.1', (_request, res) => {
			res.destroy();
		});
		const url = closed.url;
		await closed.stop();
		const creds = { apiUser: 'u', apiKey: 'k', apiLevel: 'cart', apiUrl: url };
		const read = await failureOf(
			withCartRoverContext(creds, (ctx) =>
				cartRoverRequest.call(ctx, { method: 'GET', path: '/cart/orders/list/new' }),
			),
		);
		expect(read.message).toMatch(/could not be completed \(ECONNREFUSED\)/);
		expect(read.description).toMatch(/after 6 attempt\(s\)/);
		const write = await failureOf(
			withCartRoverContext(creds, (ctx) => cartRoverRequest.call(ctx, CREATE('NEVER-SENT'))),
		);
		expect(isAmbiguousWriteFailure(write)).toBe(false);
	});

	it('a connection reset during a write is not repeated and may have been applied', async () => {
		fastCartRoverTransport();
		const resetting = await startHostileServer('127.0.0.1', (_request, res) => {
			res.destroy();
		});
		try {
			const creds = { apiUser: 'u', apiKey: 'k', apiLevel: 'cart', apiUrl: resetting.url };
			const error = await failureOf(
				withCartRoverContext(creds, (ctx) => cartRoverRequest.call(ctx, CREATE('RESET-1'))),
			);
			expect(resetting.requests).toHaveLength(1);
			expect(isAmbiguousWriteFailure(error)).toBe(true);
			expect(error.description).toMatch(/may already have been applied/);
		} finally {
			await resetting.stop();
		}
	});
});

describe('redirects are never followed', () => {
	let target: HostileServer;
	let redirector: HostileServer;
	beforeAll(async () => {
		// The second loopback address stands for another host.
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, { success_code: true, response: [] }),
		);
		redirector = await startHostileServer('127.0.0.1', (request, res) => {
			res.writeHead(302, {
				Location: `${target.url}${request.url}`,
				'X-CartRover-Process-ID': 'r-1',
			});
			res.end();
		});
	});
	afterAll(async () => {
		await target.stop();
		await redirector.stop();
	});
	beforeEach(() => {
		fastCartRoverTransport();
		target.requests.length = 0;
		redirector.requests.length = 0;
	});

	const creds = () => ({
		apiUser: 'u',
		apiKey: 'redirect-secret',
		apiLevel: 'cart',
		apiUrl: redirector.url,
	});

	it.each([
		['a read', { method: 'GET', path: '/cart/orders/list/new' }],
		[
			'a write',
			{ method: 'POST', path: '/cart/orders/cartrover', body: newOrder('R1'), rateLimited: false },
		],
	] as Array<[string, CartRoverRequestOptions]>)(
		'%s stops at the redirect and sends nothing to its host',
		async (_label, options) => {
			const error = await failureOf(
				withCartRoverContext(creds(), (ctx) => cartRoverRequest.call(ctx, options)),
			);
			expect(error.message).toMatch(
				/answered with a redirect \(302\) to http:\/\/127\.0\.0\.2:\d+; check API URL/,
			);
			expect(error.message).toContain('process id r-1');
			expect(redirector.requests).toHaveLength(1);
			expect(target.requests).toHaveLength(0);
			expectNoSecret(error, 'u', 'redirect-secret');
		},
	);
});
