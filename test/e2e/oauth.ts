/**
 * Issue 14, point 2 in real n8n: the "Cart.com OAuth API" credential. The credential (client id,
 * client secret, a refresh token the simulator issued as its OAuth flow would) and two workflows
 * are imported with n8n's CLI; `n8n execute` runs them. What n8n stores in the credential after each
 * run is read back with `n8n export:credentials --decrypted`. suite.ts calls checkOAuth() after the
 * other CLI executions (also alone: E2E_ONLY=oauth).
 *
 *   1. first run: n8n runs preAuthentication (the tokens field is empty): one signed refresh, then
 *      the orders read with the new access token; n8n stores the tokens in the credential;
 *   2. second run: the stored access token is used, no refresh (n8n persisted the tokens);
 *   3. the store revokes the token early: 401, refresh, the request sent again;
 *   4. the token's announced expiry passes: refreshed before anything is sent;
 *   5. n8n's HTTP Request node (Predefined Credential Type) after a revoke: 401, refresh, retry.
 * The simulator rotates refresh tokens (the old one dies), so every step also proves the newest
 * refresh token was kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';

import type { RecordedRequest, Simulator } from '../simulator';
import {
	assert,
	assertEqual,
	type Checks,
	executeWorkflow,
	n8nCli,
	nodeItems,
	type ItemJson,
} from './harness';
import { chain, PACKAGE, type Workflow } from './workflows';

export const OAUTH_CREDENTIAL = {
	id: 'cartcomOAuthCred',
	name: 'Cart.com simulator (OAuth app)',
	type: 'cartComOAuthApi',
};

const WORKFLOW_IDS = { action: 'e2eOAuthOrders01', httpRequest: 'e2eOAuthHttpReq1' };
const credentialRef = {
	[OAUTH_CREDENTIAL.type]: { id: OAUTH_CREDENTIAL.id, name: OAUTH_CREDENTIAL.name },
};

function oauthWorkflows(simulatorUrl: string): Workflow[] {
	return [
		chain(WORKFLOW_IDS.action, 'e2e: Cart.com node with the OAuth credential', [
			{
				id: randomUUID(),
				name: 'Get Orders',
				type: `${PACKAGE}.cartCom`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'oAuth2', resource: 'order', operation: 'getAll', limit: 2 },
				credentials: credentialRef,
			},
		]),
		chain(WORKFLOW_IDS.httpRequest, 'e2e: HTTP Request node with the Cart.com OAuth credential', [
			{
				id: randomUUID(),
				name: 'GET products',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [0, 0],
				parameters: {
					authentication: 'predefinedCredentialType',
					nodeCredentialType: OAUTH_CREDENTIAL.type,
					method: 'GET',
					url: `${simulatorUrl.replace(/\/+$/, '')}/api/v1/products`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'count', value: '1' }] },
					options: {},
				},
				credentials: credentialRef,
			},
		]),
	];
}

interface StoredTokens {
	accessToken: string;
	refreshToken: string;
	obtainedAt: number;
	expiresAt?: number;
}

/** The credential as n8n stores it now (decrypted through n8n's CLI). */
async function storedCredential(workDir: string): Promise<Record<string, string>> {
	const file = path.join(workDir, 'oauth-credential-export.json');
	await n8nCli([
		'export:credentials',
		`--id=${OAUTH_CREDENTIAL.id}`,
		'--decrypted',
		`--output=${file}`,
	]);
	const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
		data: Record<string, string>;
	}>;
	fs.rmSync(file);
	return exported[0].data;
}

const tokensOf = (data: Record<string, string>): StoredTokens =>
	JSON.parse(data.tokens) as StoredTokens;

const trail = (requests: RecordedRequest[]) =>
	requests.map((r) => `${r.status} ${r.method} ${r.path}`);

const tokenSent = (request: RecordedRequest) => {
	const value = request.headers['x-ac-auth-token'];
	return Array.isArray(value) ? value[0] : value;
};

