import type { IHttpRequestOptions } from 'n8n-workflow';

import { CartRoverApi } from '../../credentials/CartRoverApi.credentials';
import {
	CartRoverCredentialError,
	normalizeCartRoverUrl,
	parseCartRoverCredentials,
} from '../../credentials/common/cartRoverAuth';
import {
	cartRoverCredentialData,
	cartRoverRequestLines,
	runCartRoverCredentialTest,
	startCartRover,
	type CartRoverSimulator,
} from '../helpers/cartRoverKit';
import { sendJson, startHostileServer, type HostileServer } from '../helpers/hostileServer';

describe('API URL', () => {
	it.each([
		[undefined, 'https://api.cartrover.com'],
		['', 'https://api.cartrover.com'],
		['https://api.cartrover.com/', 'https://api.cartrover.com'],
		['https://api.cartrover.com/v1', 'https://api.cartrover.com'],
		['  HTTPS://API.CartRover.com/v1/ ', 'https://api.cartrover.com'],
		['api.cartrover.com', 'https://api.cartrover.com'],
		['http://127.0.0.1:4011', 'http://127.0.0.1:4011'],
		['http://localhost:4011/v1', 'http://localhost:4011'],
	])('%j → %s', (input, expected) => {
		expect(normalizeCartRoverUrl(input)).toBe(expected);
	});

	it.each([
		['http://api.cartrover.com', /only accepted for a local test server/],
		['ftp://api.cartrover.com', /https/],
		['https://api.cartrover.com/v1/cart', /without a path/],
		['https://api.cartrover.com/?a=1', /query/],
		['https://user:pw@api.cartrover.com', /user name or password/],
		['https://api cartrover.com', /spaces/],
		['https://exa_mple..com', /invalid host name/],
	])('refuses %j', (input, message) => {
		expect(() => normalizeCartRoverUrl(input)).toThrow(CartRoverCredentialError);
		expect(() => normalizeCartRoverUrl(input)).toThrow(message);
	});
});

describe('credential fields', () => {
	const valid = { apiUser: 'u', apiKey: 'k', apiLevel: 'merchant' };

	it('reads the fields and the level', () => {
		expect(parseCartRoverCredentials({ ...valid, apiUrl: '' })).toEqual({
			apiUser: 'u',
			apiKey: 'k',
			level: 'merchant',
			baseUrl: 'https://api.cartrover.com',
		});
	});

	it.each([
		[{ ...valid, apiKey: ' ' }, 'API Key', /API Key is required/],
		[{ ...valid, apiUser: undefined }, 'API User', /API User is required/],
		[{ ...valid, apiUser: 'a:b' }, 'API User', /must not contain ":"/],
		[{ ...valid, apiLevel: 'master' }, 'API Level', /Cart, Merchant or Warehouse/],
		[{ ...valid, apiUrl: 'http://example.com' }, 'API URL', /https/],
	])('%j names the field %s', (data, field, message) => {
		try {
			parseCartRoverCredentials(data);
			throw new Error('accepted');
		} catch (error) {
			expect(error).toBeInstanceOf(CartRoverCredentialError);
			expect((error as CartRoverCredentialError).field).toBe(field);
			expect((error as Error).message).toMatch(message);
		}
	});
});

describe('authenticate', () => {
	const credential = new CartRoverApi();
	const data = { apiUser: 'user', apiKey: 'se+cret', apiLevel: 'cart', apiUrl: '' };
	const sign = (request: IHttpRequestOptions) => credential.authenticate(data, request);

	it('adds HTTP Basic api_user:api_key, resolves the URL on the base, encodes qs, never follows redirects', async () => {
		const signed = await sign({
			url: '/v1/cart/orders/list/new',
			qs: { from_date: '2024-01-01T00:00:00+00:00' },
			method: 'GET',
		});
		expect(signed.url).toBe(
			'https://api.cartrover.com/v1/cart/orders/list/new?from_date=2024-01-01T00%3A00%3A00%2B00%3A00',
		);
		expect(signed.qs).toBeUndefined();
		expect(signed.headers).toEqual({
			Authorization: `Basic ${Buffer.from('user:se+cret').toString('base64')}`,
		});
		expect(signed.disableFollowRedirect).toBe(true);
	});

	it('keeps an absolute URL on the same base', async () => {
		const signed = await sign({ url: 'https://api.cartrover.com/v1/merchant/inventory' });
		expect(signed.url).toBe('https://api.cartrover.com/v1/merchant/inventory');
	});

	it.each([
		'https://evil.example/v1/merchant/inventory',
		'https://api.cartrover.com.evil.example/v1/x',
		'http://api.cartrover.com/v1/x',
		'//evil.example/v1/x',
		'https://api.cartrover.com@evil.example/v1/x',
	])('refuses to send the keys to %s', async (url) => {
		await expect(sign({ url })).rejects.toThrow(/Refusing to send CartRover credentials/);
	});
});

