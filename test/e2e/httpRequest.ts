/**
 * Issue 13 in real n8n: n8n's own HTTP Request node with the Cart.com credentials (Authentication:
 * Predefined Credential Type), and what the editor's node panel gets to find our nodes by (codex:
 * categories, aliases; documentation links). suite.ts imports httpRequestWorkflows() with the other
 * workflows and calls the two checks.
 */
import { randomUUID } from 'node:crypto';

import type { RecordedRequest, Simulator } from '../simulator';
import {
	assert,
	assertEqual,
	type Checks,
	executeWorkflow,
	nodeItems,
	type ItemJson,
} from './harness';
import { chain, PACKAGE, type Workflow, type WorkflowNode } from './workflows';

const { TOKEN_CREDENTIAL, ROUTER_CREDENTIAL } =
	require('../../scripts/demo/simulator-credentials.js') as {
		TOKEN_CREDENTIAL: { id: string; name: string; type: string };
		ROUTER_CREDENTIAL: { id: string; name: string; type: string };
	};

export const HTTP_WORKFLOW_IDS = {
	token: 'e2eHttpReqToken1',
	router: 'e2eHttpReqRouter',
	elsewhere: 'e2eHttpReqElsewh',
};

type Auth = 'token' | 'router';

/** An HTTP Request node (version 4.2, as the editor adds it today) with a Cart.com credential. */
function httpRequest(name: string, auth: Auth, parameters: Record<string, unknown>): WorkflowNode {
	const credential = auth === 'token' ? TOKEN_CREDENTIAL : ROUTER_CREDENTIAL;
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credential.type,
			options: {},
			...parameters,
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

const emailFor = (auth: Auth) => `http-request-${auth}@example.com`;

/** GET with query parameters, then POST with a JSON body and a query parameter, per credential. */
export function httpRequestWorkflows(simulatorUrl: string): Workflow[] {
	const api = `${simulatorUrl.replace(/\/+$/, '')}/api/v1`;
	const calls = (auth: Auth) => [
		httpRequest(`GET orders (${auth})`, auth, {
			method: 'GET',
			url: `${api}/orders`,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'count', value: '2' },
					{ name: 'sort', value: '-id' },
					{ name: 'fields', value: 'id,order_status_id' },
				],
			},
		}),
		httpRequest(`POST customer (${auth})`, auth, {
			method: 'POST',
			url: `${api}/customers`,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'expand', value: 'addresses' }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify({
				store_id: 1,
				first_name: 'Http',
				last_name: `Request ${auth}`,
				email: emailFor(auth),
			}),
		}),
	];
	return [
		chain(HTTP_WORKFLOW_IDS.token, 'e2e: HTTP Request node with Cart.com API', calls('token')),
		chain(
			HTTP_WORKFLOW_IDS.router,
			'e2e: HTTP Request node with Cart.com Central API Router API',
			calls('router'),
		),
		chain(HTTP_WORKFLOW_IDS.elsewhere, 'e2e: HTTP Request node, Cart.com credential, other host', [
			httpRequest('GET elsewhere (token)', 'token', {
				method: 'GET',
				url: 'http://127.0.0.2:9/api/v1/orders',
			}),
		]),
	];
}

