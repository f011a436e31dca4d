// Takes the README's screenshots of the Cart.com nodes in n8n's editor, with headless Chromium.
//
// Needs: a running `npm run demo` (or any n8n with the package and the examples imported), Debian's
// chromium (apt-get install -y chromium) and playwright-core (installed by screenshots.sh into
// .cache/tools, not a project dependency).
// Usage: node scripts/demo/screenshots.mjs <n8nUrl> <email> <password> <outDir> [simulatorUrl]
// Every scene is independent: a failing scene is reported and the others still run; the script
// exits 1 if any failed. SCENES=name1,name2 runs only those.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { TOKEN_CREDENTIAL } = require('./simulator-credentials.js');

const [baseUrl, email, password, outDir, simulatorUrl = 'http://127.0.0.1:4010'] =
	process.argv.slice(2);
const toolsDir = process.env.PLAYWRIGHT_TOOLS_DIR;
const { chromium } = createRequire(path.join(toolsDir, 'package.json'))('playwright-core');

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
});
const context = await browser.newContext({
	viewport: { width: 1440, height: 860 },
	deviceScaleFactor: 1,
});
const page = await context.newPage();
// Generous: the editor's first load on a busy 2-core machine takes a while.
page.setDefaultTimeout(45_000);
fs.mkdirSync(outDir, { recursive: true });

const shot = async (name) => {
	await page.waitForTimeout(800); // let canvas transitions finish
	const file = path.join(outDir, name);
	await page.screenshot({ path: file });
	console.log(file);
};

async function dismissPopups() {
	for (const label of ['Close', 'Skip', 'Got it', 'Dismiss']) {
		const button = page.getByRole('button', { name: label, exact: true });
		if (
			await button
				.first()
				.isVisible()
				.catch(() => false)
		)
			await button
				.first()
				.click()
				.catch(() => {});
	}
	await page.keyboard.press('Escape');
}

async function openWorkflow(id) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await dismissPopups();
	// Fit the whole workflow in view (n8n's "zoom to fit" shortcut).
	await page
		.locator('body')
		.click({ position: { x: 5, y: 400 } })
		.catch(() => {});
	await page.keyboard.press('1');
}

async function openNode(name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor();
}

// ---- helpers for the issue-13 scenes

/** Creates a workflow through n8n's REST API, as the editor does (its session cookie, browser id). */
async function createWorkflow(name, nodes) {
	const all = [
		{
			id: 'start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes.map((node, index) => ({
			id: `node-${index}`,
			typeVersion: 1,
			position: [260 * (index + 1), 0],
			...node,
		})),
	];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return await page.evaluate(
		async ({ name, nodes, connections }) => {
			const browserId = localStorage.getItem('n8n-browserId');
			const response = await fetch('/rest/workflows', {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(browserId ? { 'browser-id': browserId } : {}),
				},
				body: JSON.stringify({
					name,
					nodes,
					connections,
					active: false,
					settings: { executionOrder: 'v1' },
				}),
			});
			if (!response.ok)
				throw new Error(`POST /rest/workflows: ${response.status} ${await response.text()}`);
			const json = await response.json();
			return (json.data ?? json).id;
		},
		{ name, nodes: all, connections },
	);
}

const token = { cartComApi: { id: TOKEN_CREDENTIAL.id, name: TOKEN_CREDENTIAL.name } };
const cartComNode = (name, parameters) => ({
	name,
	type: 'n8n-nodes-cartcom.cartCom',
	parameters,
	credentials: token,
});

/** Opens a one-node workflow (Manual Trigger → node) and the node's panel. */
async function openNewNode(workflowName, node) {
	const id = await createWorkflow(workflowName, [node]);
	await openWorkflow(id);
	await openNode(node.name);
}

async function openNodePanel() {
	await page.mouse.click(700, 200);
	await page.keyboard.press('Tab');
	await page
		.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
		.first()
		.waitFor();
}

/** The Cart.com node's list of actions in the node panel. */
async function openCartComActions() {
	await openWorkflow('cartcomExShip001');
	await openNodePanel();
	await page.keyboard.type('Cart.com');
	await page.waitForTimeout(1000);
	await page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ hasText: 'Cart.com' })
		.first()
		.click();
	await page.waitForTimeout(1000);
}

/** Clicks the dropdown of the parameter with this label in the open node panel. */
async function openDropdown(label) {
	const parameter = page
		.locator('[data-test-id="parameter-item"], .parameter-item')
		.filter({ has: page.getByText(label, { exact: true }) })
		.first();
	await parameter.locator('input, .el-select, [role="combobox"]').first().click();
	await page.waitForTimeout(600);
}

