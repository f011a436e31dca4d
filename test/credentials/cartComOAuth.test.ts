/**
 * The "Cart.com OAuth API" credential in n8n-core's real request helpers (test/helpers/n8n.ts runs
 * preAuthentication as n8n's CredentialsHelper does: when the expirable session is empty or after
 * a 401, merging what it returns into the stored credential) against the simulator's OAuth
 * endpoints, which check the signatures and expire and rotate tokens.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
	NodeApiError,
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import {
	AccessTokenExpiredError,
	authenticateWithOAuth,
	exchangeSignature,
	parseExpires,
	parseOAuthCredentials,
	refreshSignature,
	REFUSED_AT_HEADER,
	sessionBinding,
	sessionOf,
	type OAuthSession,
} from '../../credentials/common/cartComOAuth';
import { CartComOAuthApi } from '../../credentials/CartComOAuthApi.credentials';
import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { CartComTrigger } from '../../nodes/CartCom/CartComTrigger.node';
import { isAmbiguousWriteFailure, redact } from '../../nodes/shared/http';
import type { RefreshRotation } from '../simulator';
import { startStore, type Simulator } from '../helpers/fixtures';
import { runNode, runPoll } from '../helpers/n8n';
import { startInstance } from '../webhook/kit';

const node = new CartCom();

/** The credential as stored in n8n: this object is what preAuthentication's output is merged into. */
function oauthCredential(sim: Simulator, refreshToken = sim.oauth.issueRefreshToken()) {
	return {
		storeDomain: sim.url,
		clientId: sim.oauth.options.clientId,
		clientSecret: sim.oauth.options.clientSecret,
		refreshToken,
	} as ICredentialDataDecryptedObject;
}

const storedSession = (credential: ICredentialDataDecryptedObject): OAuthSession =>
	JSON.parse(String(credential.tokens)) as OAuthSession;

async function getOrders(credential: ICredentialDataDecryptedObject, limit = 2) {
	return await runNode(node, {
		parameters: { authentication: 'oAuth2', resource: 'order', operation: 'getAll', limit },
		credentials: { cartComOAuthApi: credential },
	});
}

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected a failure');
}

const apiRequests = (sim: Simulator) => sim.requests.filter((r) => r.path.startsWith('/api/v1/'));
const tokenRequests = (sim: Simulator) =>
	sim.requests.filter((r) => r.path.startsWith('/api/oauth'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every text n8n would show or store of an error: message, description, context, JSON. */
const errorTexts = (error: Error & { description?: string }) =>
	[error.message, error.description ?? '', JSON.stringify(error), String(error.stack)].join('\n');

function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets) expect(redact(text, [secret])).toBe(text);
}

describe('signatures (docs/authentication.md)', () => {
	const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

	it('exchange: hex SHA-256 of secret + code + client_id + scope + lowercased redirect_uri', () => {
		expect(
			exchangeSignature({
				clientSecret: 's3cr3t',
				code: 'C0DE',
				clientId: '42',
				scope: 'read_orders',
				redirectUri: 'http://127.0.0.1:8765/CallBack',
			}),
		).toBe(sha('s3cr3tC0DE42read_ordershttp://127.0.0.1:8765/callback'));
	});

	it('refresh: hex SHA-256 of secret + refresh_token + client_id', () => {
		expect(refreshSignature({ clientSecret: 's3cr3t', refreshToken: 'RT', clientId: '42' })).toBe(
			sha('s3cr3tRT42'),
		);
	});

	it('expires: only a future date with an offset is trusted', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseExpires('2026-01-01T01:00:00-05:00', now)).toBe(Date.parse('2026-01-01T06:00:00Z'));
		expect(parseExpires('2026-01-01T01:00:00.5Z', now)).toBe(Date.parse('2026-01-01T01:00:00.5Z'));
		for (const value of ['2026-01-01T01:00:00', '2025-12-31T00:00:00Z', 3600, null, 'soon'])
			expect(parseExpires(value, now)).toBeUndefined();
	});
});

