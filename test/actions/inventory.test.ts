import { NodeApiError } from 'n8n-workflow';

import { configureTransport } from '../../nodes/CartCom/transport';
import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	expectInputError,
	jsonOf,
	linesOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	plainProduct,
	queryOf,
	run,
	runFailing,
	variantProduct,
	writesOf,
	type Row,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { products: 20, variantProducts: 6, orders: 0, customers: 0 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const stock = (
	operation: string,
	identifierType: string,
	identifierValue: string | number,
	quantity?: unknown,
) => ({
	resource: 'inventory',
	operation,
	identifierType,
	identifierValue: String(identifierValue),
	...(quantity === undefined ? {} : { quantity: quantity as number }),
});

describe('Inventory', () => {
	it('offers Get, Set, Add, Remove and the settings operations', () => {
		expect(operationsOf('inventory')).toEqual([
			'add',
			'get',
			'getSettings',
			'remove',
			'set',
			'updateSettings',
		]);
	});

	it('Get by a variant SKU reads that variant row’s stock', async () => {
		const { product, rows } = variantProduct(sim);
		const row = rows[1];
		const items = await run(sim, stock('get', 'item_number', row.item_number as string));

		const request = onlyRequest(sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`${API}/inventory`);
		expect(queryOf(request)).toEqual({ item_number: row.item_number });
		expect(jsonOf(items)).toEqual([
			{
				product_id: product.id,
				variant_inventory_id: row.id,
				item_number: row.item_number,
				item_name: product.item_name,
				gtin: row.gtin,
				quantity: row.inventory,
			},
		]);
	});

	it('Get by product ID sends the id as a number-valued query', async () => {
		const product = plainProduct(sim, 1);
		const items = await run(sim, stock('get', 'product_id', ` ${String(product.id)} `));

		expect(queryOf(onlyRequest(sim))).toEqual({ product_id: String(product.id) });
		expect(items[0].json.quantity).toBe(product.quantity_on_hand);
	});

	it('Set by SKU looks the SKU up exactly, then changes that variant row’s stock by its ID', async () => {
		const { rows } = variantProduct(sim, 1);
		const row = rows[0];
		const items = await run(sim, stock('set', 'item_number', row.item_number as string, 37));

		expect(linesOf(sim.requests)).toEqual([
			expect.stringMatching(/^GET \/products\?item_number=eq%3A/),
			expect.stringMatching(/^GET \/variant_inventory\?item_number=eq%3A/),
			'POST /inventory/set',
		]);
		const request = writesOf(sim)[0];
		expect(request.path).toBe(`${API}/inventory/set`);
		expect(request.body).toEqual({ variant_inventory_id: row.id, quantity: 37 });
		expect(sim.store.get('variant_inventory', row.id as number)?.inventory).toBe(37);
		expect(items[0].json).toMatchObject({ variant_inventory_id: row.id, quantity: 37 });
	});

	it('Set by GTIN changes a plain product’s quantity on hand', async () => {
		const product = plainProduct(sim, 2);
		await run(sim, stock('set', 'gtin', product.gtin as string, 5));

		expect(queryOf(sim.requests[0])).toMatchObject({ gtin: `eq:${String(product.gtin)}` });
		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ product_id: product.id, quantity: 5 },
		]);
		expect(sim.store.get('products', product.id as number)?.quantity_on_hand).toBe(5);
	});

	it('Set by variant inventory ID sends the id as a number', async () => {
		const { rows } = variantProduct(sim, 2);
		await run(sim, stock('set', 'variant_inventory_id', rows[0].id as number, 0));

		expect(onlyRequest(sim).body).toEqual({ variant_inventory_id: rows[0].id, quantity: 0 });
		expect(sim.store.get('variant_inventory', rows[0].id as number)?.inventory).toBe(0);
	});

	it('Add and Remove change the stock by the quantity, one POST per item', async () => {
		const product = plainProduct(sim, 3);
		const id = product.id as number;
		await run(sim, stock('set', 'product_id', id, 10));
		sim.clearRequests();

		const added = await run(sim, stock('add', 'item_number', product.item_number as string, 4));
		expect(sim.store.get('products', id)?.quantity_on_hand).toBe(14);
		expect(added[0].json.quantity).toBe(14);

		const removed = await run(
			sim,
			stock('remove', 'item_number', product.item_number as string, 6),
		);
		expect(sim.store.get('products', id)?.quantity_on_hand).toBe(8);
		expect(removed[0].json.quantity).toBe(8);

		expect(writesOf(sim).map((request) => [request.path, request.body])).toEqual([
			[`${API}/inventory/add`, { product_id: id, quantity: 4 }],
			[`${API}/inventory/remove`, { product_id: id, quantity: 6 }],
		]);
	});

	it('reads the identifier and quantity per item and pairs each output with its input', async () => {
		const products = [plainProduct(sim, 4), plainProduct(sim, 5)];
		const items = await run(
			sim,
			{ ...stock('set', 'item_number', '={{ $json.sku }}'), quantity: '={{ $json.qty }}' },
			{ input: products.map((product, index) => ({ sku: product.item_number, qty: index + 20 })) },
		);

		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ product_id: products[0].id, quantity: 20 },
			{ product_id: products[1].id, quantity: 21 },
		]);
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(
			products.map((product) => sim.store.get('products', product.id as number)?.quantity_on_hand),
		).toEqual([20, 21]);
	});

	it.each([
		['a negative quantity', -1],
		['a fraction', 2.5],
		['text', 'many'],
	])('rejects %s before any request', async (_case, quantity) => {
		const product = plainProduct(sim);
		const before = product.quantity_on_hand;
		for (const operation of ['set', 'add', 'remove']) {
			const error = await expectInputError(
				sim,
				{
					...stock(operation, 'item_number', product.item_number as string),
					quantity: `={{ ${JSON.stringify(quantity)} }}`,
				},
				'Quantity',
			);
			expect(error.message).toContain('[item 0]');
		}
		expect(sim.store.get('products', product.id as number)?.quantity_on_hand).toBe(before);
	});

	it('rejects a non-numeric product ID and an empty SKU before any request', async () => {
		await expectInputError(sim, stock('get', 'product_id', 'abc'), 'Identifier');
		await expectInputError(sim, stock('set', 'variant_inventory_id', '12.5', 1), 'Identifier');
		await expectInputError(sim, stock('add', 'item_number', '   ', 1), 'Identifier');
	});

	it('with Continue On Fail, a bad item becomes an error item and the others still run', async () => {
		const product = plainProduct(sim, 6);
		const items = await run(
			sim,
			{
				...stock('add', 'item_number', product.item_number as string),
				quantity: '={{ $json.qty }}',
			},
			{ input: [{ qty: 1 }, { qty: -3 }, { qty: 2 }], continueOnFail: true },
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[1].json.error).toContain('Quantity');
		expect(items[0].json.quantity).toBe((product.quantity_on_hand as number) + 1);
		expect(items[2].json.quantity).toBe((product.quantity_on_hand as number) + 3);
		expect(writesOf(sim)).toHaveLength(2);
	});

	it('an unknown SKU fails naming the Identifier, and nothing is written', async () => {
		const error = await runFailing(sim, stock('set', 'item_number', 'NO-SUCH-SKU', 1));
		expect(error.message).toBe('Identifier: no product or variant has SKU "NO-SUCH-SKU" [item 0]');
		expect(writesOf(sim)).toEqual([]);
	});

	it('a SKU carried by two records is refused: no guess which stock to change', async () => {
		const [first, second] = [plainProduct(sim, 8), plainProduct(sim, 9)];
		sim.store.update('products', second.id as number, { item_number: first.item_number });
		const error = await runFailing(
			sim,
			stock('add', 'item_number', first.item_number as string, 1),
		);
		expect(error.message).toContain('matches 2 records');
		expect(writesOf(sim)).toEqual([]);
	});

	it('Get by product ID refuses an answer about another record', async () => {
		const product = plainProduct(sim, 10);
		const unhook = sim.onRequest((request) => {
			// A server answering for another product: the query's id is swapped before it is served.
			if (request.path.endsWith('/inventory'))
				request.query.set('product_id', String((product.id as number) + 1));
		});
		const error = await runFailing(sim, stock('get', 'product_id', product.id as number)).finally(
			unhook,
		);
		expect(error.message).toBe(
			`Identifier: the store answered with Product ID "${(product.id as number) + 1}", not "${String(product.id)}" [item 0]`,
		);
	});

	it('never repeats an Add whose response was lost: the stock moves once', async () => {
		const product = plainProduct(sim, 7);
		const id = product.id as number;
		const before = sim.store.get('products', id)?.quantity_on_hand as number;
		const writesBefore = sim.store.writeCount('products');
		sim.scriptFaults([
			{ match: { method: 'POST', path: /\/inventory\/add$/ }, status: 500, applyWrite: true },
		]);

		const error = await runFailing(sim, stock('add', 'product_id', id, 3));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sim.store.writeCount('products')).toBe(writesBefore + 1);
		expect(sim.store.get('products', id)?.quantity_on_hand).toBe(before + 3);
	});

	it('Get Settings reads the store’s inventory settings', async () => {
		const items = await run(sim, { resource: 'inventory', operation: 'getSettings' });
		expect(onlyRequest(sim).path).toBe(`${API}/inventory/settings`);
		expect(items[0].json).toEqual(sim.store.inventorySettings);
	});

	it('Update Settings sends only the settings given and changes them in the store', async () => {
		const items = await run(sim, {
			resource: 'inventory',
			operation: 'updateSettings',
			updateFields: {
				removeFromInventoryWhen: 'Shipped',
				outOfStockProductStatusId: '={{ "3" }}',
				trackInventory: false,
			},
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.body).toEqual({
			remove_from_inventory_when: 'Shipped',
			out_of_stock_product_status_id: 3,
			track_inventory: false,
		});
		expect(sim.store.inventorySettings).toMatchObject({
			remove_from_inventory_when: 'Shipped',
			out_of_stock_product_status_id: 3,
			track_inventory: false,
		});
		expect(items[0].json.remove_from_inventory_when).toBe('Shipped');
	});

	it('Update Settings without any setting or with a bad status ID fails before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'inventory', operation: 'updateSettings', updateFields: {} },
			'Update Fields',
		);
		await expectInputError(
			sim,
			{
				resource: 'inventory',
				operation: 'updateSettings',
				updateFields: { inStockProductStatusId: '={{ "in stock" }}' },
			},
			'In Stock Status ID',
		);
	});
});

