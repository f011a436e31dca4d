// Takes the README's screenshots of the Cart.com nodes in n8n's editor, with headless Chromium.
//
// Needs: a running `npm run demo` (or any n8n with the package and the examples imported), Debian's
// chromium (apt-get install -y chromium) and playwright-core (installed by screenshots.sh into
// .cache/tools, not a project dependency).
// Usage: node scripts/demo/screenshots.mjs <n8nUrl> <email> <password> <outDir>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [baseUrl, email, password, outDir] = process.argv.slice(2);
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
page.setDefaultTimeout(30_000);
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

// ---- log in
await page.goto(`${baseUrl}/signin`);
await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(email);
await page.locator('input[name="password"]').fill(password);
await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
await page.waitForURL((url) => !url.pathname.includes('signin'));

// ---- 1. the shipment example on the canvas, then its Create Shipment node
// "Execute workflow" runs the trigger once in manual mode: it fetches the newest order, which
// Create Shipment then ships.
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
await page.keyboard.press('Escape');

// ---- 2. the trigger's parameters (updated products example)
await openWorkflow('cartcomExProd001');
await openNode('Product Updated');
await shot('trigger-product-updated.png');
await page.keyboard.press('Escape');

// ---- 3. the inventory example, executed: Set Stock's input and output
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

// ---- 4. the node panel: searching "Cart.com" lists the node, then its actions
await page.locator('[data-test-id="canvas-node"]').first().waitFor();
await page.mouse.click(700, 200);
await page.keyboard.press('Tab');
await page
	.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
	.first()
	.waitFor();
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

await browser.close();