describe('authenticate: the access token is only sent while it may be', () => {
	const base = {
		storeDomain: 'https://mystore.com',
		clientId: '42',
		clientSecret: 'secret',
		refreshToken: 'typed-refresh',
	};
	const withSession = (session: Partial<OAuthSession>, overrides: IDataObject = {}) => {
		const credentials = parseOAuthCredentials({ ...base, ...overrides });
		const full: OAuthSession = {
			accessToken: 'access-1',
			refreshToken: 'rotated-refresh',
			obtainedAt: 1_000,
			// made for the base settings: changed overrides no longer match it
			boundTo: sessionBinding(parseOAuthCredentials(base)),
			...session,
		};
		return { ...credentials, tokens: JSON.stringify(full) };
	};

	it('sends X-AC-Auth-Token on the API base, and asks n8n to refresh when there is no session', () => {
		const ok = authenticateWithOAuth(withSession({}), { url: '/orders', method: 'GET' }, 2_000);
		expect(ok.url).toBe('https://mystore.com/api/v1/orders');
		expect(ok.headers).toEqual({ 'X-AC-Auth-Token': 'access-1' });
		expect(ok.disableFollowRedirect).toBe(true);
		const none = parseOAuthCredentials({ ...base, tokens: '' });
		expect(() => authenticateWithOAuth(none, { url: '/orders' })).toThrow(AccessTokenExpiredError);
		expect(new AccessTokenExpiredError().response.status).toBe(401);
	});

	it('an expiring token (within its margin) is not sent', () => {
		const session = { obtainedAt: 0, expiresAt: 600_000 };
		expect(() =>
			authenticateWithOAuth(withSession(session), { url: '/orders' }, 500_000),
		).not.toThrow();
		expect(() => authenticateWithOAuth(withSession(session), { url: '/orders' }, 541_000)).toThrow(
			AccessTokenExpiredError,
		);
	});

	it('a session made for another store, client or typed refresh token is never sent', () => {
		for (const overrides of [
			{ storeDomain: 'https://otherstore.com' },
			{ clientId: '43' },
			{ refreshToken: 'newly-pasted' },
		])
			expect(() =>
				authenticateWithOAuth(withSession({}, overrides), { url: '/orders' }, 2_000),
			).toThrow(AccessTokenExpiredError);
	});

	it('a re-send after a 401 refreshes a token obtained before it, and strips its marker header', () => {
		const rejected = { url: '/orders', headers: { [REFUSED_AT_HEADER]: '1500' } };
		expect(() =>
			authenticateWithOAuth(withSession({ obtainedAt: 1_000 }), rejected, 2_000),
		).toThrow(AccessTokenExpiredError);
		const renewed = authenticateWithOAuth(withSession({ obtainedAt: 1_600 }), rejected, 2_000);
		expect(renewed.headers).toEqual({ 'X-AC-Auth-Token': 'access-1' });
	});

	it('a URL on another host is refused before any refresh', () => {
		const none = parseOAuthCredentials({ ...base, tokens: '' });
		expect(() =>
			authenticateWithOAuth(none, { url: 'https://evil.example/api/v1/orders' }),
		).toThrow(/Refusing to send Cart.com credentials to another host/);
	});
});