/** Picks an entry of an "Add …" option list of a collection parameter. */
async function addCollectionOption(buttonText, option) {
	await page
		.getByText(buttonText, { exact: true })
		.or(page.locator(`input[placeholder="${buttonText}"]`))
		.first()
		.click();
	await page.waitForTimeout(400);
	await page
		.locator(
			'[data-test-id="collection-parameter-option"], .el-select-dropdown__item, [role="option"]',
		)
		.filter({ hasText: option })
		.first()
		.click();
	await page.waitForTimeout(600);
}

// ---- scenes
const results = [];
const only = process.env.SCENES ? new Set(process.env.SCENES.split(',')) : undefined;
async function scene(name, body) {
	if (only && !only.has(name)) return;
	try {
		await body();
		results.push([name, 'ok']);
	} catch (error) {
		// What the page showed when the scene failed, outside outDir.
		const debug = path.join(os.tmpdir(), `screenshot-failed-${name}.png`);
		await page.screenshot({ path: debug }).catch(() => {});
		results.push([
			name,
			`FAILED: ${String(error?.message ?? error).split('\n')[0]} (page: ${debug})`,
		]);
		await page.keyboard.press('Escape').catch(() => {});
	}
}

// ---- log in
await page.goto(`${baseUrl}/signin`, { timeout: 180_000 });
await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(email);
await page.locator('input[name="password"]').fill(password);
await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
await page.waitForURL((url) => !url.pathname.includes('signin'));

// ---- README: the shipment example on the canvas, then its Create Shipment node
// "Execute workflow" runs the trigger once in manual mode: it fetches the newest order, which
// Create Shipment then ships.
await scene('shipment-example', async () => {
	await openWorkflow('cartcomExShip001');
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	await page
		.getByText(/executed successfully/i)
		.first()
		.waitFor();
	await page.mouse.move(700, 150);
	await shot('workflow-new-order-shipment.png');
	await openNode('Create Shipment');
	await shot('node-create-shipment.png');
	// Issue 13, item 12: the output opens on created, id, order_id, tracking_numbers.
	await page
		.locator('[data-test-id="ndv-run-data-display-mode"]')
		.last()
		.getByText('Table', { exact: true })
		.click()
		.catch(() => {});
	await shot('create-shipment-output-columns.png');
	await page.keyboard.press('Escape');
});

// ---- README: the trigger's parameters (updated products example)
await scene('trigger', async () => {
	await openWorkflow('cartcomExProd001');
	await openNode('Product Updated');
	await shot('trigger-product-updated.png');
	await page.keyboard.press('Escape');
});

// ---- README: the inventory example, executed: Set Stock's input and output
await scene('inventory-example', async () => {
	await openWorkflow('cartcomExStock01');
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	await page
		.getByText(/executed successfully/i)
		.first()
		.waitFor();
	await page.mouse.move(700, 150);
	await shot('workflow-inventory-sync-executed.png');
	await openNode('Set Stock');
	await shot('node-inventory-set-output.png');
	await page.keyboard.press('Escape');
});

// ---- README: the node panel: searching "Cart.com" lists the node, then its actions
await scene('node-panel', async () => {
	await openWorkflow('cartcomExStock01');
	await openNodePanel();
	await page.keyboard.type('Cart.com');
	await page.waitForTimeout(1200);
	await shot('node-panel-search.png');
	await page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ hasText: 'Cart.com' })
		.first()
		.click();
	await page.waitForTimeout(1200);
	await shot('node-panel-actions.png');
});

// ---- issue 13, item 1: found under its former names (codex aliases)
await scene('1-search-americommerce', async () => {
	await openWorkflow('cartcomExShip001');
	await openNodePanel();
	await page.keyboard.type('AmeriCommerce');
	await page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ hasText: 'Cart.com' })
		.first()
		.waitFor();
	await shot('node-panel-search-americommerce.png');
});

// The node panel finds the Cart.com node under each of the search words.
await scene('1-search-words', async () => {
	await openWorkflow('cartcomExShip001');
	await openNodePanel();
	const missing = [];
	for (const word of ['AmeriCommerce', 'Spark Pay', 'shipment', 'inventory', 'ecommerce']) {
		const search = page
			.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
			.first();
		await search.fill(word);
		const found = await page
			.locator('[data-test-id="item-iterator-item"]')
			.filter({ hasText: 'Cart.com' })
			.first()
			.waitFor({ timeout: 10_000 })
			.then(() => true)
			.catch(() => false);
		if (!found) missing.push(word);
	}
	if (missing.length)
		throw new Error(`the node panel does not find Cart.com for: ${missing.join(', ')}`);
});