describe('Inventory Set with Parallel Requests', () => {
	let limited: Simulator;
	const WINDOW_MS = 1000;
	// 24 calls against 12 per window: the limit binds, and it leaves room for several calls at once
	// after the budget's slow start (up to 8 answers one after another, nodes/shared/http/callBudget.ts).
	const LIMIT = 12;

	beforeAll(async () => {
		limited = await startStore({
			sizes: { products: 16, variantProducts: 0, orders: 0, customers: 0 },
			rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
		});
		// The store's window is 1 s here instead of 10 s; the client must know, as on a real store.
		configureTransport({ callWindowMs: WINDOW_MS });
	});
	afterAll(async () => {
		configureTransport({ callWindowMs: 10_000 });
		await limited.stop();
	});

	it('sends several items at once yet stays within the store’s call limit (no 429)', async () => {
		// By SKU each item costs three calls (two exact look-ups, then the write by ID).
		const products = limited.store.list('products').slice(0, 8) as Row[];
		let inFlight = 0;
		let maxInFlight = 0;
		const unhook = limited.onRequest(async () => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			await new Promise((resolve) => setTimeout(resolve, 40));
			inFlight--;
		});

		const items = await run(
			limited,
			{
				...stock('set', 'item_number', '={{ $json.sku }}'),
				quantity: '={{ $json.qty }}',
				writeOptions: { concurrency: 4 },
			},
			{ input: products.map((product, index) => ({ sku: product.item_number, qty: 100 + index })) },
		);
		unhook();

		expect(limited.requests.filter((request) => request.status === 429)).toEqual([]);
		expect(maxInFlight).toBeGreaterThan(1);
		expect(maxInFlight).toBeLessThanOrEqual(LIMIT);
		expect(pairedIndexes(items)).toEqual(products.map((_product, index) => index));
		expect(
			products.map(
				(product) => limited.store.get('products', product.id as number)?.quantity_on_hand,
			),
		).toEqual(products.map((_product, index) => 100 + index));
		// No window of the store's length ever held more calls than it allows.
		const times = limited.requests.map((request) => request.at).sort((a, b) => a - b);
		for (let index = LIMIT; index < times.length; index++) {
			expect(times[index] - times[index - LIMIT]).toBeGreaterThanOrEqual(WINDOW_MS - 50);
		}
	});
});