describe.each<RefreshRotation>(['rotate', 'keep'])(
	'action node with the OAuth credential, store refresh rotation "%s"',
	(refreshRotation) => {
		let sim: Simulator;
		beforeAll(async () => {
			sim = await startStore({
				sizes: { orders: 5, products: 3, customers: 2 },
				oauth: { refreshRotation },
			});
		});
		afterAll(async () => await sim.stop());
		beforeEach(() => {
			sim.clearRequests();
			sim.oauth.options.accessTokenTtlMs = 3_600_000;
		});

		it('first run: one signed refresh, the session is stored, the new access token is sent', async () => {
			const credential = oauthCredential(sim);
			const typed = String(credential.refreshToken);
			const items = await getOrders(credential);
			expect(items).toHaveLength(2);
			const [refresh, ...rest] = sim.requests;
			expect([refresh.method, refresh.path]).toEqual(['POST', '/api/oauth/refresh']);
			expect(refresh.body).toEqual({
				client_id: sim.oauth.options.clientId,
				refresh_token: typed,
				signature: refreshSignature({
					clientSecret: sim.oauth.options.clientSecret,
					refreshToken: typed,
					clientId: sim.oauth.options.clientId,
				}),
			});
			expect(refresh.status).toBe(200);
			const session = storedSession(credential);
			expect(rest.map((r) => [r.path, r.status, r.headers['x-ac-auth-token']])).toEqual([
				['/api/v1/orders', 200, session.accessToken],
			]);
			expect(session.refreshToken).not.toBe(typed); // the store answered a new one: kept
			expect(session.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
			expect(credential.refreshToken).toBe(typed); // the typed field is left as typed
		});

		it('next runs reuse the stored access token: no refresh', async () => {
			const credential = oauthCredential(sim);
			await getOrders(credential);
			const before = sim.oauth.counts.refreshes;
			sim.clearRequests();
			await getOrders(credential);
			await getOrders(credential);
			expect(sim.oauth.counts.refreshes).toBe(before);
			expect(tokenRequests(sim)).toHaveLength(0);
			expect(apiRequests(sim).every((r) => r.status === 200)).toBe(true);
		});

		it('after the announced expiry the token is renewed before sending: the expired one is never sent', async () => {
			sim.oauth.options.accessTokenTtlMs = 1_200;
			const credential = oauthCredential(sim);
			await getOrders(credential);
			const first = storedSession(credential);
			await sleep(700); // past half of its 1.2 s lifetime: the credential's margin
			sim.clearRequests();
			await getOrders(credential);
			const second = storedSession(credential);
			expect(second.accessToken).not.toBe(first.accessToken);
			expect(sim.requests.map((r) => [r.path, r.status])).toEqual([
				['/api/oauth/refresh', 200],
				['/api/v1/orders', 200],
			]);
			expect(sim.requests[0].body).toMatchObject({ refresh_token: first.refreshToken });
			expect(sim.requests.some((r) => r.headers['x-ac-auth-token'] === first.accessToken)).toBe(
				false,
			);
		});

		it('a token the store stops accepting early (401): refreshed once, the request sent again and served', async () => {
			const credential = oauthCredential(sim);
			await getOrders(credential);
			const first = storedSession(credential);
			sim.oauth.expireAccessTokens();
			sim.clearRequests();
			const items = await getOrders(credential, 3);
			expect(items).toHaveLength(3);
			const second = storedSession(credential);
			expect(sim.requests.map((r) => [r.path, r.status, r.headers['x-ac-auth-token']])).toEqual([
				['/api/v1/orders', 401, first.accessToken],
				['/api/oauth/refresh', 200, undefined],
				['/api/v1/orders', 200, second.accessToken],
			]);
			expect(sim.requests.every((r) => r.headers[REFUSED_AT_HEADER] === undefined)).toBe(true);
		});

		it('a write answered 401 is sent again after the refresh and applied once', async () => {
			const credential = oauthCredential(sim);
			await getOrders(credential);
			sim.oauth.expireAccessTokens();
			sim.clearRequests();
			const customersBefore = sim.store.count('customers');
			const [created] = await runNode(node, {
				parameters: {
					authentication: 'oAuth2',
					resource: 'customer',
					operation: 'create',
					email: `oauth-${refreshRotation}@example.com`,
					storeId: 1,
				},
				credentials: { cartComOAuthApi: credential },
			});
			expect(sim.store.count('customers')).toBe(customersBefore + 1);
			expect(sim.store.get('customers', Number(created.json.id))?.email).toBe(
				`oauth-${refreshRotation}@example.com`,
			);
			const posts = sim.requests.filter(
				(r) => r.method === 'POST' && r.path === '/api/v1/customers',
			);
			expect(posts.map((r) => r.status)).toEqual([401, 201]);
		});

		it('three refreshes in a row each send the newest refresh token', async () => {
			const credential = oauthCredential(sim);
			const sent: unknown[] = [];
			for (let i = 0; i < 3; i++) {
				sim.oauth.expireAccessTokens();
				sim.clearRequests();
				await getOrders(credential, 1);
				sent.push((tokenRequests(sim)[0]?.body as IDataObject).refresh_token);
			}
			expect(new Set(sent).size).toBe(3);
			const valid = sim.oauth.validRefreshTokens();
			expect(valid).toContain(storedSession(credential).refreshToken);
			// With "rotate" the typed token is dead now; the credential works because it kept the newest.
			expect(valid.includes(String(credential.refreshToken))).toBe(refreshRotation === 'keep');
		});

		it('executions that start together with an empty or expired session share one refresh', async () => {
			const credential = oauthCredential(sim);
			const runs = await Promise.all([
				getOrders(credential),
				getOrders(credential),
				getOrders(credential),
			]);
			expect(runs.map((items) => items.length)).toEqual([2, 2, 2]);
			expect(tokenRequests(sim).map((r) => r.status)).toEqual([200]);
			sim.oauth.expireAccessTokens();
			sim.clearRequests();
			await Promise.all([getOrders(credential), getOrders(credential)]);
			expect(tokenRequests(sim).map((r) => r.status)).toEqual([200]);
			expect(apiRequests(sim).filter((r) => r.status === 200)).toHaveLength(2);
		});

		it('a newly pasted refresh token takes over from the stored session', async () => {
			const credential = oauthCredential(sim);
			await getOrders(credential);
			const old = storedSession(credential);
			const pasted = sim.oauth.issueRefreshToken();
			credential.refreshToken = pasted;
			sim.clearRequests();
			await getOrders(credential);
			expect(sim.requests.map((r) => r.path)).toEqual(['/api/oauth/refresh', '/api/v1/orders']);
			expect(sim.requests[0].body).toMatchObject({ refresh_token: pasted });
			expect(sim.requests.some((r) => r.headers['x-ac-auth-token'] === old.accessToken)).toBe(
				false,
			);
		});
	},
);

describe('refresh failures', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 3, products: 1, customers: 1 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it('a wrong client secret (bad signature, 403): nothing is sent to the API, no secret in the error', async () => {
		const credential: ICredentialDataDecryptedObject = {
			...oauthCredential(sim),
			clientSecret: 'wrong-client-secret',
		};
		const error = await failure(getOrders(credential));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/was not sent: Cart.com refused to refresh the access token \(HTTP 403\)/,
		);
		expect(error.message).toMatch(/invalid_signature/);
		expect(error.description).toMatch(/npm run oauth:authorize/);
		expect(sim.requests.map((r) => [r.path, r.status])).toEqual([['/api/oauth/refresh', 403]]);
		const sent = sim.requests[0].body as IDataObject;
		expectNoSecrets(errorTexts(error), [
			'wrong-client-secret',
			String(credential.refreshToken),
			String(sent.signature),
		]);
		expect(credential).not.toHaveProperty('tokens');
	});

	it('a create whose refresh fails is known not to have been sent: no re-read, no second attempt', async () => {
		const credential: ICredentialDataDecryptedObject = {
			...oauthCredential(sim),
			clientSecret: 'wrong-client-secret',
		};
		const error = await failure(
			runNode(node, {
				parameters: {
					authentication: 'oAuth2',
					resource: 'customer',
					operation: 'create',
					email: 'never@example.com',
					storeId: 1,
				},
				credentials: { cartComOAuthApi: credential },
			}),
		);
		expect(error.message).toMatch(
			/^Cart.com POST \/customers was not sent: Cart.com refused to refresh/,
		);
		expect(isAmbiguousWriteFailure(error)).toBe(false);
		expect(sim.requests.map((r) => [r.path, r.status])).toEqual([['/api/oauth/refresh', 403]]);
	});

	it('a revoked refresh token (401): a clear error, one refresh attempt, no API request', async () => {
		const credential = oauthCredential(sim, 'rt-never-issued');
		const error = await failure(getOrders(credential));
		expect(error.message).toMatch(/refused to refresh the access token \(HTTP 401\)/);
		expect(error.message).toMatch(/refresh token was revoked or has expired/);
		expect(sim.requests.map((r) => r.path)).toEqual(['/api/oauth/refresh']);
		expectNoSecrets(errorTexts(error), ['rt-never-issued', sim.oauth.options.clientSecret]);
	});

	it('a refresh answered with a redirect is not followed', async () => {
		sim.scriptFaults([
			{
				match: { path: /^\/api\/oauth\/refresh$/ },
				respond: { status: 302, headers: { Location: 'http://127.0.0.2:9/steal' } },
			},
		]);
		const error = await failure(getOrders(oauthCredential(sim)));
		expect(error.message).toMatch(/redirect \(302\), which is not followed/);
		expect(sim.requests.map((r) => [r.path, r.status])).toEqual([['/api/oauth/refresh', 302]]);
	});

	it('a refresh answer without tokens is not taken as success', async () => {
		sim.scriptFaults([
			{ match: { path: /^\/api\/oauth\/refresh$/ }, respond: { status: 200, body: '{}' } },
		]);
		const credential = oauthCredential(sim);
		const error = await failure(getOrders(credential));
		expect(error.message).toMatch(/without an access_token and a refresh_token/);
		expect(credential).not.toHaveProperty('tokens');
		expect(apiRequests(sim)).toHaveLength(0);
	});

	it('a token refused right after its refresh is reported (no second refresh, no loop)', async () => {
		const credential = oauthCredential(sim);
		sim.scriptFaults([{ match: { path: /^\/api\/v1\/orders$/ }, status: 401 }]);
		sim.scriptFaults([{ match: { path: /^\/api\/v1\/orders$/ }, status: 401 }]);
		const error = await failure(getOrders(credential));
		expect(error.message).toMatch(/\(401\)/);
		expect(error.description).toMatch(/refused the access token even after n8n renewed it/);
		expect(sim.requests.map((r) => [r.path, r.status])).toEqual([
			['/api/oauth/refresh', 200],
			['/api/v1/orders', 401],
			['/api/v1/orders', 401],
		]);
		expectNoSecrets(errorTexts(error), [storedSession(credential).accessToken]);
	});
});

