/**
 * The Cart.com Webhook Trigger in a running n8n (suite.ts calls checkWebhookTrigger while n8n is
 * up): activation through n8n's REST API registers the subscriptions on the store simulator, the
 * simulator's own deliveries start executions, a post without the secret is refused, the example
 * "Get Price from a workflow" (its last node's first item is the answer) answers the simulator's synchronous GetPrice within 3 s, a workflow
 * that takes 5 s leaves the store to its failure type, and deactivation removes exactly what was
 * created.
 */
import type { Simulator } from '../simulator';
import {
	assert,
	assertEqual,
	executionItems,
	finishedExecutions,
	mustRun,
	n8nScript,
	waitFor,
	type Checks,
	type ExecutionRow,
} from './harness';
import { PACKAGE, type Workflow, type WorkflowNode } from './workflows';

const { TOKEN_CREDENTIAL } = require('../../scripts/demo/simulator-credentials.js') as {
	TOKEN_CREDENTIAL: { id: string; name: string; type: string };
};

// n8n registers webhook URLs under its own base URL: point it at this n8n's port (set before start.sh).
// (WEBHOOK_URL for n8n 1.x; n8n 2.x reads N8N_WEBHOOK_URL and only warns about the old name).
process.env.WEBHOOK_URL ??= `${process.env.N8N_BASE_URL}/`;
process.env.N8N_WEBHOOK_URL ??= process.env.WEBHOOK_URL;

export const WEBHOOK_WORKFLOWS = {
	notify: {
		id: 'e2eHookNotify001',
		trigger: 'Store Events',
		webhookId: 'e2e00000-0000-4000-8000-00000000a001',
	},
	slow: {
		id: 'e2eHookSlow00001',
		trigger: 'Slow Price',
		webhookId: 'e2e00000-0000-4000-8000-00000000a002',
	},
	price: { id: 'cartcomExPrice01', trigger: 'Cart.com Asks for Prices' },
} as const;
const NOTIFY_EVENTS = ['NewOrder', 'ProductUpdated'];
/** The example's rule: customer group 2 pays 85 % of the store price. */
const WHOLESALE_GROUP = 2;

