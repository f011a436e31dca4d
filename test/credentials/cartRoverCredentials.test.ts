import type { IHttpRequestOptions } from 'n8n-workflow';

import { CartRoverApi } from '../../credentials/CartRoverApi.credentials';
import {
	CartRoverCredentialError,
	normalizeCartRoverUrl,
	parseCartRoverCredentials,
} from '../../credentials/common/cartRoverAuth';
import { CartRover } from '../../nodes/CartRover/CartRover.node';
import { CartRoverTrigger } from '../../nodes/CartRover/CartRoverTrigger.node';
import { cartRoverApiTest } from '../../nodes/CartRover/methods/credentialTest';
import {
	cartRoverCredentialData,
	cartRoverCredentialTestOf,
	cartRoverRequestLines,
	runCartRoverCredentialTest,
	startCartRover,
	type CartRoverSimulator,
} from '../helpers/cartRoverKit';
import {
	sendJson,
	startHostileServer,
	type HostileServer,
	type ReceivedRequest,
} from '../helpers/hostileServer';

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

/** Every form of a key the messages must not show: as typed, and base64 of `user:key` (Basic). */
function secretForms(user: string, key: string): string[] {
	const basic = Buffer.from(`${user}:${key}`).toString('base64');
	return [
		key,
		encodeURIComponent(key),
		Buffer.from(key).toString('base64').replace(/=+$/, ''),
		basic,
		basic.replace(/=+$/, ''),
		`Basic ${basic}`,
	];
}

function expectNoSecret(message: string, user: string, key: string): void {
	for (const form of secretForms(user, key)) expect(message).not.toContain(form);
}

describe('credential test wiring', () => {
	it.each([
		['CartRover', new CartRover()],
		['CartRover Trigger', new CartRoverTrigger()],
	] as const)(
		'%s names cartRoverApiTest with testedBy and holds it in methods.credentialTest',
		(_name, node) => {
			expect(node.description.credentials).toEqual([
				{ name: 'cartRoverApi', required: true, testedBy: 'cartRoverApiTest' },
			]);
			expect(cartRoverCredentialTestOf(node)).toBe(cartRoverApiTest);
		},
	);

	it('the credential has no declarative test, which could only show a fixed text', () => {
		expect((new CartRoverApi() as { test?: unknown }).test).toBeUndefined();
	});
});

