/**
 * End-to-end run of the packed package in a real n8n (scripts/e2e/run.sh starts this once per n8n
 * version, after sourcing scripts/n8n/env.sh for a fresh user folder). The store simulator runs in
 * this process, so every check can look at what n8n really sent and what the store now holds.
 *
 *   E2E_TARBALL   the `npm pack` tarball to install (required)
 *   E2E_SUITE     full (default): everything below; quick: load, import, the four CLI executions
 *   E2E_WORK_DIR  where credentials/workflow JSON and logs go (default: a temp dir)
 *   E2E_ONLY      oauth: only install, import and the OAuth credential checks (oauth.ts), for
 *                 working on them (not a CI setting)
 *
 * Prints `e2e <version>: N passed, N failed` last; exit code 0 only when nothing failed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DateTime } from 'luxon';

import { sendJson, startHostileServer } from '../helpers/hostileServer';
import { startSimulator, type RecordedRequest, type Simulator } from '../simulator';
import { startCartRoverSimulator, type CartRoverSimulator } from '../simulator/cartRover';
import {
	assertSentToCartRover,
	assertShippedBack,
	CARTROVER_EXAMPLE,
	CARTROVER_TRACKING,
	orderAlreadyInCartRover,
} from './cartRover';
import {
	assert,
	assertEqual,
	Checks,
	executeWorkflow,
	executionItems,
	finishedExecutions,
	mustRun,
	n8nCli,
	n8nScript,
	nodeItems,
	REPO_ROOT,
	run,
	sqlite,
	StopRun,
	waitFor,
	type ItemJson,
} from './harness';
import { checkHttpRequestNode, checkNodePanelData, httpRequestWorkflows } from './httpRequest';
import {
	e2eWorkflows,
	ORDER_UPDATED_TRIGGER,
	PACKAGE,
	WORKFLOW_IDS,
	type E2eInputs,
} from './workflows';
import { checkWebhookTrigger, webhookWorkflows } from './webhookTrigger';
import { checkOAuth, checkOAuthCredentialTest } from './oauth';

const { simulatorCredentials, TOKEN_CREDENTIAL, ROUTER_CREDENTIAL, CARTROVER_CREDENTIAL } =
	require('../../scripts/demo/simulator-credentials.js') as {
		simulatorCredentials: (url: string, secrets: object, cartRoverUrl: string) => unknown[];
		TOKEN_CREDENTIAL: { id: string; name: string; type: string };
		ROUTER_CREDENTIAL: { id: string; name: string; type: string };
		CARTROVER_CREDENTIAL: { id: string; name: string; type: string };
	};

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const EXAMPLE = {
	shipment: { id: 'cartcomExShip001', trigger: 'New Order' },
	stock: { id: 'cartcomExStock01' },
	summary: { id: 'cartcomExProd001', trigger: 'Product Updated' },
};
/** SKUs and quantities in examples/inventory-sync-by-sku.json. */
const EXAMPLE_STOCK: Record<string, number> = {
	'HOODIE-10002': 25,
	'CAP-10003': 140,
	'MUG-10004': 12,
};

const version = process.env.N8N_VERSION ?? '?';
const suite = process.env.E2E_SUITE === 'quick' ? 'quick' : 'full';
const checks = new Checks(`n8n ${version}`);

const served = (
	sim: Simulator,
	since: number,
	method?: string,
	pathPart?: string,
): RecordedRequest[] =>
	sim.requests
		.slice(since)
		.filter(
			(r) =>
				r.status >= 200 &&
				r.status < 300 &&
				(!method || r.method === method) &&
				(!pathPart || r.path.includes(pathPart)),
		);

const header = (request: RecordedRequest, name: string) => {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
};

/** Every request since `since` was signed the way the given credential signs. */
function assertAuth(sim: Simulator, since: number, auth: 'token' | 'router'): void {
	const requests = sim.requests.slice(since);
	assert(requests.length > 0, 'n8n sent no request to the store');
	for (const request of requests) {
		const line = `${request.method} ${request.path}`;
		if (auth === 'token') {
			assertEqual(
				header(request, 'x-ac-auth-token'),
				sim.options.accessToken,
				`X-AC-Auth-Token of ${line}`,
			);
			assert(!header(request, 'x-ac-pub-auth-signature'), `${line} carries a router signature`);
		} else {
			assertEqual(
				header(request, 'x-ac-pub-user'),
				sim.options.router.userName,
				`X-AC-PUB-User of ${line}`,
			);
			assertEqual(
				header(request, 'x-ac-pub-site-id'),
				sim.options.router.siteId,
				`X-AC-PUB-Site-ID of ${line}`,
			);
			assert(header(request, 'x-ac-pub-auth-signature'), `${line} has no X-AC-PUB-Auth-Signature`);
			assert(!header(request, 'x-ac-auth-token'), `${line} carries an access token`);
		}
		assert(
			request.status >= 200 && request.status < 300,
			`${line} answered ${request.status} (auth or validation failed)`,
		);
	}
}