// ---- item 2: the task actions in the actions list
await scene('2-task-actions', async () => {
	await openCartComActions();
	await page
		.getByText(/create shipment for order/i)
		.first()
		.scrollIntoViewIfNeeded();
	await shot('node-panel-task-actions.png');
});

// ---- item 3: the two status actions, told apart
await scene('3-status-actions', async () => {
	await openCartComActions();
	await page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ hasText: /order status/i })
		.last()
		.scrollIntoViewIfNeeded();
	await shot('node-panel-status-actions.png');
});

// ---- item 4: Get Many with the Customer ID filter added: empty, not 0
await scene('4-customer-id-filter', async () => {
	await openNewNode(
		'Screenshot: Get many orders, Customer ID filter',
		cartComNode('Get Orders', { resource: 'order', operation: 'getAll' }),
	);
	await addCollectionOption('Add Filter', 'Customer ID');
	await shot('get-many-customer-id-filter.png');
});

// ---- items 5 and 7: a custom filter's Field dropdown; Match shown only with conditions
await scene('5-custom-filter-field', async () => {
	await openNewNode(
		'Screenshot: Get many orders, custom filter',
		cartComNode('Get Orders', { resource: 'order', operation: 'getAll' }),
	);
	await page
		.getByRole('button', { name: /add (custom )?(filter|condition)/i })
		.last()
		.click();
	await page.waitForTimeout(600);
	await openDropdown('Field Name or ID');
	await shot('get-many-custom-filter-field.png');
	await page.keyboard.press('Escape');
	await page.getByText('Match', { exact: true }).first().scrollIntoViewIfNeeded();
	await shot('get-many-match-with-conditions.png');
});

// ---- item 6: the Sort dropdown
await scene('6-sort', async () => {
	await openNewNode(
		'Screenshot: Get many orders, sort',
		cartComNode('Get Orders', { resource: 'order', operation: 'getAll' }),
	);
	if (!(await page.getByText('Sort', { exact: true }).first().isVisible()))
		await addCollectionOption('Add option', 'Sort');
	await openDropdown('Sort');
	await shot('get-many-sort.png');
});

// ---- item 8: Create with required fields missing: one error naming all of them
await scene('8-missing-fields', async () => {
	await openNewNode(
		'Screenshot: create product, fields missing',
		// Expressions that come out empty: the editor's own required-field check passes, the node's does not.
		cartComNode('Create Product', {
			resource: 'product',
			operation: 'create',
			itemName: '={{ $json.name }}',
			productStatusId: '={{ $json.status }}',
			primaryCategoryId: '={{ $json.category }}',
		}),
	);
	await page.locator('[data-test-id="node-execute-button"]').first().click();
	await page
		.getByText(/problem in node|error/i)
		.first()
		.waitFor();
	await page.waitForTimeout(1000);
	await shot('create-missing-fields-error.png');
});

// ---- item 9: Create or Update: "Variant Rows Not in Input"
await scene('9-variant-rows', async () => {
	await openNewNode(
		'Screenshot: create or update product',
		cartComNode('Create or Update Product', { resource: 'product', operation: 'upsert' }),
	);
	await openDropdown('Variant Rows Not in Input');
	await shot('upsert-variant-rows-not-in-input.png');
});

// ---- item 11: the order picker shows date, total and status
await scene('11-order-picker', async () => {
	await openNewNode(
		'Screenshot: get order, picker',
		cartComNode('Get Order', {
			resource: 'order',
			operation: 'get',
			recordId: { __rl: true, mode: 'list', value: '' },
		}),
	);
	await page.locator('[data-test-id="rlc-input"]').first().click();
	await page.locator('[data-test-id="rlc-item"]').first().waitFor();
	await shot('order-picker.png');
});

// ---- item 13: n8n's HTTP Request node with the Cart.com credential, executed
await scene('13-http-request', async () => {
	await openNewNode('Screenshot: HTTP Request node with the Cart.com credential', {
		name: 'Cart.com API call',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			url: `${simulatorUrl.replace(/\/+$/, '')}/api/v1/orders`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'cartComApi',
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'count', value: '2' },
					{ name: 'sort', value: '-id' },
				],
			},
			options: {},
		},
		credentials: token,
	});
	await page.locator('[data-test-id="node-execute-button"]').first().click();
	await page
		.getByText(/^1 item/)
		.first()
		.waitFor();
	await shot('http-request-cartcom-credential.png');
});

await browser.close();
for (const [name, status] of results) console.log(`scene ${name}: ${status}`);
const failed = results.filter(([, status]) => status !== 'ok');
console.log(`screenshots: ${results.length - failed.length} scenes ok, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