describe('Cart.com Trigger with the OAuth credential', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 4, products: 1, customers: 1 } });
	});
	afterAll(async () => await sim.stop());

	it('polls with the refreshed token, and again after the store expired it', async () => {
		const credential = oauthCredential(sim);
		const staticData: IDataObject = {};
		const pollOnce = async () =>
			await runPoll(new CartComTrigger(), {
				parameters: { authentication: 'oAuth2', event: 'orderCreated', simplify: false },
				credentials: { cartComOAuthApi: credential },
				staticData,
			});
		expect(await pollOnce()).toBeNull(); // activation: stores the cursor
		const first = storedSession(credential);
		const newest = sim.store.list('orders').at(-1)!;
		const { id: _id, ...fields } = newest;
		const placed = sim.store.create('orders', { ...fields, order_number: '' });
		sim.oauth.expireAccessTokens();
		sim.clearRequests();
		const emitted = await pollOnce();
		expect(emitted?.[0].map((item) => item.json.id)).toEqual([placed.id]);
		expect(sim.requests[0]).toMatchObject({ path: '/api/v1/orders', status: 401 });
		expect(sim.requests[0].headers['x-ac-auth-token']).toBe(first.accessToken);
		expect(sim.requests[1]).toMatchObject({ path: '/api/oauth/refresh', status: 200 });
		expect(sim.requests.slice(2).every((r) => r.status === 200)).toBe(true);
		expect(
			sim.requests
				.slice(2)
				.every((r) => r.headers['x-ac-auth-token'] === storedSession(credential).accessToken),
		).toBe(true);
	});
});