/** Picks store records the checks work on, so the run does not depend on seed details. */
function chooseInputs(sim: Simulator): E2eInputs {
	const shippedOrders = new Set(sim.store.list('order_shipments').map((s) => Number(s.order_id)));
	const itemsByOrder = new Map<number, number>();
	for (const item of sim.store.list('order_items')) {
		itemsByOrder.set(Number(item.order_id), (itemsByOrder.get(Number(item.order_id)) ?? 0) + 1);
	}
	const order = sim.store
		.list('orders')
		.find((o) => !shippedOrders.has(Number(o.id)) && (itemsByOrder.get(Number(o.id)) ?? 0) > 0);
	assert(order, 'the seeded store has no unshipped order with items');
	const plain = sim.store
		.list('products')
		.filter((p) => p.use_variant_inventory === false && typeof p.item_number === 'string');
	assert(plain.length >= 2, 'the seeded store has too few products without variant inventory');
	const product = plain.find((p) => !(String(p.item_number) in EXAMPLE_STOCK)) ?? plain[0];
	const stockProduct =
		plain.find((p) => p.id !== product.id && !(String(p.item_number) in EXAMPLE_STOCK)) ?? plain[1];
	return {
		orderToShip: Number(order.id),
		productId: Number(product.id),
		newPrice: 12.34,
		sku: String(stockProduct.item_number),
		stock: 42,
		trackingNumber: '1ZE2E0000000000001',
	};
}

async function installAndImport(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	workDir: string,
	inputs: E2eInputs,
): Promise<void> {
	const tarball = process.env.E2E_TARBALL;
	assert(tarball && fs.existsSync(tarball), `E2E_TARBALL not found: ${tarball}`);
	await checks.step(
		'install the packed package into the n8n user folder (install-package.sh)',
		async () => {
			const result = await mustRun(n8nScript('install-package.sh'), [
				tarball,
				process.env.N8N_USER_FOLDER ?? '',
			]);
			checks.time('install-package.sh', result.ms);
			const installed = path.join(process.env.N8N_NODES_DIR ?? '', 'node_modules');
			assert(
				fs.existsSync(path.join(installed, PACKAGE, 'dist', 'nodes', 'CartCom', 'CartCom.node.js')),
				'package not installed',
			);
			// luxon and zod must come from n8n itself: the package declares no runtime dependencies.
			for (const dependency of ['luxon', 'zod', 'n8n-workflow']) {
				assert(
					!fs.existsSync(path.join(installed, dependency)),
					`${dependency} was installed next to the package`,
				);
				assert(
					!fs.existsSync(path.join(installed, PACKAGE, 'node_modules', dependency)),
					`${dependency} shipped inside the package`,
				);
			}
		},
	);
	const credentialsFile = path.join(workDir, 'credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify(simulatorCredentials(sim.url, {}, cartRover.url), null, 2),
	);
	const workflowsDir = path.join(workDir, 'workflows');
	fs.mkdirSync(workflowsDir, { recursive: true });
	for (const workflow of [
		...e2eWorkflows(inputs),
		...webhookWorkflows(),
		...httpRequestWorkflows(sim.url),
	]) {
		fs.writeFileSync(
			path.join(workflowsDir, `${workflow.id}.json`),
			JSON.stringify(workflow, null, 1),
		);
	}
	for (const example of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'))) {
		fs.copyFileSync(path.join(EXAMPLES_DIR, example), path.join(workflowsDir, example));
	}
	await checks.step(
		'import the three credentials and all workflows (examples/*.json + e2e) with the n8n CLI',
		async () => {
			const credentials = await n8nCli(['import:credentials', `--input=${credentialsFile}`]);
			checks.time('import:credentials (first command: migrations)', credentials.ms);
			const workflows = await n8nCli(['import:workflow', '--separate', `--input=${workflowsDir}`]);
			checks.time('import:workflow --separate', workflows.ms);
			const rows = await sqlite<{ id: string; type: string }>(
				'select id, type from credentials_entity order by id',
			);
			assertEqual(
				rows.map((r) => `${r.id}:${r.type}`),
				[
					`${ROUTER_CREDENTIAL.id}:${ROUTER_CREDENTIAL.type}`,
					`${TOKEN_CREDENTIAL.id}:${TOKEN_CREDENTIAL.type}`,
					`${CARTROVER_CREDENTIAL.id}:${CARTROVER_CREDENTIAL.type}`,
				],
				'stored credentials',
			);
			const stored = await sqlite<{ n: number }>('select count(*) as n from workflow_entity');
			assertEqual(stored[0].n, fs.readdirSync(workflowsDir).length, 'stored workflows');
		},
	);
}

async function checkNodeTypes(): Promise<void> {
	await checks.check(
		'n8n lists the Cart.com and CartRover nodes and triggers (n8n export:nodes via list-node-types.sh)',
		async () => {
			const result = await mustRun(n8nScript('list-node-types.sh'), ['--json', `${PACKAGE}.`]);
			checks.time('list-node-types.sh', result.ms);
			const nodes = JSON.parse(result.stdout) as Array<{
				name: string;
				displayName: string;
				credentials?: Array<{ name: string }>;
			}>;
			// usableAsTool: n8n adds an AI-agent tool variant of the action node.
			assertEqual(
				[...new Set(nodes.map((n) => n.name))].sort(),
				[
					`${PACKAGE}.cartCom`,
					`${PACKAGE}.cartComTool`,
					`${PACKAGE}.cartComTrigger`,
					`${PACKAGE}.cartComWebhookTrigger`,
					`${PACKAGE}.cartRover`,
					`${PACKAGE}.cartRoverTool`,
					`${PACKAGE}.cartRoverTrigger`,
				],
				'node types',
			);
			for (const node of nodes) {
				assertEqual(
					(node.credentials ?? []).map((c) => c.name).sort(),
					node.name.startsWith(`${PACKAGE}.cartRover`)
						? ['cartRoverApi']
						: ['cartComApi', 'cartComOAuthApi', 'cartComRouterApi'],
					`${node.name} credentials`,
				);
			}
		},
	);
}