describe('credential test, as n8n runs it, against the simulator', () => {
	let sim: CartRoverSimulator;
	beforeAll(async () => {
		sim = await startCartRover();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it.each([
		['cart', 'GET /v1/cart/orders/list/new?limit=1'],
		['merchant', 'GET /v1/merchant/inventory?limit=1'],
		['wms', 'GET /v1/wms/shipmethod/list'],
	] as const)('%s keys pass with one cheap read at their level (%s)', async (level, line) => {
		const result = await runCartRoverCredentialTest(cartRoverCredentialData(sim, level));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(cartRoverRequestLines(sim)).toEqual([line]);
		expect(sim.requests[0].apiUser).toBe(sim.keys[level].user);
	});

	it.each([
		['merchant keys under Warehouse', 'merchant', 'wms'],
		['warehouse keys under Merchant', 'wms', 'merchant'],
		['merchant keys under Cart', 'merchant', 'cart'],
	] as const)('%s fail on HTTP 200 with CartRover’s code', async (_label, keysOf, level) => {
		const result = await runCartRoverCredentialTest({
			...cartRoverCredentialData(sim, keysOf),
			apiLevel: level,
		});
		expect(sim.requests[0].status).toBe(200);
		expect(sim.requests[0].errorCode).toBe('Invalid');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/CartRover refused the test read: Invalid\. Check API User, API Key and API Level/,
		);
	});

	it('a wrong key fails, and the message carries no key', async () => {
		const result = await runCartRoverCredentialTest({
			...cartRoverCredentialData(sim, 'merchant'),
			apiKey: 'not-the-key',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Invalid/);
		expect(result.message).not.toContain('not-the-key');
	});

	it('a RateLimit answer says so, instead of calling the keys wrong', async () => {
		const busy = await startCartRover({ bucket: { capacity: 1, leakMs: 60_000 } });
		try {
			const data = cartRoverCredentialData(busy, 'merchant');
			expect((await runCartRoverCredentialTest(data)).status).toBe('OK');
			const result = await runCartRoverCredentialTest(data);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/RateLimit .*The keys were not refused/);
		} finally {
			await busy.close();
		}
	});

	it('with HTTP statuses on errors, a wrong key fails the test', async () => {
		const httpSim = await startCartRover({ errorStatus: 'http' });
		try {
			const result = await runCartRoverCredentialTest({
				...cartRoverCredentialData(httpSim, 'merchant'),
				apiKey: 'wrong-key',
			});
			// n8n-core 1.122's RoutingNode throws a NodeApiError without `cause.response`, so n8n
			// shows its own 401 wording rather than the credential's responseCode rule.
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/CartRover rejected the keys \(401\)|Authorization failed/);
			expect(result.message).not.toContain('wrong-key');
		} finally {
			await httpSim.close();
		}
	});
});

describe('credential test against servers that are not CartRover', () => {
	let target: HostileServer;
	let server: HostileServer;
	let reply: (url: string) => { status: number; body: unknown; headers?: Record<string, string> };
	beforeAll(async () => {
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, { success_code: true, response: [] }),
		);
		server = await startHostileServer('127.0.0.1', (request, res) => {
			const { status, body, headers } = reply(request.url);
			if (status >= 300 && status < 400) {
				res.writeHead(status, headers);
				res.end();
			} else sendJson(res, status, body, headers);
		});
	});
	afterAll(async () => {
		await target.stop();
		await server.stop();
	});
	beforeEach(() => {
		target.requests.length = 0;
		server.requests.length = 0;
	});
	const data = () => ({ apiUser: 'u', apiKey: 'k3y', apiLevel: 'merchant', apiUrl: server.url });

	it('a JSON answer without success_code is not a pass', async () => {
		reply = () => ({ status: 200, body: { hello: 'world' } });
		const result = await runCartRoverCredentialTest(data());
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/not a CartRover API answer .*Check API URL/),
		});
	});

	it('an error envelope without a known code still fails the test', async () => {
		reply = () => ({ status: 200, body: { success_code: false, status_message: 'Bad user' } });
		const result = await runCartRoverCredentialTest(data());
		expect(result.message).toMatch(/success_code false/);
	});

	it('a redirect fails the test and nothing reaches the redirect’s host', async () => {
		reply = (url) => ({
			status: 302,
			body: undefined,
			headers: { Location: `${target.url}${url}` },
		});
		const result = await runCartRoverCredentialTest(data());
		expect(result.status).toBe('Error');
		// The rule's wording where n8n passes the status through; n8n-core 1.122 shows its own.
		expect(result.message).toMatch(/redirect \(302\), which is not followed|status code 302/);
		expect(server.requests).toHaveLength(1);
		expect(target.requests).toHaveLength(0);
	});
});