/** n8n's HTTP Request node: its request goes through requestWithAuthentication (legacy shape). */
const httpRequestStandIn = (url: string): INodeType => ({
	description: {
		displayName: 'HTTP Request (stand-in)',
		name: 'httpRequestStandIn',
		group: ['output'],
		version: 1,
		description: 'Sends a GET through requestWithAuthentication as HTTP Request V3 does',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cartComOAuthApi' }],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const response = (await this.helpers.requestWithAuthentication.call(
			this,
			'cartComOAuthApi',
			{
				method: 'GET',
				uri: url,
				qs: { count: 1 },
				headers: { accept: 'application/json' },
				followRedirect: true,
				followAllRedirects: true,
				resolveWithFullResponse: true,
				encoding: null,
				json: false,
				useStream: true,
			},
			undefined,
			0,
		)) as { body: Readable; statusCode: number };
		const chunks: Buffer[] = [];
		for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Buffer));
		return [[{ json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as IDataObject }]];
	},
});

describe('HTTP Request node with the OAuth credential (Predefined Credential Type)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 3, products: 2, customers: 1 } });
	});
	afterAll(async () => await sim.stop());

	it('refreshes first, sends the token, and refreshes again once the store expired it', async () => {
		const credential = oauthCredential(sim);
		const send = async () =>
			await runNode(httpRequestStandIn(`${sim.apiBase}/products`), {
				parameters: {},
				credentials: { cartComOAuthApi: credential },
			});
		sim.clearRequests();
		const [first] = await send();
		expect((first.json.products as IDataObject[]).length).toBe(1);
		const session1 = storedSession(credential);
		sim.oauth.expireAccessTokens();
		await send();
		const session2 = storedSession(credential);
		expect(sim.requests.map((r) => [r.path, r.status, r.headers['x-ac-auth-token']])).toEqual([
			['/api/oauth/refresh', 200, undefined],
			['/api/v1/products', 200, session1.accessToken],
			['/api/v1/products', 401, session1.accessToken],
			['/api/oauth/refresh', 200, undefined],
			['/api/v1/products', 200, session2.accessToken],
		]);
		expect(sim.requests[3].body).toMatchObject({ refresh_token: session1.refreshToken });
	});
});