function webhookTrigger(
	name: string,
	webhookId: string,
	parameters: Record<string, unknown>,
): WorkflowNode {
	return {
		id: webhookId,
		name,
		type: `${PACKAGE}.cartComWebhookTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters,
		credentials: {
			[TOKEN_CREDENTIAL.type]: { id: TOKEN_CREDENTIAL.id, name: TOKEN_CREDENTIAL.name },
		},
	} as WorkflowNode;
}

const connect = (from: string, to: string) => ({
	[from]: { main: [[{ node: to, type: 'main' as const, index: 0 }]] },
});

/** The workflows this part imports besides the example (which the suite imports with all examples). */
export function webhookWorkflows(): Workflow[] {
	const { notify, slow } = WEBHOOK_WORKFLOWS;
	const wait: WorkflowNode = {
		id: 'e2e00000-0000-4000-8000-00000000b001',
		name: 'Think for 5 s',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [240, 0],
		parameters: { resume: 'timeInterval', amount: 5, unit: 'seconds' },
	};
	const lateAnswer: WorkflowNode = {
		id: 'e2e00000-0000-4000-8000-00000000b002',
		name: 'Answer Late',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [480, 0],
		parameters: {
			mode: 'raw',
			jsonOutput:
				'={{ JSON.stringify({ prices: $("Slow Price").first().json.items.map(i => ({ item_number: i.item_number, price: 0.01 })) }) }}',
			options: {},
		},
	};
	return [
		{
			id: notify.id,
			name: 'e2e: Cart.com Webhook Trigger (notify events)',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				webhookTrigger(notify.trigger, notify.webhookId, {
					eventKind: 'notify',
					events: NOTIFY_EVENTS,
				}),
			],
			connections: {},
		},
		{
			id: slow.id,
			name: 'e2e: GetPrice answered after 5 s',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				webhookTrigger(slow.trigger, slow.webhookId, {
					eventKind: 'answer',
					answerEvent: 'GetPrice',
					options: { failureType: 'Ignore' },
				}),
				wait,
				lateAnswer,
			],
			connections: { ...connect(slow.trigger, wait.name), ...connect(wait.name, lateAnswer.name) },
		},
	];
}

async function rest(
	jar: string,
	method: string,
	urlPath: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const args = [
		'-sS',
		'-b',
		jar,
		'-X',
		method,
		'-H',
		'content-type: application/json',
		'-w',
		'\n%{http_code}',
		`${process.env.N8N_BASE_URL}${urlPath}`,
	];
	if (body !== undefined) args.push('--data-binary', JSON.stringify(body));
	const result = await mustRun('curl', args);
	const lines = result.stdout.trimEnd().split('\n');
	const status = lines.pop();
	assert(
		status === '200',
		`${method} ${urlPath} answered HTTP ${status}: ${lines.join('\n').slice(0, 400)}`,
	);
	const parsed = JSON.parse(lines.join('\n')) as { data?: Record<string, unknown> };
	return parsed.data ?? (parsed as Record<string, unknown>);
}

/**
 * Activates or deactivates through n8n's REST API, then waits until the store holds `subscriptions`
 * webhook records: n8n 2.x publishes an activation through an outbox and registers the webhooks after
 * the REST call has answered; n8n 1.x does it before answering.
 */
async function setActive(
	sim: Simulator,
	jar: string,
	workflowId: string,
	active: boolean,
	subscriptions: number,
): Promise<void> {
	if (active) {
		const workflow = await rest(jar, 'GET', `/rest/workflows/${workflowId}`);
		await rest(jar, 'POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
	} else {
		await rest(jar, 'POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}
	await waitFor(
		`${subscriptions} webhook subscriptions on the store after ${active ? 'activating' : 'deactivating'} ${workflowId}`,
		async () => (sim.store.list('webhooks').length === subscriptions ? true : undefined),
		60_000,
		250,
	);
	// The subscription is made while n8n registers the workflow; let it finish (2.x: outbox).
	if (active) await sleep(1000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the next execution(s) of a workflow, then a moment more, so that a second one would be seen. */
async function newExecutions(
	workflowId: string,
	before: number,
	settleMs = 2000,
): Promise<ExecutionRow[]> {
	await waitFor(
		`an execution of ${workflowId}`,
		async () => {
			const rows = await finishedExecutions(workflowId);
			return rows.length > before ? rows : undefined;
		},
		30_000,
		300,
	);
	await sleep(settleMs);
	return (await finishedExecutions(workflowId)).slice(before);
}

const storeHooks = (sim: Simulator) => sim.store.list('webhooks');
const productionUrl = (webhookId: string) =>
	`${process.env.WEBHOOK_URL}webhook/${webhookId}/webhook`;

async function controlPost(
	sim: Simulator,
	route: string,
	body: unknown,
): Promise<Record<string, unknown>> {
	const response = await fetch(`${sim.url}/_control/webhooks/${route}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	assert(
		response.ok,
		`/_control/webhooks/${route} answered ${response.status}: ${text.slice(0, 300)}`,
	);
	return JSON.parse(text) as Record<string, unknown>;
}

export async function checkWebhookTrigger(sim: Simulator, checks: Checks): Promise<void> {
	const jar = (await mustRun(n8nScript('rest-login.sh'), [])).stdout.trim();
	const { notify, slow, price } = WEBHOOK_WORKFLOWS;
	const seeded = storeHooks(sim);
	const notifyUrl = productionUrl(notify.webhookId);
	let token = '';

	const activated = await checks.check(
		'webhook trigger: activation (REST) creates exactly one Cart.com subscription per event at n8n’s production URL; the seeded one is untouched',
		async () => {
			const started = Date.now();
			await setActive(sim, jar, notify.id, true, seeded.length + NOTIFY_EVENTS.length);
			checks.time('activate webhook workflow (REST)', Date.now() - started);
			const hooks = storeHooks(sim);
			assertEqual(hooks.slice(0, seeded.length), seeded, 'seeded subscriptions');
			const created = hooks.slice(seeded.length);
			assertEqual(
				created.map((hook) => hook.event_type),
				NOTIFY_EVENTS,
				'created subscriptions',
			);
			token = new URL(String(created[0].url)).searchParams.get('token') ?? '';
			assert(/^[0-9a-f]{64}$/.test(token), 'no 64-hex token in the subscription URL');
			assertEqual(
				created.map((hook) => hook.url),
				NOTIFY_EVENTS.map((event) => `${notifyUrl}?event=${event}&token=${token}`),
				'subscription URLs',
			);
		},
	);

	if (activated) {
		await checks.check(
			'webhook trigger: a product changed through the store API → exactly one execution with the product and event ProductUpdated',
			async () => {
				const before = (await finishedExecutions(notify.id)).length;
				const product = sim.store.list('products')[0];
				const started = Date.now();
				const response = await fetch(`${sim.apiBase}/products/${String(product.id)}`, {
					method: 'PUT',
					headers: {
						'X-AC-Auth-Token': sim.options.accessToken,
						'Content-Type': 'application/json',
					},
					body: JSON.stringify({ admin_comments: 'changed by the webhook e2e' }),
				});
				assert(response.ok, `PUT product answered ${response.status}`);
				const rows = await newExecutions(notify.id, before);
				checks.time('store change → webhook execution finished', Date.now() - started);
				assertEqual(rows.length, 1, 'new executions');
				assertEqual([rows[0].status, rows[0].mode], ['success', 'webhook'], 'execution');
				const items = executionItems(rows[0], notify.trigger);
				assertEqual(items.length, 1, 'items');
				assertEqual(
					[items[0].id, items[0].admin_comments, items[0].event, 'product' in items[0]],
					[product.id, 'changed by the webhook e2e', 'ProductUpdated', false],
					'item',
				);
				assert(!JSON.stringify(items).includes(token), 'the token is in the execution data');
			},
		);

		await checks.check(
			'webhook trigger: NewOrder fired by the store (control route) → exactly one execution with the order unwrapped',
			async () => {
				const before = (await finishedExecutions(notify.id)).length;
				const order = sim.store.list('orders').at(-1)!;
				const fired = await controlPost(sim, 'fire', {
					event_type: 'NewOrder',
					record_id: order.id,
				});
				const deliveries = fired.deliveries as Array<{ status: number; url: string }>;
				assertEqual(
					deliveries.map((d) => d.status),
					[200],
					'delivery statuses',
				);
				const rows = await newExecutions(notify.id, before);
				assertEqual(rows.length, 1, 'new executions');
				const [item] = executionItems(rows[0], notify.trigger);
				assertEqual(
					[item.id, item.customer_id, item.event],
					[order.id, order.customer_id, 'NewOrder'],
					'item',
				);
			},
		);

		await checks.check(
			'webhook trigger: a POST without the token, with a wrong one or for another event → 401 and no execution',
			async () => {
				const before = (await finishedExecutions(notify.id)).length;
				const body = JSON.stringify({ order: { id: 1 } });
				for (const query of [
					'?event=NewOrder',
					`?event=NewOrder&token=${'0'.repeat(64)}`,
					`?event=OrderShipped&token=${token}`,
				]) {
					const response = await fetch(`${notifyUrl}${query}`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json' },
						body,
					});
					await response.text();
					assertEqual(response.status, 401, `status for ${query.replace(token, '<token>')}`);
				}
				await sleep(1500);
				assertEqual((await finishedExecutions(notify.id)).length, before, 'executions');
			},
		);
	}

	const product = sim.store
		.list('products')
		.find(
			(p) =>
				p.use_variant_inventory === false &&
				typeof p.price === 'number' &&
				typeof p.item_number === 'string',
		);
	assert(product, 'no product without variant inventory');
	const storePrice = Number(product.price);
	const sku = String(product.item_number);

	await checks.check(
		'example "Get Price from a workflow": GetPrice answered by the workflow’s last node → the store applies the group price within 3 s',
		async () => {
			const before = storeHooks(sim).length;
			await setActive(sim, jar, price.id, true, before + 1);
			try {
				const hooks = storeHooks(sim).slice(before);
				assertEqual(
					hooks.map((hook) => [hook.event_type, hook.failure_type, hook.cache_length]),
					[['GetPrice', 'Ignore', 'NoCache']],
					'GetPrice subscription',
				);
				const wholesale = await controlPost(sim, 'get_price', {
					items: [{ item_number: sku, quantity: 2 }],
					customer_type_id: WHOLESALE_GROUP,
				});
				checks.time('GetPrice answered by the example (wholesale)', Number(wholesale.elapsed_ms));
				assertEqual(
					[wholesale.outcome, wholesale.prices],
					[
						'answered',
						[{ item_number: sku, price: Math.round(storePrice * 85) / 100, source: 'webhook' }],
					],
					`wholesale GetPrice (${String(wholesale.reason ?? '')})`,
				);
				assert(
					Number(wholesale.elapsed_ms) < 3000,
					`answered after ${String(wholesale.elapsed_ms)} ms`,
				);
				const retail = await controlPost(sim, 'get_price', {
					items: [{ item_number: sku }],
					customer_type_id: 0,
				});
				checks.time('GetPrice answered by the example (retail)', Number(retail.elapsed_ms));
				assertEqual(
					[retail.outcome, retail.prices],
					['answered', [{ item_number: sku, price: storePrice, source: 'webhook' }]],
					'retail GetPrice',
				);
			} finally {
				await setActive(sim, jar, price.id, false, before);
			}
			assertEqual(storeHooks(sim).length, before, 'subscriptions after deactivating the example');
		},
	);

	await checks.check(
		'a GetPrice workflow that takes 5 s → the store’s failure type (Ignore) applies: the store’s own price, after 3 s',
		async () => {
			const before = storeHooks(sim).length;
			await setActive(sim, jar, slow.id, true, before + 1);
			try {
				const result = await controlPost(sim, 'get_price', {
					items: [{ item_number: sku }],
					customer_type_id: WHOLESALE_GROUP,
				});
				checks.time('GetPrice with a 5 s workflow', Number(result.elapsed_ms));
				assertEqual(
					[result.outcome, result.prices],
					['ignored', [{ item_number: sku, price: storePrice, source: 'store' }]],
					'GetPrice result',
				);
				const elapsed = Number(result.elapsed_ms);
				assert(elapsed >= 2900 && elapsed < 4500, `gave up after ${elapsed} ms`);
				const attempts = result.attempts as Array<{ outcome: string }>;
				assertEqual(
					attempts.map((a) => a.outcome),
					['timeout'],
					'attempts',
				);
			} finally {
				await sleep(3000); // let the late execution end before deactivating
				await setActive(sim, jar, slow.id, false, before);
			}
			assertEqual(storeHooks(sim).length, before, 'subscriptions after deactivating');
		},
	);

	await checks.check(
		'webhook trigger: deactivation (REST) deletes exactly the subscriptions it created; the seeded one is untouched',
		async () => {
			await setActive(sim, jar, notify.id, false, seeded.length);
			assertEqual(storeHooks(sim), seeded, 'subscriptions after deactivation');
		},
	);
}