describe('credential test, as n8n runs it (testedBy function, real CredentialTestContext), against the simulator', () => {
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
		expect(sim.requests[0].status).toBe(200);
	});

	it('the trigger node’s test function passes the same keys (n8n may pick either node)', async () => {
		const result = await runCartRoverCredentialTest(
			cartRoverCredentialData(sim, 'wms'),
			new CartRoverTrigger(),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(cartRoverRequestLines(sim)).toEqual(['GET /v1/wms/shipmethod/list']);
	});

	it('refused keys fail on HTTP 200 with CartRover’s own message, code and process id, and no key', async () => {
		const user = sim.keys.merchant.user;
		const key = 'not-the-key+7f3a/Q=';
		const result = await runCartRoverCredentialTest({
			...cartRoverCredentialData(sim, 'merchant'),
			apiKey: key,
		});
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].status).toBe(200);
		expect(sim.requests[0].errorCode).toBe('Invalid');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('CartRover (Invalid): Invalid API User or API Key.');
		expect(result.message).toContain(`X-CartRover-Process-ID: ${sim.requests[0].processId}.`);
		expect(result.message).toContain('Check API User, API Key and API Level');
		expectNoSecret(result.message, user, key);
	});

	it.each([
		['merchant keys under Warehouse', 'merchant', 'wms', 'Warehouse'],
		['warehouse keys under Merchant', 'wms', 'merchant', 'Merchant'],
		['merchant keys under Cart', 'merchant', 'cart', 'Cart'],
	] as const)(
		'%s fail with CartRover’s message for the level',
		async (_label, keysOf, level, name) => {
			const result = await runCartRoverCredentialTest({
				...cartRoverCredentialData(sim, keysOf),
				apiLevel: level,
			});
			expect(sim.requests[0].status).toBe(200);
			expect(sim.requests[0].level).toBe(level);
			expect(result.status).toBe('Error');
			expect(result.message).toContain(
				`CartRover (Invalid): These API keys are for the ${keysOf} API, not for this endpoint.`,
			);
			expect(result.message).toContain(
				`Check API User, API Key and API Level (tested with a ${name}-level read)`,
			);
			expectNoSecret(result.message, sim.keys[keysOf].user, sim.keys[keysOf].key);
		},
	);

	it('a RateLimit answer says the keys were not refused and to wait, instead of calling them wrong', async () => {
		const busy = await startCartRover({ bucket: { capacity: 1, leakMs: 60_000 } });
		try {
			const data = cartRoverCredentialData(busy, 'merchant');
			expect((await runCartRoverCredentialTest(data)).status).toBe('OK');
			const result = await runCartRoverCredentialTest(data);
			expect(busy.requests.at(-1)?.errorCode).toBe('RateLimit');
			expect(result.status).toBe('Error');
			expect(result.message).toContain(
				'CartRover (RateLimit): Over API Limit. Please slow down requests.',
			);
			expect(result.message).toMatch(/The keys were not refused.*wait a minute and test again/);
			expect(result.message).not.toContain('Check API User');
		} finally {
			await busy.close();
		}
	});

	it('with HTTP statuses on errors, a refused key shows CartRover’s message and the status', async () => {
		const httpSim = await startCartRover({ errorStatus: 'http' });
		try {
			const result = await runCartRoverCredentialTest({
				...cartRoverCredentialData(httpSim, 'merchant'),
				apiKey: 'wrong-key-b4d',
			});
			expect(httpSim.requests[0].status).toBe(401);
			expect(result.status).toBe('Error');
			expect(result.message).toContain(
				'CartRover (Invalid): Invalid API User or API Key (HTTP 401).',
			);
			expectNoSecret(result.message, httpSim.keys.merchant.user, 'wrong-key-b4d');
		} finally {
			await httpSim.close();
		}
	});

	it.each([
		[{ apiLevel: 'master' }, /^API Level must be Cart, Merchant or Warehouse/],
		[{ apiKey: '  ' }, /^API Key is required/],
		[{ apiUser: 'a:b' }, /^API User must not contain ":"/],
		[{ apiUrl: 'http://example.com' }, /^API URL must use https:\/\//],
	])('bad field %j fails naming the field, and sends nothing', async (change, message) => {
		const result = await runCartRoverCredentialTest({
			...cartRoverCredentialData(sim, 'merchant'),
			...change,
		});
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		expect(sim.requests).toHaveLength(0);
	});
});