export async function checkOAuth(checks: Checks, sim: Simulator, workDir: string): Promise<void> {
	const typedRefreshToken = sim.oauth.issueRefreshToken('read_orders,read_catalog');
	const { clientId, clientSecret } = sim.oauth.options;
	sim.oauth.options.refreshRotation = 'rotate';
	sim.oauth.options.accessTokenTtlMs = 3_600_000;

	await checks.step(
		'OAuth: import the "Cart.com OAuth API" credential and its two workflows (n8n CLI)',
		async () => {
			const dir = path.join(workDir, 'oauth');
			fs.mkdirSync(path.join(dir, 'workflows'), { recursive: true });
			const credentialsFile = path.join(dir, 'credentials.json');
			fs.writeFileSync(
				credentialsFile,
				JSON.stringify([
					{
						...OAUTH_CREDENTIAL,
						data: { storeDomain: sim.url, clientId, clientSecret, refreshToken: typedRefreshToken },
					},
				]),
			);
			for (const workflow of oauthWorkflows(sim.url))
				fs.writeFileSync(
					path.join(dir, 'workflows', `${workflow.id}.json`),
					JSON.stringify(workflow),
				);
			await n8nCli(['import:credentials', `--input=${credentialsFile}`]);
			fs.rmSync(credentialsFile);
			await n8nCli(['import:workflow', '--separate', `--input=${path.join(dir, 'workflows')}`]);
		},
	);

	/** Runs a workflow; returns what the store received and the raw execution text. */
	const runWorkflow = async (id: string) => {
		const since = sim.requests.length;
		const run = await executeWorkflow(id);
		return { run, sent: sim.requests.slice(since), text: JSON.stringify(run) };
	};
	const secretsNowKnown = async () => {
		const data = await storedCredential(workDir);
		const tokens = tokensOf(data);
		return {
			data,
			tokens,
			secrets: [clientSecret, typedRefreshToken, tokens.accessToken, tokens.refreshToken],
		};
	};
	const assertNoSecrets = (text: string, secrets: string[], what: string) => {
		for (const secret of secrets) assert(!text.includes(secret), `${what} shows a secret`);
	};

	let previous: StoredTokens | undefined;
	await checks.check(
		'OAuth, Cart.com node, first run: one signed refresh, the orders read with the new access token, the tokens stored in the credential',
		async () => {
			const { run, sent, text } = await runWorkflow(WORKFLOW_IDS.action);
			checks.time('n8n execute (OAuth, first run)', run.ms);
			assertEqual(
				trail(sent),
				['200 POST /api/oauth/refresh', '200 GET /api/v1/orders'],
				'requests',
			);
			assertEqual(
				(sent[0].body as ItemJson).refresh_token,
				typedRefreshToken,
				'refresh token sent',
			);
			const { data, tokens, secrets } = await secretsNowKnown();
			assertEqual(
				tokenSent(sent[1]),
				tokens.accessToken,
				'X-AC-Auth-Token = the stored access token',
			);
			assertEqual(
				data.refreshToken,
				typedRefreshToken,
				'the typed Refresh Token field (unchanged)',
			);
			assertEqual(
				sim.oauth.validRefreshTokens().includes(tokens.refreshToken),
				true,
				'stored refresh token valid',
			);
			assertEqual(
				sim.oauth.validRefreshTokens().includes(typedRefreshToken),
				false,
				'typed refresh token rotated out',
			);
			assertEqual(nodeItems(run, 'Get Orders').length, 2, 'orders output');
			assertNoSecrets(text, secrets, 'the execution');
			previous = tokens;
		},
	);

	await checks.check(
		'OAuth, second run: the stored access token is reused, no refresh',
		async () => {
			const { sent } = await runWorkflow(WORKFLOW_IDS.action);
			assertEqual(trail(sent), ['200 GET /api/v1/orders'], 'requests');
			assertEqual(tokenSent(sent[0]), previous?.accessToken, 'access token sent');
		},
	);

	await checks.check(
		'OAuth, the store revokes the access token early: 401, one refresh with the newest refresh token, the read sent again',
		async () => {
			sim.oauth.options.accessTokenTtlMs = 4_000; // for the next check: a short announced lifetime
			sim.oauth.expireAccessTokens();
			const { run, sent, text } = await runWorkflow(WORKFLOW_IDS.action);
			assertEqual(
				trail(sent),
				['401 GET /api/v1/orders', '200 POST /api/oauth/refresh', '200 GET /api/v1/orders'],
				'requests',
			);
			assertEqual(
				(sent[1].body as ItemJson).refresh_token,
				previous?.refreshToken,
				'refresh token sent',
			);
			const { tokens, secrets } = await secretsNowKnown();
			assertEqual(tokenSent(sent[2]), tokens.accessToken, 'retried with the new access token');
			assert(tokens.expiresAt !== undefined, 'the announced expiry was not stored');
			assertEqual(nodeItems(run, 'Get Orders').length, 2, 'orders output');
			assertNoSecrets(text, [...secrets, String(previous?.accessToken)], 'the execution');
			previous = tokens;
		},
	);

	await checks.check(
		'OAuth, the access token’s announced expiry has passed: renewed before sending, the expired token never sent',
		async () => {
			const waitMs = (previous?.expiresAt ?? 0) - 2_000 - Date.now(); // the credential's margin: half of 4 s
			if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 100));
			sim.oauth.options.accessTokenTtlMs = 3_600_000; // the token this run gets lives on
			const { sent } = await runWorkflow(WORKFLOW_IDS.action);
			assertEqual(
				trail(sent),
				['200 POST /api/oauth/refresh', '200 GET /api/v1/orders'],
				'requests',
			);
			assert(
				!sent.some((r) => tokenSent(r) === previous?.accessToken),
				'the expired token was sent',
			);
			previous = tokensOf(await storedCredential(workDir));
		},
	);

	await checks.check(
		'OAuth, n8n’s HTTP Request node (Predefined Credential Type "Cart.com OAuth API") after a revoke: 401, refresh, retried and served',
		async () => {
			sim.oauth.expireAccessTokens();
			const { run, sent, text } = await runWorkflow(WORKFLOW_IDS.httpRequest);
			checks.time('n8n execute (OAuth, HTTP Request)', run.ms);
			assertEqual(
				trail(sent),
				['401 GET /api/v1/products', '200 POST /api/oauth/refresh', '200 GET /api/v1/products'],
				'requests',
			);
			assertEqual(sent[0].rawQuery, 'count=1', 'query');
			const { tokens, secrets } = await secretsNowKnown();
			assertEqual(tokenSent(sent[2]), tokens.accessToken, 'retried with the new access token');
			const [output] = nodeItems(run, 'GET products');
			assertEqual((output.products as ItemJson[]).length, 1, 'products output');
			assertNoSecrets(text, secrets, 'the execution');
			assertEqual(
				sim.oauth.validRefreshTokens().filter((t) => t === tokens.refreshToken).length,
				1,
				'stored refresh token valid',
			);
		},
	);
}

