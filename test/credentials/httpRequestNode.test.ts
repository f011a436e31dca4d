/**
 * Both Cart.com credentials used from n8n's HTTP Request node (Authentication: Predefined
 * Credential Type). That node hands the credential the legacy request shape of
 * helpers.requestWithAuthentication (`uri`, `qs`, `body`, request-style redirect flags), not the
 * `url` shape our own nodes use. A stand-in node builds the options exactly as HTTP Request V3
 * (node version 4.2, response format autodetect) does and sends them through n8n-core's real
 * requestWithAuthentication, so the credential's authenticate() and n8n-core's request parsing
 * both run for real; the store simulator checks the token or the router signature.
 */
import type { Readable } from 'node:stream';
import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type IRequestOptions,
} from 'n8n-workflow';

import {
	CredentialInputError,
	withResolvedUrl,
	type LegacyRequestOptions,
} from '../../credentials/common/cartComAuth';
import { CartComApi } from '../../credentials/CartComApi.credentials';
import { CartComRouterApi } from '../../credentials/CartComRouterApi.credentials';
import { signRouterRequest } from '../../nodes/CartCom/transport';
import {
	failureOf,
	routerCredentials,
	startStore,
	tokenCredentials,
	type Simulator,
} from '../helpers/fixtures';
import { sendJson, startHostileServer, type HostileServer } from '../helpers/hostileServer';
import { runNode } from '../helpers/n8n';

type CredentialName = 'cartComApi' | 'cartComRouterApi';

interface HttpCall {
	credential: CredentialName;
	method: 'GET' | 'POST' | 'PUT';
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
}

/** The options HttpRequestV3.node.ts builds for node version 4.2 with default Options. */
function httpRequestV3Options(call: HttpCall): IRequestOptions {
	const options: IRequestOptions = {
		headers: {
			...(call.headers ?? {}),
			accept:
				'application/json,text/html,application/xhtml+xml,application/xml,text/*;q=0.9, image/*;q=0.8, */*;q=0.7',
		},
		method: call.method,
		uri: call.url,
		gzip: true,
		rejectUnauthorized: true,
		// From node version 4 on, redirects are followed unless the user turns it off.
		followRedirect: true,
		followAllRedirects: true,
		maxRedirects: undefined,
		resolveWithFullResponse: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: 300_000,
		// Response format "Autodetect".
		encoding: null,
		json: false,
		useStream: true,
	};
	if (call.qs) options.qs = call.qs;
	if (call.body) options.body = call.body;
	return options;
}

async function readStream(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Stands in for HTTP Request V3: one request per run, the parsed JSON answer as the output item. */
const httpRequestStandIn = (call: HttpCall): INodeType => ({
	description: {
		displayName: 'HTTP Request (stand-in)',
		name: 'httpRequestStandIn',
		group: ['output'],
		version: 1,
		description: 'Sends the HTTP Request node’s request options through requestWithAuthentication',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: call.credential }],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const response = (await this.helpers.requestWithAuthentication.call(
			this,
			call.credential,
			httpRequestV3Options(call),
			undefined,
			0,
		)) as { body: Readable; statusCode: number };
		const text = await readStream(response.body);
		return [[{ json: { statusCode: response.statusCode, body: JSON.parse(text) as IDataObject } }]];
	},
});

const credentialsFor = (sim: Simulator, credential: CredentialName) =>
	credential === 'cartComApi' ? tokenCredentials(sim) : routerCredentials(sim);