describe('credential test against servers that are not CartRover', () => {
	let target: HostileServer;
	let server: HostileServer;
	let reply: (request: ReceivedRequest) => {
		status: number;
		body?: unknown;
		raw?: string;
		headers?: Record<string, string>;
	};
	beforeAll(async () => {
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, { success_code: true, response: [] }),
		);
		server = await startHostileServer('127.0.0.1', (request, res) => {
			const { status, body, raw, headers } = reply(request);
			if (raw !== undefined || body === undefined) {
				res.writeHead(status, headers);
				res.end(raw);
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
	const USER = 'u';
	const KEY = 'Sup3r+Secret/Key=';
	const data = () => ({ apiUser: USER, apiKey: KEY, apiLevel: 'merchant', apiUrl: server.url });

	it('sends one GET with HTTP Basic and Accept JSON, to the level’s test path', async () => {
		reply = () => ({ status: 200, body: { success_code: true } });
		expect(await runCartRoverCredentialTest(data())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].method).toBe('GET');
		expect(server.requests[0].url).toBe('/v1/merchant/inventory?limit=1');
		expect(server.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${USER}:${KEY}`).toString('base64')}`,
		);
		expect(server.requests[0].headers.accept).toMatch(/application\/json/);
	});

	it('a redirect fails the test naming only the target’s origin, and nothing reaches it', async () => {
		reply = (request) => ({
			status: 302,
			headers: { Location: `${target.url}/steal${request.url}&key=${KEY}` },
		});
		const result = await runCartRoverCredentialTest(data());
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			`redirect (HTTP 302) to ${target.url}, which was not followed so that the keys are not sent elsewhere`,
		);
		expect(result.message).not.toContain('/steal');
		expectNoSecret(result.message, USER, KEY);
		expect(server.requests).toHaveLength(1);
		expect(target.requests).toHaveLength(0);
	});

	it('a relative redirect names the same host, and is not followed either', async () => {
		reply = () => ({ status: 307, headers: { Location: '/elsewhere' } });
		const result = await runCartRoverCredentialTest(data());
		expect(result.message).toContain(
			`redirect (HTTP 307) to ${server.url}, which was not followed`,
		);
		expect(server.requests).toHaveLength(1);
	});

	it.each([
		[
			'JSON without success_code',
			{ status: 200, body: { hello: 'world' } },
			/HTTP 200 OK, JSON without success_code/,
		],
		[
			'success_code as text',
			{ status: 200, body: { success_code: 'true' } },
			/HTTP 200 OK, JSON without success_code/,
		],
		[
			'a JSON array',
			{ status: 200, body: [{ success_code: true }] },
			/HTTP 200 OK, JSON without success_code/,
		],
		[
			'an HTML page',
			{ status: 200, raw: '<html>Login</html>', headers: { 'Content-Type': 'text/html' } },
			/HTTP 200 OK, a body that is not JSON/,
		],
		['no body', { status: 204 }, /HTTP 204 No Content, no body/],
		[
			'a 503 page',
			{ status: 503, raw: 'Service Unavailable' },
			/HTTP 503 Service Unavailable, a body that is not JSON\)\. CartRover may be down/,
		],
		[
			'a 401 without a CartRover body',
			{ status: 401, body: { error: 'nope' } },
			/HTTP 401 Unauthorized, JSON without success_code/,
		],
	] as const)('%s is not a pass, and names the HTTP status', async (_label, answer, message) => {
		reply = () => answer;
		const result = await runCartRoverCredentialTest(data());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		expect(result.message).toMatch(/is not a CartRover API answer/);
	});

	it('an error envelope without error_code shows its status_message (older CartRover answers)', async () => {
		reply = () => ({ status: 200, body: { success_code: false, status_message: 'Bad user' } });
		const result = await runCartRoverCredentialTest(data());
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^CartRover: Bad user\. Check API User, API Key and API Level/,
			),
		});
	});

	it('a server echoing the key and the Basic header in its message never gets them shown', async () => {
		reply = (request) => ({
			status: 200,
			body: {
				success_code: false,
				error_code: 'Failure',
				message: `no access for ${request.headers.authorization} key=${KEY} q=${encodeURIComponent(KEY)} b=${Buffer.from(`${USER}:${KEY}`).toString('base64')}`,
			},
			headers: { 'X-CartRover-Process-ID': `pid-${KEY}` },
		});
		const result = await runCartRoverCredentialTest(data());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^CartRover \(Failure\): no access for /);
		expect(result.message).toContain('***');
		expectNoSecret(result.message, USER, KEY);
	});

	it('an unreachable API URL fails with the redacted reason', async () => {
		const closed = await startHostileServer('127.0.0.1', (_request, res) => {
			res.end();
		});
		await closed.stop();
		const result = await runCartRoverCredentialTest({ ...data(), apiUrl: closed.url });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				new RegExp(`^Could not reach CartRover at ${closed.url}: .*ECONNREFUSED`),
			),
		});
		expectNoSecret(result.message, USER, KEY);
	});
});