async function checkExecutions(sim: Simulator, inputs: E2eInputs, workDir: string): Promise<void> {
	await checks.check(
		'orders, access token: Get Many (limit 2) then Update of both orders',
		async () => {
			const since = sim.requests.length;
			const run = await executeWorkflow(WORKFLOW_IDS.orders);
			checks.time('n8n execute (orders)', run.ms);
			const listed = nodeItems(run, 'Get Orders');
			const newest = sim.store
				.list('orders')
				.map((o) => Number(o.id))
				.sort((a, b) => b - a)
				.slice(0, 2);
			assertEqual(
				listed.map((o) => o.id),
				newest,
				'Get Orders ids (sorted -id)',
			);
			const updated = nodeItems(run, 'Update Orders');
			assertEqual(
				updated.map((o) => o.admin_comments),
				newest.map((id) => `e2e checked order ${id}`),
				'Update Orders output',
			);
			for (const id of newest)
				assertEqual(
					sim.store.get('orders', id)?.admin_comments,
					`e2e checked order ${id}`,
					`store order ${id}`,
				);
			assertEqual(
				served(sim, since, 'PUT').map((r) => r.path),
				newest.map((id) => `/api/v1/orders/${id}`),
				'PUT requests',
			);
			assertAuth(sim, since, 'token');
		},
	);

	await checks.check('products, Central API Router: Get by ID then Update price', async () => {
		const since = sim.requests.length;
		const before = sim.store.get('products', inputs.productId);
		const run = await executeWorkflow(WORKFLOW_IDS.products);
		checks.time('n8n execute (products)', run.ms);
		const [got] = nodeItems(run, 'Get Product');
		assertEqual(
			[got.id, got.item_number],
			[inputs.productId, before?.item_number],
			'Get Product output',
		);
		const [updated] = nodeItems(run, 'Update Product');
		assertEqual(updated.price, inputs.newPrice, 'Update Product output price');
		assertEqual(sim.store.get('products', inputs.productId)?.price, inputs.newPrice, 'store price');
		assertEqual(
			served(sim, since, 'PUT').map((r) => r.body),
			[{ price: inputs.newPrice }],
			'PUT body',
		);
		assertAuth(sim, since, 'router');
	});

	await checks.check('inventory, Central API Router: Set by SKU then Get by SKU', async () => {
		const since = sim.requests.length;
		const run = await executeWorkflow(WORKFLOW_IDS.inventory);
		checks.time('n8n execute (inventory)', run.ms);
		const posted = served(sim, since, 'POST', '/inventory/set');
		const product = sim.store.list('products').find((p) => p.item_number === inputs.sku);
		// The SKU is resolved by an exact-checked lookup; the write names the record by its ID.
		assertEqual(
			posted.map((r) => r.body),
			[{ product_id: product?.id, quantity: inputs.stock }],
			'POST /inventory/set body',
		);
		assertEqual(product?.quantity_on_hand, inputs.stock, `store stock of ${inputs.sku}`);
		const [read] = nodeItems(run, 'Get Stock');
		assertEqual([read.item_number, read.quantity], [inputs.sku, inputs.stock], 'Get Stock output');
		assertAuth(sim, since, 'router');
	});

	await checks.check(
		'shipments, access token: Create Shipment with tracking, then Get Many of the order’s shipments',
		async () => {
			const since = sim.requests.length;
			const run = await executeWorkflow(WORKFLOW_IDS.shipments);
			checks.time('n8n execute (shipments)', run.ms);
			const [created] = nodeItems(run, 'Create Shipment');
			assertEqual(
				[created.order_id, created.tracking_numbers, created.created],
				[inputs.orderToShip, inputs.trackingNumber, true],
				'Create Shipment output',
			);
			const stored = sim.store
				.list('order_shipments')
				.filter((s) => s.order_id === inputs.orderToShip);
			assertEqual(
				stored.map((s) => s.tracking_numbers),
				[inputs.trackingNumber],
				'store shipments of the order',
			);
			const listed = nodeItems(run, 'Get Shipments');
			assertEqual(
				listed.map((s) => s.id),
				stored.map((s) => s.id),
				'Get Shipments output',
			);
			assertEqual(
				served(sim, since, 'POST').map((r) => r.path),
				['/api/v1/order_shipments'],
				'POSTs',
			);
			assertAuth(sim, since, 'token');
		},
	);

	await checks.check(
		'shipments: a second run of Create Shipment returns the existing shipment (no second POST)',
		async () => {
			const since = sim.requests.length;
			const run = await executeWorkflow(WORKFLOW_IDS.shipments);
			const [again] = nodeItems(run, 'Create Shipment');
			assertEqual(
				[again.tracking_numbers, again.created],
				[inputs.trackingNumber, false],
				'second Create Shipment output',
			);
			assertEqual(served(sim, since, 'POST').length, 0, 'POSTs on the second run');
			assertEqual(
				sim.store.list('order_shipments').filter((s) => s.order_id === inputs.orderToShip).length,
				1,
				'shipments of the order',
			);
		},
	);

	await checks.check(
		'example "inventory sync by SKU" runs and sets the three SKUs’ stock',
		async () => {
			const since = sim.requests.length;
			const run = await executeWorkflow(EXAMPLE.stock.id);
			checks.time('n8n execute (example inventory sync)', run.ms);
			assertEqual(nodeItems(run, 'Set Stock').length, 3, 'Set Stock items');
			for (const [sku, quantity] of Object.entries(EXAMPLE_STOCK)) {
				assertEqual(
					sim.store.list('products').find((p) => p.item_number === sku)?.quantity_on_hand,
					quantity,
					`store stock of ${sku}`,
				);
			}
			assertEqual(
				served(sim, since, 'POST', '/inventory/set').length,
				3,
				'POST /inventory/set count',
			);
			assertAuth(sim, since, 'token');
		},
	);

	await checkHttpRequestNode(checks, sim);
	await checkOAuth(checks, sim, workDir);
}