describe('the credential class', () => {
	it('has a hidden expirable session that n8n redacts (password), and a test request', () => {
		const type = new CartComOAuthApi();
		const session = type.properties.find((property) => property.name === 'tokens');
		expect(session).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		});
		for (const name of ['clientSecret', 'refreshToken'])
			expect(type.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
		expect(type.test.request).toMatchObject({ url: '/products', disableFollowRedirect: true });
		expect(typeof type.preAuthentication).toBe('function');
	});

	it('sessionOf ignores a session that is not valid JSON or lacks fields', () => {
		const base = {
			storeDomain: 'mystore.com',
			clientId: '1',
			clientSecret: 's',
			refreshToken: 'r',
		};
		for (const session of ['{', '{}', '"x"', JSON.stringify({ accessToken: 'a' })])
			expect(sessionOf(parseOAuthCredentials({ ...base, tokens: session }))).toBeUndefined();
	});
});

describe('Cart.com Webhook Trigger with the OAuth credential', () => {
	it('registers its subscriptions with the refreshed token, and removes them after the store expired it', async () => {
		const sim = await startStore({ sizes: { orders: 1, products: 1, customers: 1 } });
		const credential = oauthCredential(sim);
		const instance = await startInstance(
			{
				authentication: 'oAuth2',
				eventKind: 'notify',
				events: ['OrderPlaced'],
				options: {},
			} as never,
			{ sim, credentials: { cartComOAuthApi: credential } },
		);
		try {
			await instance.activate();
			const first = storedSession(credential);
			const hookWrites = () =>
				sim.requests.filter((r) => r.path.startsWith('/api/v1/webhooks') && r.method !== 'GET');
			expect(hookWrites().map((r) => [r.method, r.status, r.headers['x-ac-auth-token']])).toEqual([
				['POST', 201, first.accessToken],
			]);
			sim.oauth.expireAccessTokens();
			sim.clearRequests();
			expect(await instance.hook('delete')).toBe(true);
			expect(sim.requests.find((r) => r.path === '/api/oauth/refresh')?.status).toBe(200);
			expect(hookWrites().map((r) => [r.method, r.status])).toEqual([
				['DELETE', expect.any(Number)],
			]);
			expect(hookWrites()[0].status).toBeLessThan(300);
			expect(hookWrites()[0].headers['x-ac-auth-token']).toBe(
				storedSession(credential).accessToken,
			);
		} finally {
			await instance.stop();
			await sim.stop();
		}
	});
});
