import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { normalizeApiBase, CredentialInputError } from '../../credentials/common/cartComAuth';
import { runCredentialTest, runNode } from '../helpers/n8n';
import {
	failureOf,
	routerCredentials,
	startStore,
	tokenCredentials,
	type Simulator,
} from '../helpers/fixtures';

describe('store domain normalisation', () => {
	it.each([
		['mystore.com', 'https://mystore.com/api/v1'],
		['https://mystore.com/', 'https://mystore.com/api/v1'],
		['https://mystore.com/api/v1', 'https://mystore.com/api/v1'],
		['  HTTPS://MyStore.com/api/v1/  ', 'https://mystore.com/api/v1'],
		['shop.americommerce.com:8443', 'https://shop.americommerce.com:8443/api/v1'],
		['http://127.0.0.1:4010', 'http://127.0.0.1:4010/api/v1'],
		['http://localhost:4010/api/v1', 'http://localhost:4010/api/v1'],
	])('%s → %s', (input, expected) => {
		expect(normalizeApiBase(input, 'Store Domain')).toBe(expected);
	});

	it.each([
		['https://mystore.com/shop', /without a path/],
		['my store.com', /spaces/],
		['ftp://mystore.com', /https/],
		['http://mystore.com', /only accepted for a local test server/],
		['https://mystore.com/?a=1', /query/],
		['https://user:pw@mystore.com', /user name or password/],
		['', /empty/],
		['https://exa_mple..com', /invalid host name/],
	])('refuses %j', (input, message) => {
		expect(() => normalizeApiBase(input, 'Store Domain')).toThrow(CredentialInputError);
		expect(() => normalizeApiBase(input, 'Store Domain')).toThrow(message);
	});
});

describe('credential tests against the simulator', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it('access token: the test read succeeds and sends X-AC-Auth-Token', async () => {
		const result = await runCredentialTest('cartComApi', tokenCredentials(sim).cartComApi);
		expect(result.statusCode).toBe(200);
		const [request] = sim.requests;
		expect(`${request.method} ${request.path}?${request.rawQuery}`).toBe(
			'GET /api/v1/products?count=1',
		);
		expect(request.headers['x-ac-auth-token']).toBe(sim.options.accessToken);
	});

	it('access token: a wrong token gets the credential’s clear 401 message', async () => {
		const result = await runCredentialTest('cartComApi', {
			storeDomain: sim.url,
			accessToken: 'wrong-token',
		});
		expect(result.statusCode).toBe(401);
		expect(result.ruleMessage).toMatch(/rejected the access token/);
	});

	it('router: the signed test read succeeds, without X-AC-Auth-Token', async () => {
		const result = await runCredentialTest(
			'cartComRouterApi',
			routerCredentials(sim).cartComRouterApi,
		);
		expect(result.statusCode).toBe(200);
		const [request] = sim.requests;
		expect(request.headers['x-ac-pub-user']).toBe(sim.options.router.userName);
		expect(request.headers['x-ac-pub-site-id']).toBe(sim.options.router.siteId);
		expect(request.headers['x-ac-pub-auth-signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
		expect(request.headers['x-ac-auth-token']).toBeUndefined();
	});

	it('router: a wrong secret gets a 401 with the credential’s message', async () => {
		const creds = { ...routerCredentials(sim).cartComRouterApi, userSecret: 'not-the-secret' };
		const result = await runCredentialTest('cartComRouterApi', creds);
		expect(result.statusCode).toBe(401);
		expect(result.ruleMessage).toMatch(/rejected the signature/);
	});

	it('node with a wrong token fails with a NodeApiError that explains 401 and hides the token', async () => {
		const badToken = 'very-secret-wrong-token';
		const run = runNode(new CartCom(), {
			parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 1 },
			credentials: { cartComApi: { storeDomain: sim.url, accessToken: badToken } },
		});
		await expect(run).rejects.toMatchObject({ httpCode: '401' });
		const error = await failureOf(run);
		expect(error.message).toMatch(/Unauthorized \(401\)/);
		expect(error.description).toMatch(/Access Token and Store Domain/);
		expect(JSON.stringify(error)).not.toContain(badToken);
		expect(`${error.message} ${error.description}`).not.toContain(badToken);
	});

	it('router with a wrong secret fails with a 401 NodeApiError naming the router fields', async () => {
		const creds = {
			cartComRouterApi: {
				...routerCredentials(sim).cartComRouterApi,
				userSecret: 'wrong-secret-123',
			},
		};
		const error = await failureOf(
			runNode(new CartCom(), {
				parameters: {
					authentication: 'centralApiRouter',
					resource: 'order',
					operation: 'getAll',
					limit: 1,
				},
				credentials: creds,
			}),
		);
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/User Name, User Secret and Site ID/);
		expect(JSON.stringify(error)).not.toContain('wrong-secret-123');
	});

	it('a bad store domain is refused before any request is sent', async () => {
		const error = await failureOf(
			runNode(new CartCom(), {
				parameters: { resource: 'order', operation: 'getAll', limit: 1 },
				credentials: {
					cartComApi: { storeDomain: `${sim.url}/shop/admin`, accessToken: 'x-token' },
				},
			}),
		);
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/Store Domain must be the store's domain only/);
		expect(sim.requests).toHaveLength(0);
	});

	it('a non-numeric site id is refused before any request is sent', async () => {
		const creds = {
			cartComRouterApi: { ...routerCredentials(sim).cartComRouterApi, siteId: 'abc' },
		};
		const error = await failureOf(
			runNode(new CartCom(), {
				parameters: {
					authentication: 'centralApiRouter',
					resource: 'order',
					operation: 'getAll',
					limit: 1,
				},
				credentials: creds,
			}),
		);
		expect(error.message).toMatch(/Site ID must be a number/);
		expect(sim.requests).toHaveLength(0);
	});
});
