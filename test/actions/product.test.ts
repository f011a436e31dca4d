import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	expectInputError,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	plainProduct,
	queryOf,
	run,
	runFailing,
	variantProduct,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { products: 30, variantProducts: 8, orders: 0, customers: 0 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

describe('Product: standard operations', () => {
	it('offers the standard operations and the task operations', () => {
		expect(operationsOf('product')).toEqual([
			'create',
			'delete',
			'findBySku',
			'get',
			'getAll',
			'getFilled',
			'importMany',
			'integrationUpsert',
			'selectMany',
			'update',
			'updatePrice',
			'upsert',
		]);
	});

	it('Get returns the simplified product by default', async () => {
		const product = plainProduct(sim, 0);
		const items = await run(sim, {
			resource: 'product',
			operation: 'get',
			recordId: byId(product.id),
		});

		expect(onlyRequest(sim).path).toBe(`${API}/products/${String(product.id)}`);
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'id',
				'item_number',
				'item_name',
				'gtin',
				'price',
				'quantity_on_hand',
				'use_variant_inventory',
				'product_status_id',
				'primary_category_id',
				'updated_at',
			].sort(),
		);
		expect(items[0].json.item_number).toBe(product.item_number);
	});

	it('Get Many filters by SKU, name, category and update date', async () => {
		const product = plainProduct(sim, 3);
		const items = await run(sim, {
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: {
				itemNumber: product.item_number as string,
				itemName: String(product.item_name).split(' ')[1],
				primaryCategoryId: product.primary_category_id as number,
				updatedAfter: '2000-01-01T00:00:00Z',
			},
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/products`);
		expect(queryOf(request)).toEqual({
			updated_at: 'gte:2000-01-01T00:00:00.000Z',
			sort: '-id',
			item_number: `eq:${String(product.item_number)}`,
			item_name: `like:${String(product.item_name).split(' ')[1]}`,
			primary_category_id: `eq:${String(product.primary_category_id)}`,
			count: '1000',
			page: '1',
		});
		expect(jsonOf(items).map((json) => json.id)).toEqual([product.id]);
	});

	it('Get Many rejects an invalid date filter before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'product', operation: 'getAll', filters: { updatedAfter: 'yesterday-ish' } },
			'Updated After',
		);
	});

	it('Create sends the required fields and the additional ones; the product exists afterwards', async () => {
		const items = await run(sim, {
			resource: 'product',
			operation: 'create',
			itemName: 'Canvas Tote',
			price: 14.5,
			productStatusId: 1,
			primaryCategoryId: '={{ "2" }}',
			additionalFields: {
				itemNumber: 'TOTE-1',
				gtin: '000111222333',
				quantityOnHand: 9,
				isHidden: 1,
			},
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			item_name: 'Canvas Tote',
			price: 14.5,
			product_status_id: 1,
			primary_category_id: 2,
			item_number: 'TOTE-1',
			gtin: '000111222333',
			quantity_on_hand: 9,
			is_hidden: 1,
		});
		const created = sim.store.get('products', items[0].json.id as number);
		expect(created).toMatchObject({ item_number: 'TOTE-1', price: 14.5, primary_category_id: 2 });
	});

	it('Create rejects a non-numeric status ID, Update rejects bad JSON, Get a non-numeric ID — before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'product',
				operation: 'create',
				itemName: 'X',
				price: 1,
				productStatusId: '={{ "In Stock" }}',
				primaryCategoryId: 1,
			},
			'Status ID',
		);
		await expectInputError(
			sim,
			{
				resource: 'product',
				operation: 'update',
				recordId: byId(1),
				updateFields: { otherFieldsJson: '{"price": 3' },
			},
			'Other Fields (JSON)',
		);
		await expectInputError(
			sim,
			{ resource: 'product', operation: 'get', recordId: byId('12a') },
			'ID',
		);
	});

	it('Update changes only the fields given', async () => {
		const product = plainProduct(sim, 4);
		await run(sim, {
			resource: 'product',
			operation: 'update',
			recordId: byId(product.id),
			updateFields: { retail: 99.5, isDiscontinued: true },
		});

		expect(onlyRequest(sim).body).toEqual({ retail: 99.5, is_discontinued: true });
		expect(sim.store.get('products', product.id as number)).toMatchObject({
			retail: 99.5,
			is_discontinued: true,
			price: product.price,
		});
	});

	it('Delete returns {deleted: true} and the product is gone', async () => {
		const product = plainProduct(sim, 5);
		const items = await run(sim, {
			resource: 'product',
			operation: 'delete',
			recordId: byId(product.id),
		});

		expect(onlyRequest(sim).method).toBe('DELETE');
		expect(jsonOf(items)).toEqual([{ id: product.id, deleted: true }]);
		expect(sim.store.get('products', product.id as number)).toBeUndefined();
	});

	it('Get With Related fills the variant rows', async () => {
		const { product, rows } = variantProduct(sim, 0);
		const items = await run(sim, {
			resource: 'product',
			operation: 'getFilled',
			recordId: byId(product.id),
		});

		expect(onlyRequest(sim).path).toBe(`${API}/products/${String(product.id)}/filled`);
		expect((items[0].json.variant_inventory as Array<{ id: number }>).map((row) => row.id)).toEqual(
			rows.map((row) => row.id),
		);
	});

	it('with Continue On Fail, a missing product becomes an error item paired with its input', async () => {
		const product = plainProduct(sim, 6);
		const items = await run(
			sim,
			{ resource: 'product', operation: 'get', recordId: byId('={{ $json.id }}') },
			{ input: [{ id: product.id }, { id: 987654 }], continueOnFail: true },
		);

		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[0].json.id).toBe(product.id);
		expect(items[1].json.error).toBeDefined();
		expect(items[1].json.httpCode).toBe('404');
	});
});

describe('Product: Find by SKU or GTIN', () => {
	const find = (lookupField: string, lookupValue: string, ifNotFound = 'fail') => ({
		resource: 'product',
		operation: 'findBySku',
		lookupField,
		lookupValue,
		ifNotFound,
	});

	it('finds a product by its own SKU, with its variant rows summed as stock', async () => {
		const { product, rows } = variantProduct(sim, 1);
		// The product's own figure goes stale once its rows change; the sum is what is in stock.
		sim.store.update('variant_inventory', rows[0].id as number, {
			inventory: (rows[0].inventory as number) + 100,
		});
		rows[0].inventory = (rows[0].inventory as number) + 100;
		const items = await run(sim, find('item_number', product.item_number as string));

		expect(sim.requests.map((request) => [request.path, queryOf(request)])).toEqual([
			[
				`${API}/products`,
				{
					item_number: `eq:${String(product.item_number)}`,
					expand: 'variant_inventory',
					count: '100',
					page: '1',
				},
			],
			[
				`${API}/variant_inventory`,
				{ item_number: `eq:${String(product.item_number)}`, count: '100', page: '1' },
			],
		]);
		expect(jsonOf(items)).toEqual([
			{
				match_type: 'product',
				product_id: product.id,
				variant_inventory_id: null,
				item_number: product.item_number,
				gtin: product.gtin,
				item_name: product.item_name,
				variant_description: null,
				quantity: rows.reduce((sum, row) => sum + (row.inventory as number), 0),
				use_variant_inventory: true,
				product_status_id: product.product_status_id,
				price: product.price,
			},
		]);
	});

	it('resolves a variant SKU to its variant row, with the parent product’s name', async () => {
		const { product, rows } = variantProduct(sim, 2);
		const row = rows[rows.length - 1];
		const items = await run(sim, find('item_number', row.item_number as string));

		expect(sim.requests.map((request) => request.path)).toEqual([
			`${API}/products`,
			`${API}/variant_inventory`,
			`${API}/products/${String(product.id)}`,
		]);
		expect(jsonOf(items)).toEqual([
			{
				match_type: 'variant',
				product_id: product.id,
				variant_inventory_id: row.id,
				item_number: row.item_number,
				gtin: row.gtin,
				item_name: product.item_name,
				variant_description: row.description,
				quantity: row.inventory,
				use_variant_inventory: true,
				product_status_id: row.product_status_id,
				price: product.price,
				product_item_number: product.item_number,
			},
		]);
	});

	it('finds by GTIN, for products and variant rows alike', async () => {
		const product = plainProduct(sim, 7);
		const { rows } = variantProduct(sim, 3);
		const items = await run(sim, find('gtin', '={{ $json.gtin }}'), {
			input: [{ gtin: product.gtin }, { gtin: rows[0].gtin }],
		});

		expect(queryOf(sim.requests[0])).toMatchObject({ gtin: `eq:${String(product.gtin)}` });
		expect(
			jsonOf(items).map((json) => [
				json.match_type,
				json.product_id,
				json.variant_inventory_id,
				json.quantity,
			]),
		).toEqual([
			['product', product.id, null, product.quantity_on_hand],
			['variant', rows[0].product_id, rows[0].id, rows[0].inventory],
		]);
		expect(pairedIndexes(items)).toEqual([0, 1]);
	});

	it('fails for an unknown code, or returns nothing when asked to', async () => {
		const error = await runFailing(sim, find('item_number', 'NOPE-1'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('NOPE-1');

		const product = plainProduct(sim, 8);
		const items = await run(sim, find('item_number', '={{ $json.sku }}', 'returnNothing'), {
			input: [{ sku: 'NOPE-2' }, { sku: product.item_number }],
		});
		expect(jsonOf(items).map((json) => json.product_id)).toEqual([product.id]);
		expect(pairedIndexes(items)).toEqual([1]);
	});

	it('with Continue On Fail, an unknown code becomes an error item paired with its input', async () => {
		const product = plainProduct(sim, 8);
		const items = await run(sim, find('item_number', '={{ $json.sku }}'), {
			input: [{ sku: 'NOPE-3' }, { sku: product.item_number }],
			continueOnFail: true,
		});
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[0].json.error).toContain('NOPE-3');
		expect(items[1].json.product_id).toBe(product.id);
	});

	it('rejects an empty value, or one the filter syntax cannot carry, before any request', async () => {
		await expectInputError(sim, find('item_number', '  '), 'Value');
		await expectInputError(sim, find('item_number', 'A AND B'), 'Value');
	});

	it('reports an API failure as a NodeApiError', async () => {
		sim.scriptFaults([{ match: { path: /\/products$/ }, status: 401 }]);
		const error = await runFailing(sim, find('item_number', 'X-1'));
		expect(error).toBeInstanceOf(NodeApiError);
	});
});