interface StaticDataRow {
	staticData: Record<string, { key?: string; cursor?: Record<string, unknown> }> | null;
}

async function triggerCursor(
	workflowId: string,
	nodeName: string,
): Promise<Record<string, unknown> | undefined> {
	const rows = await sqlite<StaticDataRow>(
		'select staticData from workflow_entity where id = ?',
		workflowId,
	);
	return rows[0]?.staticData?.[`node:${nodeName}`]?.cursor;
}

/** Adds an order (a copy of the newest one with items, and its items) as a shop would: a new, higher id. */
function placeOrder(sim: Simulator): number {
	const withItems = new Set(sim.store.list('order_items').map((item) => item.order_id));
	const template = sim.store
		.list('orders')
		.reverse()
		.find((order) => withItems.has(order.id));
	assert(template, 'no order with items to copy');
	const { id: templateId, created_at: _c, updated_at: _u, ...fields } = template;
	const order = sim.store.create('orders', {
		...fields,
		order_number: '',
		admin_comments: 'placed by e2e',
	});
	// A kit's components name their parent line: point them at the copy's parent, not the template's.
	const copies = new Map<unknown, unknown>();
	const lines = sim.store.list('order_items').filter((i) => i.order_id === templateId);
	for (const item of lines) {
		const { id, created_at: _ic, updated_at: _iu, ...itemFields } = item;
		const copy = sim.store.create('order_items', { ...itemFields, order_id: order.id });
		copies.set(id, copy.id);
	}
	for (const item of lines.filter((line) => line.parent_order_item_id)) {
		sim.store.update('order_items', Number(copies.get(item.id)), {
			parent_order_item_id: copies.get(item.parent_order_item_id),
		});
	}
	return Number(order.id);
}

/** Orders added before the triggers are activated (history to them), so that a bulk update spans more than two pages. */
const HISTORY_ORDERS = 200;
const BULK_SIZE = 250;

function addHistoryOrders(sim: Simulator, count: number): void {
	const orders = sim.store.list('orders');
	const { id: _id, created_at: _c, updated_at: _u, ...fields } = orders[orders.length - 1];
	for (let i = 0; i < count; i++)
		sim.store.create('orders', {
			...fields,
			order_number: '',
			admin_comments: 'history for the e2e bulk',
		});
}

const versionKeyOf = (order: ItemJson) =>
	`${String(order.id)}@${DateTime.fromISO(String(order.updated_at), { setZone: true }).toMillis()}`;

/** A bulk job as Cart.com runs one: BULK_SIZE orders stamped with one and the same timestamp. */
interface BulkUpdate {
	ids: number[];
	at: number;
	/** Orders changed again while the trigger reads the bulk: id → instant of the new version. */
	changedAgain: Map<number, number>;
	/** One of them, changed before any response contained it: its bulk version must not be emitted. */
	notReadYet: number;
	/** Requests of the Order Updated trigger (the ones that carry an updated_at condition). */
	triggerRequests: RecordedRequest[];
}

/**
 * `spared`: orders other workflows of the run write to (the CartRover example ships one back). A
 * shipment changes its order, so when that example runs first after the restart, the bulk version of
 * that order is gone before any trigger response holds it and must not be expected (CI on 79cffcd
 * failed on order 100009 this way).
 */
function bulkUpdate(sim: Simulator, spared: number[]): BulkUpdate {
	const ids = sim.store
		.list('orders')
		.map((order) => Number(order.id))
		.filter((id) => !spared.includes(id))
		.slice(0, BULK_SIZE);
	const stamp = sim.store.nowTimestamp();
	for (const id of ids)
		sim.store.update('orders', id, { updated_at: stamp, admin_comments: 'bulk update' });
	return {
		ids,
		at: DateTime.fromISO(stamp, { setZone: true }).toMillis(),
		changedAgain: new Map(),
		notReadYet: ids[240],
		triggerRequests: [],
	};
}

/**
 * Before the trigger's third request, when it has read the first hundred orders of the bulk: two of
 * them and one not read yet change again (a later timestamp). Numbered pages would now skip two: page 2
 * starts two records further on (as in issue 10, where n8n lost two orders this way).
 */
function changeAgainWhileRead(sim: Simulator, bulk: BulkUpdate): () => void {
	return sim.onRequest((request) => {
		if (request.path !== '/api/v1/orders' || !request.query.has('updated_at')) return;
		bulk.triggerRequests.push(request);
		if (bulk.triggerRequests.length !== 3) return;
		for (const id of [bulk.ids[3], bulk.ids[60], bulk.notReadYet]) {
			const changed = sim.store.update('orders', id, {
				admin_comments: 'changed again while the trigger read the bulk',
			});
			bulk.changedAgain.set(
				id,
				DateTime.fromISO(String(changed.updated_at), { setZone: true }).toMillis(),
			);
		}
	});
}

async function restCall(
	method: string,
	urlPath: string,
	jar: string,
	body?: unknown,
): Promise<unknown> {
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
	const parsed = JSON.parse(lines.join('\n')) as { data?: unknown };
	return parsed.data ?? parsed;
}