type RestCall = (method: string, urlPath: string, body?: unknown) => Promise<unknown>;

/**
 * With `n8n start` running: the editor's credential test of the OAuth credential. It is sent
 * placeholders for the secrets and the tokens only. n8n's test uses the stored access token; when
 * the store refuses it, n8n refreshes (preAuthentication), tests again and keeps the new tokens.
 */
export async function checkOAuthCredentialTest(
	checks: Checks,
	sim: Simulator,
	workDir: string,
	restCall: RestCall,
): Promise<void> {
	await checks.check(
		'REST: the credential test of cartComOAuthApi passes, renews a refused token and keeps it; the editor gets no secret; a refused refresh fails it without secrets',
		async () => {
			const stored = (await restCall(
				'GET',
				`/rest/credentials/${OAUTH_CREDENTIAL.id}?includeData=true`,
			)) as { data: Record<string, string> };
			const before = await storedCredential(workDir);
			const editorText = JSON.stringify(stored);
			for (const secret of [before.clientSecret, before.refreshToken, before.tokens])
				assert(!editorText.includes(secret), 'the editor is sent a secret or the tokens');
			const payload = { credentials: { ...OAUTH_CREDENTIAL, data: stored.data } };
			const test = async () =>
				(await restCall('POST', '/rest/credentials/test', payload)) as {
					status: string;
					message?: string;
				};

			let since = sim.requests.length;
			const good = await test();
			assertEqual(good.status, 'OK', `test result (${good.message ?? ''})`);
			let sent = sim.requests.slice(since);
			checks.log(`  credential test with the stored token: ${trail(sent).join(', ')}`);
			let after = tokensOf(await storedCredential(workDir));
			assertEqual(trail(sent).at(-1), '200 GET /api/v1/products', 'the test read');
			assertEqual(
				tokenSent(sent.at(-1)!),
				after.accessToken,
				'the test read’s token = the stored one',
			);

			sim.oauth.expireAccessTokens();
			since = sim.requests.length;
			const renewed = await test();
			sent = sim.requests.slice(since);
			checks.log(`  credential test after the store revoked the token: ${trail(sent).join(', ')}`);
			assertEqual(renewed.status, 'OK', `test result after a revoke (${renewed.message ?? ''})`);
			assertEqual(
				trail(sent).slice(-2),
				['200 POST /api/oauth/refresh', '200 GET /api/v1/products'],
				'refresh, then the test read',
			);
			after = tokensOf(await storedCredential(workDir));
			assertEqual(tokenSent(sent.at(-1)!), after.accessToken, 'n8n kept the renewed token');
			assert(
				sim.oauth.validRefreshTokens().includes(after.refreshToken),
				'the stored refresh token is not the store’s current one',
			);

			const secret = sim.oauth.options.clientSecret;
			sim.oauth.options.clientSecret = 'the-app-secret-was-changed';
			sim.oauth.expireAccessTokens();
			try {
				const bad = await test();
				assertEqual(bad.status, 'Error', 'test result when the store refuses the refresh');
				checks.log(`  cartComOAuthApi test with a refused refresh says: ${bad.message}`);
				assert(
					/refused to refresh the access token \(HTTP 403\)/.test(String(bad.message)),
					'the message does not say the refresh was refused',
				);
				for (const value of [secret, after.refreshToken, after.accessToken])
					assert(!String(bad.message).includes(value), 'the message shows a secret');
			} finally {
				sim.oauth.options.clientSecret = secret;
			}
		},
	);
}