const header = (request: RecordedRequest, name: string) => {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

export async function checkHttpRequestNode(checks: Checks, sim: Simulator): Promise<void> {
	for (const auth of ['token', 'router'] as const) {
		await checks.check(
			`HTTP Request node, Predefined Credential Type ${auth === 'token' ? '"Cart.com API"' : '"Cart.com Central API Router API"'}: GET with query and POST with JSON body, signed as the store expects`,
			async () => {
				const since = sim.requests.length;
				const run = await executeWorkflow(HTTP_WORKFLOW_IDS[auth]);
				checks.time(`n8n execute (HTTP Request, ${auth})`, run.ms);
				const sent = sim.requests.slice(since);
				assertEqual(
					sent.map((r) => `${r.method} ${r.path}?${r.rawQuery}`),
					[
						'GET /api/v1/orders?count=2&sort=-id&fields=id%2Corder_status_id',
						'POST /api/v1/customers?expand=addresses',
					],
					'requests the store received (the query the user set, as sent and signed)',
				);
				assert(
					sent.every((r) => r.status >= 200 && r.status < 300),
					`the store answered ${sent.map((r) => r.status).join(', ')} (401: token or signature refused)`,
				);
				for (const request of sent) {
					if (auth === 'token') {
						assertEqual(
							header(request, 'x-ac-auth-token'),
							sim.options.accessToken,
							'X-AC-Auth-Token',
						);
						assert(!header(request, 'x-ac-pub-auth-signature'), 'a router signature was sent');
					} else {
						// The simulator answers 401 unless the signature covers the path and query it received.
						assertEqual(
							[header(request, 'x-ac-pub-user'), header(request, 'x-ac-pub-site-id')],
							[sim.options.router.userName, sim.options.router.siteId],
							'X-AC-PUB-User / Site-ID',
						);
						assert(header(request, 'x-ac-pub-auth-signature'), 'no X-AC-PUB-Auth-Signature');
						assert(!header(request, 'x-ac-auth-token'), 'an access token was sent');
					}
				}
				assertEqual(
					sent[1].body,
					{ store_id: 1, first_name: 'Http', last_name: `Request ${auth}`, email: emailFor(auth) },
					'POST body the store received',
				);
				const [orders] = nodeItems(run, `GET orders (${auth})`);
				assertEqual(
					(orders.orders as ItemJson[]).map((order) => order.id),
					sim.store
						.list('orders')
						.map((order) => Number(order.id))
						.sort((a, b) => b - a)
						.slice(0, 2),
					'GET output: the two newest orders',
				);
				const [created] = nodeItems(run, `POST customer (${auth})`);
				assertEqual(
					sim.store.get('customers', Number(created.id))?.email,
					emailFor(auth),
					'POST output id → the stored customer',
				);
			},
		);
	}

	await checks.check(
		'HTTP Request node with a Cart.com credential and a URL on another host: refused, nothing sent',
		async () => {
			const since = sim.requests.length;
			let message = '';
			try {
				await executeWorkflow(HTTP_WORKFLOW_IDS.elsewhere);
			} catch (error) {
				message = error instanceof Error ? error.message : String(error);
			}
			assert(
				message.includes('Refusing to send Cart.com credentials to another host'),
				`the workflow did not fail with the credential's refusal: ${message.slice(0, 300)}`,
			);
			assert(!message.includes(sim.options.accessToken), 'the error shows the access token');
			assertEqual(sim.requests.length - since, 0, 'requests to the store');
		},
	);
}

interface NodeTypeJson {
	name: string;
	description?: string;
	documentationUrl?: string;
	codex?: { categories?: string[]; alias?: string[] };
}

/** The node list the editor's node panel searches (displayName and codex.alias, fuzzy). */
export async function checkNodePanelData(
	checks: Checks,
	restGet: (path: string) => Promise<unknown>,
): Promise<void> {
	await checks.check(
		'REST /types/nodes.json: the four nodes carry their codex (category Sales; aliases AmeriCommerce, Spark Pay, shipment, inventory, ecommerce / Extensiv, 3PL) and README docs links',
		async () => {
			const nodes = (await restGet('/types/nodes.json')) as NodeTypeJson[];
			const ours = new Map(
				nodes.filter((n) => n.name.startsWith(`${PACKAGE}.`)).map((n) => [n.name, n]),
			);
			const expectations: Record<string, string[]> = {
				cartCom: ['AmeriCommerce', 'Spark Pay', 'shipment', 'inventory', 'ecommerce', 'SKU'],
				cartComTrigger: ['AmeriCommerce', 'Spark Pay', 'order'],
				cartRover: ['Extensiv', 'Integration Manager', '3PL', 'warehouse', 'order hub'],
				cartRoverTrigger: ['Extensiv', '3PL', 'fulfillment'],
			};
			for (const [name, aliases] of Object.entries(expectations)) {
				const node = ours.get(`${PACKAGE}.${name}`);
				assert(node, `${name} missing from /types/nodes.json`);
				assert(
					node.codex?.categories?.includes('Sales'),
					`${name} codex categories: ${JSON.stringify(node.codex?.categories)}`,
				);
				const missing = aliases.filter((alias) => !node.codex?.alias?.includes(alias));
				assertEqual(missing, [], `${name} aliases missing from the codex n8n serves`);
				assert(
					node.documentationUrl?.startsWith(
						'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#',
					),
					`${name} documentationUrl: ${node.documentationUrl}`,
				);
			}
			assert(
				ours.get(`${PACKAGE}.cartCom`)?.description !==
					ours.get(`${PACKAGE}.cartComTrigger`)?.description,
				'the Cart.com node and its trigger have the same description',
			);
		},
	);
}