describe('HTTP Request node with a Cart.com credential (legacy request shape)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	const send = async (call: HttpCall) =>
		(
			await runNode(httpRequestStandIn(call), {
				parameters: {},
				credentials: credentialsFor(sim, call.credential),
			})
		)[0].json as { statusCode: number; body: IDataObject };

	it.each<CredentialName>(['cartComApi', 'cartComRouterApi'])(
		'%s: GET with query parameters reaches the URL the user typed, query included, and is accepted',
		async (credential) => {
			const output = await send({
				credential,
				method: 'GET',
				url: `${sim.apiBase}/orders?sort=-id`,
				qs: { count: 2, fields: 'id,order_status_id', note: 'a b&c' },
			});
			expect(output.statusCode).toBe(200);
			expect((output.body.orders as IDataObject[]).length).toBe(2);
			expect(sim.requests).toHaveLength(1);
			const [request] = sim.requests;
			expect(request.status).toBe(200);
			expect(`${request.method} ${request.path}?${request.rawQuery}`).toBe(
				'GET /api/v1/orders?sort=-id&count=2&fields=id%2Corder_status_id&note=a+b%26c',
			);
			if (credential === 'cartComApi') {
				expect(request.headers['x-ac-auth-token']).toBe(sim.options.accessToken);
				expect(request.headers['x-ac-pub-auth-signature']).toBeUndefined();
			} else {
				const router = sim.options.router;
				expect(request.headers['x-ac-pub-auth-signature']).toBe(
					signRouterRequest(
						'GET',
						`/api/v1/orders?${request.rawQuery}`,
						router.userName,
						router.userSecret,
					),
				);
				expect(request.headers['x-ac-auth-token']).toBeUndefined();
			}
		},
	);

	it.each<CredentialName>(['cartComApi', 'cartComRouterApi'])(
		'%s: POST with a JSON body creates the record; PUT with a JSON body and a query updates it',
		async (credential) => {
			const created = await send({
				credential,
				method: 'POST',
				url: `${sim.apiBase}/customers`,
				body: {
					store_id: 1,
					first_name: 'Ada',
					last_name: 'Lovelace',
					email: `ada-${credential}@example.com`,
				},
			});
			expect(created.statusCode).toBeLessThan(300);
			const id = Number(created.body.id);
			expect(sim.store.get('customers', id)?.email).toBe(`ada-${credential}@example.com`);
			const updated = await send({
				credential,
				method: 'PUT',
				url: `${sim.apiBase}/customers/${id}`,
				qs: { expand: 'addresses' },
				body: { last_name: 'King' },
			});
			expect(updated.statusCode).toBe(200);
			expect(sim.store.get('customers', id)?.last_name).toBe('King');
			expect(sim.requests.map((r) => [r.method, r.path, r.rawQuery, r.status, r.body])).toEqual([
				[
					'POST',
					'/api/v1/customers',
					'',
					created.statusCode,
					{
						store_id: 1,
						first_name: 'Ada',
						last_name: 'Lovelace',
						email: `ada-${credential}@example.com`,
					},
				],
				['PUT', `/api/v1/customers/${id}`, 'expand=addresses', 200, { last_name: 'King' }],
			]);
			for (const request of sim.requests)
				expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
		},
	);

	it('an auth header the user typed is replaced by the credential’s own', async () => {
		await send({
			credential: 'cartComApi',
			method: 'GET',
			url: `${sim.apiBase}/products`,
			qs: { count: 1 },
			headers: { 'x-ac-auth-token': 'typed-by-hand' },
		});
		expect(sim.requests.map((r) => [r.status, r.headers['x-ac-auth-token']])).toEqual([
			[200, sim.options.accessToken],
		]);
	});

	it.each<CredentialName>(['cartComApi', 'cartComRouterApi'])(
		'%s: a URL on another host is refused before anything is sent',
		async (credential) => {
			const error = await failureOf(
				send({ credential, method: 'GET', url: 'https://example.com/api/v1/orders' }),
			);
			expect(error.message).toContain('Refusing to send Cart.com credentials to another host');
			expect(sim.requests).toHaveLength(0);
		},
	);
});

