/**
 * scripts/oauth/authorize.ts (`npm run oauth:authorize`) against the simulator's OAuth web flow:
 * the test plays the merchant's browser (opens the authorize URL, follows the store's redirect to
 * the helper's loopback listener); the store checks the exchange signature.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { exchangeSignature } from '../../credentials/common/cartComOAuth';
import { CartCom } from '../../nodes/CartCom/CartCom.node';
import {
	authorize,
	AuthorizeError,
	parseArgs,
	type AuthorizeOptions,
} from '../../scripts/oauth/authorize';
import { startStore, type Simulator } from '../helpers/fixtures';
import { runNode } from '../helpers/n8n';

/** The browser: open the URL, follow the store's redirect to the callback; returns the pages' statuses. */
async function browse(url: string): Promise<number[]> {
	const statuses: number[] = [];
	let next: string | null = url;
	for (let hop = 0; next && hop < 3; hop++) {
		const response: Response = await fetch(next, { redirect: 'manual' });
		statuses.push(response.status);
		await response.text();
		next =
			response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
	}
	return statuses;
}

describe('npm run oauth:authorize', () => {
	let sim: Simulator;
	let logs: string[];
	let browsed: Promise<number[]> | undefined;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 3, products: 1, customers: 1 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		sim.clearRequests();
		sim.oauth.options.deny = false;
		logs = [];
		browsed = undefined;
	});

	const options = (overrides: Partial<AuthorizeOptions> = {}): AuthorizeOptions => ({
		store: sim.url,
		clientId: sim.oauth.options.clientId,
		clientSecret: sim.oauth.options.clientSecret,
		scope: 'read_orders,write_orders',
		redirectUri: 'http://127.0.0.1:0/callback',
		timeoutMs: 10_000,
		...overrides,
	});
	const io = {
		log: (line: string) => logs.push(line),
		onAuthorizeUrl: (url: string) => {
			logs.push(url);
			browsed = browse(url);
		},
	};

	it('runs the flow: authorize URL, callback, signed exchange; prints a refresh token the credential can use', async () => {
		const refreshToken = await authorize(
			options({ redirectUri: 'http://127.0.0.1:0/Cart/CallBack' }),
			io,
		);
		expect(await browsed).toEqual([302, 200]);
		expect(sim.oauth.validRefreshTokens()).toContain(refreshToken);
		expect(sim.oauth.counts.exchanges).toBe(1);

		const [authorizeRequest, exchangeRequest] = sim.requests;
		expect(authorizeRequest.method).toBe('GET');
		expect(authorizeRequest.path).toBe('/api/oauth');
		const redirectUri = authorizeRequest.query.get('redirect_uri')!;
		expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Cart\/CallBack$/);
		expect(authorizeRequest.query.get('client_id')).toBe(sim.oauth.options.clientId);
		expect(authorizeRequest.query.get('scope')).toBe('read_orders,write_orders');
		expect([exchangeRequest.method, exchangeRequest.path, exchangeRequest.status]).toEqual([
			'POST',
			'/api/oauth/access_token',
			200,
		]);
		const body = exchangeRequest.body as IDataObject;
		expect(Object.keys(body).sort()).toEqual(['auth_id', 'client_id', 'signature']);
		expect(body.signature).toMatch(/^[0-9a-f]{64}$/);
		// Nothing the helper said (its log lines) holds the secret, the code or the signature.
		const said = logs.join('\n');
		for (const secret of [sim.oauth.options.clientSecret, String(body.signature), refreshToken])
			expect(said).not.toContain(secret);

		// The token works in the credential.
		const credential: ICredentialDataDecryptedObject = {
			storeDomain: sim.url,
			clientId: sim.oauth.options.clientId,
			clientSecret: sim.oauth.options.clientSecret,
			refreshToken,
		};
		const items = await runNode(new CartCom(), {
			parameters: { authentication: 'oAuth2', resource: 'order', operation: 'getAll', limit: 1 },
			credentials: { cartComOAuthApi: credential },
		});
		expect(items).toHaveLength(1);
	});

	it('the exchange signature covers the lowercased redirect URI (a different scope fails the check)', () => {
		const parts = {
			clientSecret: 's',
			code: 'c',
			clientId: '1',
			scope: 'a',
			redirectUri: 'http://X/Y',
		};
		expect(exchangeSignature(parts)).toBe(
			exchangeSignature({ ...parts, redirectUri: 'http://x/y' }),
		);
		expect(exchangeSignature(parts)).not.toBe(exchangeSignature({ ...parts, scope: 'b' }));
	});

	it('a merchant who refuses the app: Cart.com’s error is shown, nothing is exchanged', async () => {
		sim.oauth.options.deny = true;
		await expect(authorize(options(), io)).rejects.toThrow(
			/did not authorize the app: access_denied — user_denied — The merchant did not grant/,
		);
		expect(await browsed).toEqual([302, 400]);
		expect(sim.requests.map((r) => r.path)).toEqual(['/api/oauth']);
	});

	it('a wrong client secret: the store refuses the signature (403); the error holds no secret or code', async () => {
		const error = (await authorize(options({ clientSecret: 'not-the-secret' }), io).catch(
			(e: unknown) => e,
		)) as Error;
		expect(error).toBeInstanceOf(AuthorizeError);
		expect(error.message).toMatch(/refused to exchange the authorization code \(HTTP 403\)/);
		const exchange = sim.requests.find((r) => r.path === '/api/oauth/access_token')!;
		expect(exchange.status).toBe(403);
		expect(error.message).not.toContain('not-the-secret');
		expect(error.message).not.toContain(String((exchange.body as IDataObject).signature));
	});

	it('no answer within the time limit: a clear error, the listener is closed', async () => {
		const quiet = { ...io, onAuthorizeUrl: () => undefined };
		await expect(authorize(options({ timeoutMs: 200 }), quiet)).rejects.toThrow(
			/No answer from the store within 1 s/,
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses a redirect URI it cannot listen on, and names missing arguments', async () => {
		await expect(
			authorize(options({ redirectUri: 'https://example.com/callback' }), io),
		).rejects.toThrow(/--redirect-uri must be http:\/\/127.0.0.1:PORT\/path/);
		await expect(authorize(options({ scope: '', clientId: ' ' }), io)).rejects.toThrow(
			'Missing --client-id, --scope',
		);
		await expect(authorize(options({ store: 'http://mystore.com' }), io)).rejects.toThrow(
			/--store must use https:\/\//,
		);
		expect(() => parseArgs(['--store'], {})).toThrow('--store needs a value');
		expect(
			parseArgs(['--store', 'a.com', '--client-id', '7', '--scope', 's'], {
				CARTCOM_CLIENT_SECRET: 'x',
			}),
		).toMatchObject({
			store: 'a.com',
			clientId: '7',
			scope: 's',
			clientSecret: 'x',
			redirectUri: 'http://127.0.0.1:8765/callback',
			timeoutMs: 600_000,
		});
	});
});