async function checkCredentialTests(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	workDir: string,
): Promise<void> {
	const jar = (await mustRun(n8nScript('rest-login.sh'), [])).stdout.trim();
	await checkOAuthCredentialTest(checks, sim, workDir, (method, urlPath, body) =>
		restCall(method, urlPath, jar, body),
	);
	await checks.check(
		'REST: the CartRover credential test passes, and fails with CartRover’s own message when the keys are refused',
		async () => {
			const stored = (await restCall(
				'GET',
				`/rest/credentials/${CARTROVER_CREDENTIAL.id}?includeData=true`,
				jar,
			)) as Record<string, unknown>;
			const payload = { credentials: { ...CARTROVER_CREDENTIAL, data: stored.data } };
			const since = cartRover.requests.length;
			const good = (await restCall('POST', '/rest/credentials/test', jar, payload)) as {
				status: string;
				message?: string;
			};
			assertEqual(good.status, 'OK', `test result (${good.message ?? ''})`);
			const sent = cartRover.requests.slice(since);
			assert(
				sent.length === 1 && sent[0].level === 'cart' && sent[0].apiUser === 'cart-user',
				`credential test requests: ${JSON.stringify(sent.map((r) => [r.method, r.path, r.apiUser]))}`,
			);
			// CartRover refuses the keys (regenerated in its UI) with success_code false on HTTP 200.
			const saved = cartRover.keys.cart;
			cartRover.keys.cart = { ...saved, key: 'regenerated-key' };
			try {
				const bad = (await restCall('POST', '/rest/credentials/test', jar, payload)) as {
					status: string;
					message?: string;
				};
				assertEqual(bad.status, 'Error', 'test result with refused keys');
				assertEqual(cartRover.requests.at(-1)?.status, 200, 'HTTP status of the refusal');
				checks.log(`  cartRoverApi test with refused keys says: ${bad.message}`);
				const message = bad.message ?? '';
				// The simulator's own refusal of unknown keys (test/simulator/cartRover/server.ts), not a
				// text of ours: the node's test function (testedBy) shows CartRover's message and code.
				assert(
					message.includes('CartRover (Invalid): Invalid API User or API Key'),
					`the message is not CartRover’s own refusal: ${message}`,
				);
				const basic = Buffer.from(`${saved.user}:${saved.key}`).toString('base64');
				assert(
					!message.includes(saved.key) && !message.includes(basic.replace(/=+$/, '')),
					'the message shows the API key or the Basic header',
				);
			} finally {
				cartRover.keys.cart = saved;
			}
		},
	);
	for (const credential of [TOKEN_CREDENTIAL, ROUTER_CREDENTIAL]) {
		await checks.check(
			`REST: the credential test of ${credential.type} passes, and fails when the store rejects it`,
			async () => {
				const stored = (await restCall(
					'GET',
					`/rest/credentials/${credential.id}?includeData=true`,
					jar,
				)) as Record<string, unknown>;
				const payload = {
					credentials: {
						id: credential.id,
						name: credential.name,
						type: credential.type,
						data: stored.data,
					},
				};
				const since = sim.requests.length;
				const good = (await restCall('POST', '/rest/credentials/test', jar, payload)) as {
					status: string;
					message?: string;
				};
				assertEqual(good.status, 'OK', `test result (${good.message ?? ''})`);
				const requests = sim.requests.slice(since);
				assertEqual(
					requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`),
					['GET /api/v1/products?count=1'],
					'credential test request',
				);
				assertAuth(sim, since, credential.type === TOKEN_CREDENTIAL.type ? 'token' : 'router');
				// The store now refuses the stored secret: the test must say so.
				const saved = { token: sim.options.accessToken, secret: sim.options.router.userSecret };
				sim.options.accessToken = 'rotated-token';
				sim.options.router = { ...sim.options.router, userSecret: 'rotated-secret' };
				try {
					const bad = (await restCall('POST', '/rest/credentials/test', jar, payload)) as {
						status: string;
						message?: string;
					};
					assertEqual(bad.status, 'Error', 'test result with a rejected secret');
					// n8n 1.123 shows its generic 401 text here instead of the credential's own rule message
					// (its ExecutionBaseError drops the HTTP error it wraps, so responseCode rules never match).
					assert(
						/401|reject|authorization failed/i.test(bad.message ?? ''),
						`failed test message does not explain the 401: ${bad.message}`,
					);
					checks.log(`  ${credential.type} test with a rejected secret says: ${bad.message}`);
				} finally {
					sim.options.accessToken = saved.token;
					sim.options.router = { ...sim.options.router, userSecret: saved.secret };
				}
			},
		);
	}
	await checks.check(
		'REST: a credential test answered with a redirect fails, and nothing reaches the host it points to',
		async () => {
			// 127.0.0.2 stands for another host; it answers like a store, so following it would "pass".
			const elsewhere = await startHostileServer('127.0.0.2', (_request, res) =>
				sendJson(res, 200, { products: [] }),
			);
			try {
				for (const credential of [TOKEN_CREDENTIAL, ROUTER_CREDENTIAL]) {
					const stored = (await restCall(
						'GET',
						`/rest/credentials/${credential.id}?includeData=true`,
						jar,
					)) as Record<string, unknown>;
					sim.scriptFaults([
						{
							match: { method: 'GET', path: /\/products$/ },
							respond: { status: 302, headers: { Location: `${elsewhere.url}/api/v1/products` } },
						},
					]);
					const since = sim.requests.length;
					const result = (await restCall('POST', '/rest/credentials/test', jar, {
						credentials: {
							id: credential.id,
							name: credential.name,
							type: credential.type,
							data: stored.data,
						},
					})) as { status: string; message?: string };
					assertEqual(
						sim.requests.slice(since).map((r) => r.status),
						[302],
						'the store answered 302',
					);
					assertEqual(result.status, 'Error', `${credential.type} test result after a redirect`);
					assertEqual(elsewhere.requests.length, 0, 'requests that reached the redirect target');
					checks.log(`  ${credential.type} test answered with a redirect says: ${result.message}`);
				}
			} finally {
				await elsewhere.stop();
			}
		},
	);
	await checks.check(
		'REST: /types/nodes.json of the running n8n lists the four nodes; /types/credentials.json the three credentials',
		async () => {
			const nodes = (await restCall('GET', '/types/nodes.json', jar)) as Array<{ name: string }>;
			const names = new Set(nodes.map((n) => n.name));
			for (const name of ['cartCom', 'cartComTrigger', 'cartRover', 'cartRoverTrigger'])
				assert(names.has(`${PACKAGE}.${name}`), `${name} missing`);
			const credentials = (await restCall('GET', '/types/credentials.json', jar)) as Array<{
				name: string;
			}>;
			const credentialNames = new Set(credentials.map((c) => c.name));
			for (const name of ['cartComApi', 'cartComRouterApi', 'cartRoverApi'])
				assert(credentialNames.has(name), `${name} missing`);
		},
	);
	await checkNodePanelData(checks, async (urlPath) => await restCall('GET', urlPath, jar));
}

/**
 * The two polling examples, active in a running n8n: the activation poll only stores a cursor;
 * after a new order and a product change in the store, the next poll (n8n restarted, so it polls on
 * activation again) emits just those, and the shipment workflow ships the new order.
 */
async function checkTrigger(
	sim: Simulator,
	cartRover: CartRoverSimulator,
	inputs: E2eInputs,
	workDir: string,
): Promise<void> {
	addHistoryOrders(sim, HISTORY_ORDERS);
	const shippedInCartRover = await orderAlreadyInCartRover(sim, cartRover, [inputs.orderToShip]);
	const activeWorkflows = [
		EXAMPLE.shipment.id,
		EXAMPLE.summary.id,
		WORKFLOW_IDS.orderUpdates,
		CARTROVER_EXAMPLE.toCartRover.id,
		CARTROVER_EXAMPLE.fromCartRover.id,
	];
	await checks.step(
		'activate the four polling examples and the Order Updated workflow (n8n update:workflow --active=true) and start n8n',
		async () => {
			for (const id of activeWorkflows) {
				await n8nCli(['update:workflow', `--id=${id}`, '--active=true']);
			}
			const started = await mustRun(n8nScript('start.sh'), [], 240_000);
			checks.time('start.sh (1st)', started.ms);
		},
	);
	const newestOrder = Math.max(...sim.store.list('orders').map((o) => Number(o.id)));
	let productCursor: Record<string, unknown> | undefined;
	await checks.check(
		'activation polls store the cursors in workflow_entity.staticData and emit nothing',
		async () => {
			const orderCursor = await waitFor(
				'the order cursor',
				() => triggerCursor(EXAMPLE.shipment.id, EXAMPLE.shipment.trigger),
				30_000,
			);
			assertEqual(orderCursor, { lastId: newestOrder }, 'order-created cursor');
			productCursor = await waitFor(
				'the product cursor',
				() => triggerCursor(EXAMPLE.summary.id, EXAMPLE.summary.trigger),
				30_000,
			);
			assert(
				typeof productCursor.from === 'number',
				`product-updated cursor: ${JSON.stringify(productCursor)}`,
			);
			const orderUpdatesCursor = await waitFor(
				'the order-updated cursor',
				() => triggerCursor(WORKFLOW_IDS.orderUpdates, ORDER_UPDATED_TRIGGER),
				30_000,
			);
			assert(
				typeof orderUpdatesCursor.from === 'number',
				`order-updated cursor: ${JSON.stringify(orderUpdatesCursor)}`,
			);
			const cartRoverState = await waitFor(
				'the CartRover Trigger state',
				() =>
					nodeStaticData(
						CARTROVER_EXAMPLE.fromCartRover.id,
						CARTROVER_EXAMPLE.fromCartRover.trigger,
					),
				30_000,
			);
			const size = Buffer.byteLength(JSON.stringify(cartRoverState));
			assert(size < 2048, `CartRover Trigger static data is ${size} bytes`);
			checks.log(`  CartRover Trigger state after activation: ${JSON.stringify(cartRoverState)}`);
			for (const id of activeWorkflows) {
				assertEqual((await finishedExecutions(id)).length, 0, `executions of ${id}`);
			}
		},
	);

	const orderId = placeOrder(sim);
	const changedProduct = sim.store
		.list('products')
		.find((p) => p.use_variant_inventory === false && !(String(p.item_number) in EXAMPLE_STOCK));
	assert(changedProduct, 'no product to change');
	sim.store.update('products', Number(changedProduct.id), { price: 77.5 });
	const bulk = bulkUpdate(sim, [Number(shippedInCartRover), orderId]);
	const stopChanging = changeAgainWhileRead(sim, bulk);
	const since = sim.requests.length;
	const cartRoverOrdersBefore = cartRover.orders.size;
	cartRover.advance(shippedInCartRover, 'at_wms');
	cartRover.advance(shippedInCartRover, 'shipped', { ...CARTROVER_TRACKING, method: 'UPS Ground' });

	await checks.step('restart n8n: the activation poll is the second poll', async () => {
		const stopped = await mustRun(n8nScript('stop.sh'), [], 120_000);
		checks.time('stop.sh', stopped.ms);
		const started = await mustRun(n8nScript('start.sh'), [], 240_000);
		checks.time('start.sh (2nd)', started.ms);
	});

	await checks.check(
		'second poll of "new order": emits only the new order, the workflow ships it, cursor advanced',
		async () => {
			const [execution] = await waitFor('an execution of the shipment example', async () => {
				const rows = await finishedExecutions(EXAMPLE.shipment.id);
				return rows.length ? rows : undefined;
			});
			assertEqual(execution.status, 'success', 'execution status');
			assertEqual(execution.mode, 'trigger', 'execution mode');
			assertEqual(
				executionItems(execution, EXAMPLE.shipment.trigger).map((o) => o.id),
				[orderId],
				'trigger items',
			);
			const [shipment] = executionItems(execution, 'Create Shipment');
			assertEqual(
				[shipment.order_id, shipment.tracking_numbers, shipment.created],
				[orderId, `1Z999AA1${orderId}`, true],
				'Create Shipment output',
			);
			// The CartRover example ships another order in the same poll; it is checked on its own below.
			const posts = served(sim, since, 'POST').filter(
				(r) => (r.body as Record<string, unknown>).order_id !== Number(shippedInCartRover),
			);
			assertEqual(
				posts.map((r) => [r.path, (r.body as Record<string, unknown>).order_id]),
				[['/api/v1/order_shipments', orderId]],
				'POSTs',
			);
			assertEqual(
				sim.store.list('order_shipments').filter((s) => s.order_id === orderId).length,
				1,
				'shipments of the new order',
			);
			assertEqual(
				await triggerCursor(EXAMPLE.shipment.id, EXAMPLE.shipment.trigger),
				{ lastId: orderId },
				'cursor after the second poll',
			);
			assertEqual((await finishedExecutions(EXAMPLE.shipment.id)).length, 1, 'executions');
		},
	);

	await checks.check(
		'second poll of "updated products" (router): emits only the changed product; summary built',
		async () => {
			const [execution] = await waitFor('an execution of the summary example', async () => {
				const rows = await finishedExecutions(EXAMPLE.summary.id);
				return rows.length ? rows : undefined;
			});
			assertEqual(execution.status, 'success', 'execution status');
			assertEqual(
				executionItems(execution, EXAMPLE.summary.trigger).map((p) => p.id),
				[changedProduct.id],
				'trigger items',
			);
			const [summary] = executionItems(execution, 'Summary');
			const expected = `1 product(s) changed: ${String(changedProduct.item_number)} (price 77.5, stock ${String(changedProduct.quantity_on_hand)})`;
			assertEqual(summary.summary, expected, 'summary');
			const cursor = await triggerCursor(EXAMPLE.summary.id, EXAMPLE.summary.trigger);
			assert(
				cursor && Number(cursor.from) > Number(productCursor?.from),
				`product cursor did not move: ${JSON.stringify(cursor)}`,
			);
			const routerRequests = served(sim, since).filter((r) =>
				r.path.startsWith('/api/v1/products'),
			);
			assert(
				routerRequests.every((r) => header(r, 'x-ac-pub-auth-signature')),
				'product polls not signed by the router credential',
			);
		},
	);

	await checks.check(
		`Order Updated: a ${BULK_SIZE}-order bulk update in one second, changed again mid-poll — every version emitted exactly once`,
		async () => {
			await waitFor('an execution of the Order Updated workflow', async () => {
				const rows = await finishedExecutions(WORKFLOW_IDS.orderUpdates);
				return rows.length ? rows : undefined;
			});
			stopChanging();
			const executions = await finishedExecutions(WORKFLOW_IDS.orderUpdates);
			for (const execution of executions)
				assertEqual(
					[execution.status, execution.mode],
					['success', 'trigger'],
					`execution ${execution.id}`,
				);
			const emittedKeys = executions
				.flatMap((execution) => executionItems(execution, ORDER_UPDATED_TRIGGER))
				.map(versionKeyOf);
			assertEqual(
				emittedKeys.filter((key, index) => emittedKeys.indexOf(key) !== index),
				[],
				'versions emitted twice',
			);
			assertEqual(
				[...bulk.changedAgain.keys()],
				[bulk.ids[3], bulk.ids[60], bulk.notReadYet],
				'orders changed again between page requests',
			);
			const expected = [
				...bulk.ids.filter((id) => id !== bulk.notReadYet).map((id) => `${id}@${bulk.at}`),
				...[...bulk.changedAgain].map(([id, at]) => `${id}@${at}`),
			];
			const emitted = new Set(emittedKeys);
			assertEqual(
				expected.filter((key) => !emitted.has(key)),
				[],
				'versions never emitted',
			);
			assert(
				!emitted.has(`${bulk.notReadYet}@${bulk.at}`),
				'emitted a version that was overwritten before any response held it',
			);
			const requests = bulk.triggerRequests;
			assert(
				requests.length >= 3,
				`the bulk was read in ${requests.length} request(s); expected several`,
			);
			assert(
				requests.every((request) => request.query.get('page') === '1'),
				'a trigger request asked for a page number other than 1',
			);
			assert(
				requests.every(
					(request) => ![...request.query.values()].some((value) => / OR /.test(value)),
				),
				'a trigger request combined OR with the cursor',
			);
			checks.log(
				`  ${emittedKeys.length} versions emitted in ${executions.length} execution(s), read with ${requests.length} requests: ${requests.map((r) => `updated_at=${r.query.get('updated_at')?.slice(0, 3)}${r.query.has('id') ? '&id' : ''}`).join(', ')}`,
			);
		},
	);

	await checks.check(
		'Cart.com new order → CartRover: the new order reaches CartRover once, with its goods',
		async () => {
			const [execution] = await waitFor(
				'an execution of the Cart.com → CartRover example',
				async () => {
					const rows = await finishedExecutions(CARTROVER_EXAMPLE.toCartRover.id);
					return rows.length ? rows : undefined;
				},
			);
			assertEqual([execution.status, execution.mode], ['success', 'trigger'], 'execution');
			assertSentToCartRover(
				sim,
				cartRover,
				orderId,
				executionItems(execution, CARTROVER_EXAMPLE.toCartRover.create),
				cartRoverOrdersBefore,
			);
		},
	);

	await checks.check(
		'CartRover shipped → Cart.com shipment with CartRover’s tracking → confirmed in CartRover',
		async () => {
			const example = CARTROVER_EXAMPLE.fromCartRover;
			const [execution] = await waitFor(
				'an execution of the CartRover → Cart.com example',
				async () => {
					const rows = await finishedExecutions(example.id);
					return rows.length ? rows : undefined;
				},
			);
			assertEqual([execution.status, execution.mode], ['success', 'trigger'], 'execution');
			assertShippedBack(sim, cartRover, shippedInCartRover, {
				trigger: executionItems(execution, example.trigger),
				shipment: executionItems(execution, example.shipment),
				confirm: executionItems(execution, example.confirm),
			});
			assertEqual((await finishedExecutions(example.id)).length, 1, 'executions');
		},
	);

	await checkWebhookTrigger(sim, checks);
	if (process.env.E2E_SKIP_REST !== '1') await checkCredentialTests(sim, cartRover, workDir);

	await checks.check('n8n stops cleanly (stop.sh)', async () => {
		const stopped = await mustRun(n8nScript('stop.sh'), [], 120_000);
		checks.time('stop.sh', stopped.ms);
	});

	await checks.check(
		'Cart.com new order → CartRover run again (its nodes after a Manual Trigger, n8n execute): the order CartRover has is returned, none created',
		async () => {
			const before = cartRover.orders.size;
			const run = await executeWorkflow(WORKFLOW_IDS.cartRoverRerun);
			const [output] = nodeItems(run, CARTROVER_EXAMPLE.toCartRover.create);
			assertEqual([output.created, output.cust_ref], [false, String(orderId)], 'Create output');
			assertEqual(cartRover.orders.size, before, 'CartRover orders');
		},
	);
}

async function nodeStaticData(
	workflowId: string,
	nodeName: string,
): Promise<Record<string, unknown> | undefined> {
	const rows = await sqlite<{ staticData: Record<string, Record<string, unknown>> | null }>(
		'select staticData from workflow_entity where id = ?',
		workflowId,
	);
	return rows[0]?.staticData?.[`node:${nodeName}`];
}

async function main(): Promise<number> {
	const workDir =
		process.env.E2E_WORK_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cartcom-e2e-'));
	fs.mkdirSync(workDir, { recursive: true });
	const nodeVersion = (await run('node', ['--version'])).stdout.trim();
	checks.log(
		`n8n ${version} on node ${nodeVersion}, suite ${suite}, user folder ${process.env.N8N_USER_FOLDER}, work dir ${workDir}`,
	);
	// A store that caps pages at 100: the nodes ask for 1,000 and learn the cap from the first short
	// page, so the trigger reads the 250-order bulk below in several pages (issue 15, point 0).
	const sim = await startSimulator({ seed: 42, port: 0, maxPageSize: 100 });
	const cartRover = await startCartRoverSimulator({ seed: 42, port: 0 });
	checks.log(`store simulator on ${sim.url}, CartRover simulator on ${cartRover.url}`);
	try {
		const inputs = chooseInputs(sim);
		await installAndImport(sim, cartRover, workDir, inputs);
		if (process.env.E2E_ONLY === 'oauth') {
			await checkOAuth(checks, sim, workDir);
			if (process.env.E2E_SKIP_REST !== '1') {
				await checks.step('start n8n (start.sh) for the REST credential test', async () => {
					await mustRun(n8nScript('start.sh'), [], 240_000);
				});
				const jar = (await mustRun(n8nScript('rest-login.sh'), [])).stdout.trim();
				await checkOAuthCredentialTest(checks, sim, workDir, (method, urlPath, body) =>
					restCall(method, urlPath, jar, body),
				);
				await mustRun(n8nScript('stop.sh'), [], 120_000);
			}
		} else {
			await checkNodeTypes();
			await checkExecutions(sim, inputs, workDir);
			if (suite === 'full') await checkTrigger(sim, cartRover, inputs, workDir);
		}
	} catch (error) {
		if (!(error instanceof StopRun)) {
			checks.failed++;
			checks.log(
				`not ok - unexpected error: ${error instanceof Error ? error.stack : String(error)}`,
			);
		}
		await run(n8nScript('stop.sh'), []);
	} finally {
		fs.writeFileSync(
			path.join(workDir, 'simulator-requests.log'),
			sim.requests
				.map((r) => `${r.status} ${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}`)
				.join('\n') + '\n',
		);
		await sim.stop();
		await cartRover.close();
	}
	console.log(checks.summary());
	return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