describe('HTTP Request node: a redirect is not followed with the credential', () => {
	let target: HostileServer;
	let redirector: HostileServer;
	beforeAll(async () => {
		// The second loopback address stands for another host; it answers like a store would.
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, { orders: [] }),
		);
		redirector = await startHostileServer('127.0.0.1', (request, res) => {
			res.writeHead(302, { Location: `${target.url}${request.url}` });
			res.end();
		});
	});
	afterAll(async () => {
		await target.stop();
		await redirector.stop();
	});

	it.each<CredentialName>(['cartComApi', 'cartComRouterApi'])(
		'%s: the node fails on the 302 and the other host receives nothing',
		async (credential) => {
			target.requests.length = 0;
			redirector.requests.length = 0;
			const credentials: Record<string, ICredentialDataDecryptedObject> =
				credential === 'cartComApi'
					? { cartComApi: { storeDomain: redirector.url, accessToken: 'sim-token' } }
					: {
							cartComRouterApi: {
								userName: 'sim-user',
								userSecret: 'sim-secret',
								siteId: '1',
								routerUrl: `${redirector.url}/api/v1`,
							},
						};
			for (const method of ['GET', 'POST'] as const) {
				const error = await failureOf(
					runNode(
						httpRequestStandIn({
							credential,
							method,
							url: `${redirector.url}/api/v1/orders`,
							body: method === 'POST' ? { a: 1 } : undefined,
						}),
						{ parameters: {}, credentials },
					),
				);
				expect(error.message).toMatch(/302/);
			}
			expect(redirector.requests).toHaveLength(2);
			expect(target.requests).toHaveLength(0);
		},
	);
});

describe('withResolvedUrl: the legacy shape', () => {
	const base = 'https://mystore.com/api/v1';
	const legacy = (options: LegacyRequestOptions) =>
		withResolvedUrl(options, base, (url) => ({ signed: `${url.pathname}${url.search}` }));

	it('folds qs into the URL (lists repeat the name, empty values kept), signs that URL, sets no-redirect flags', () => {
		const result = legacy({
			method: 'GET',
			uri: 'https://MyStore.com/api/v1/orders?sort=-id',
			qs: { count: 5, status: ['1', '2'], empty: '', skipped: undefined },
			qsStringifyOptions: { arrayFormat: 'indices' },
			followRedirect: true,
			followAllRedirects: true,
		});
		const expected = 'https://mystore.com/api/v1/orders?sort=-id&count=5&status=1&status=2&empty=';
		expect(result).toMatchObject({
			uri: expected,
			url: expected,
			followRedirect: false,
			followAllRedirects: false,
			maxRedirects: 0,
			disableFollowRedirect: true,
			headers: { signed: '/api/v1/orders?sort=-id&count=5&status=1&status=2&empty=' },
		});
		expect(result).not.toHaveProperty('qs');
		expect(result).not.toHaveProperty('qsStringifyOptions');
	});

	it.each([
		['another host', 'https://evil.example/api/v1/orders'],
		['another scheme', 'http://mystore.com/api/v1/orders'],
		['another port', 'https://mystore.com:8443/api/v1/orders'],
		['outside /api/v1', 'https://mystore.com/admin/orders'],
		['a path that climbs out', 'https://mystore.com/api/v1/../admin'],
		['a look-alike host', 'https://mystore.com.evil.example/api/v1/orders'],
		['user info', 'https://x@mystore.com/api/v1/orders'],
	])('refuses %s', (_label, uri) => {
		expect(() => legacy({ method: 'GET', uri })).toThrow(CredentialInputError);
		expect(() => legacy({ method: 'GET', uri })).toThrow(
			/another host.*https:\/\/mystore\.com\/api\/v1\//,
		);
	});

	it('refuses a query parameter holding an object, naming it', () => {
		expect(() =>
			legacy({ method: 'GET', uri: `${base}/orders`, qs: { filter: { a: 1 } } }),
		).toThrow(/Query parameter "filter" holds an object/);
	});

	it('the credential classes take the legacy shape', async () => {
		const token = await new CartComApi().authenticate(
			{ storeDomain: 'mystore.com', accessToken: 'secret-token' },
			{ method: 'GET', uri: `${base}/products`, qs: { count: 1 } },
		);
		expect([token.uri, token.headers]).toEqual([
			`${base}/products?count=1`,
			{ 'X-AC-Auth-Token': 'secret-token' },
		]);
		const router = await new CartComRouterApi().authenticate(
			{ userName: 'u', userSecret: 's', siteId: '7', routerUrl: base },
			{ method: 'POST', uri: `${base}/customers`, qs: { a: 'b' }, body: { x: 1 } },
		);
		expect(router.url).toBe(`${base}/customers?a=b`);
		expect(router.body).toEqual({ x: 1 });
		expect(router.headers?.['X-AC-PUB-Auth-Signature']).toBe(
			signRouterRequest('POST', '/api/v1/customers?a=b', 'u', 's'),
		);
	});
});
