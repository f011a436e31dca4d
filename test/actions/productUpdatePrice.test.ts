import { NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	expectInputError,
	onlyRequest,
	pairedIndexes,
	plainProduct,
	queryOf,
	routesOf,
	run,
	runFailing,
	variantProduct,
	writesOf,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { products: 20, variantProducts: 6, orders: 0, customers: 0 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const pricingOf = (productId: unknown) =>
	sim.store.list('product_pricing').filter((row) => row.product_id === productId);

describe('Product: Update Price', () => {
	it('changes the base price, retail price and cost of a product picked by ID', async () => {
		const product = plainProduct(sim, 0);
		const items = await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'product',
			identifyBy: 'id',
			product: byId(product.id),
			price: 18.75,
			basePriceFields: { retail: 24, cost: 7.1 },
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${API}/products/${String(product.id)}`);
		expect(request.body).toEqual({ price: 18.75, retail: 24, cost: 7.1 });
		expect(sim.store.get('products', product.id as number)).toMatchObject({
			price: 18.75,
			retail: 24,
			cost: 7.1,
		});
		expect(items[0].json.price).toBe(18.75);
	});

	it('finds the product by SKU first', async () => {
		const product = plainProduct(sim, 1);
		await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			identifyBy: 'sku',
			sku: product.item_number as string,
			price: 11,
		});

		expect(routesOf(sim.requests)).toEqual([
			'GET /products',
			'GET /variant_inventory',
			`PUT /products/${String(product.id)}`,
		]);
		expect(queryOf(sim.requests[0])).toMatchObject({
			item_number: `eq:${String(product.item_number)}`,
		});
		expect(writesOf(sim)[0].body).toEqual({ price: 11 });
		expect(sim.store.get('products', product.id as number)?.price).toBe(11);
	});

	it('refuses a base price for a variant SKU, as variant rows have none', async () => {
		const { rows } = variantProduct(sim, 0);
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'updatePrice',
			identifyBy: 'sku',
			sku: rows[0].item_number as string,
			price: 11,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('variant row');
		expect(writesOf(sim)).toEqual([]);
	});

	it('creates a price row for a variant SKU, and changes that same row on the next run', async () => {
		const { product, rows } = variantProduct(sim, 1);
		const row =
			rows.find(
				(candidate) =>
					!pricingOf(product.id).some((price) => price.variant_inventory_id === candidate.id),
			) ?? rows[0];
		const existing = pricingOf(product.id).filter((price) => price.variant_inventory_id === row.id);
		for (const price of existing) sim.store.remove('product_pricing', price.id as number);
		// A product-wide row with the same starting quantity must not be mistaken for the variant's.
		const productWide = sim.store.create('product_pricing', {
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 1,
			price: 40,
			cost: 9,
			store_id: null,
			customer_type_id: null,
			start_date: null,
			end_date: null,
		});
		const parameters = {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'pricingRow',
			identifyBy: 'sku',
			sku: row.item_number as string,
			price: 22.5,
			priceRowFields: { cost: 9 },
		};

		const first = await run(sim, parameters);
		expect(routesOf(sim.requests)).toEqual([
			'GET /products',
			'GET /variant_inventory',
			'GET /product_pricing',
			'POST /product_pricing',
		]);
		expect(writesOf(sim)[0].body).toEqual({
			product_id: product.id,
			variant_inventory_id: row.id,
			starting_quantity: 1,
			price: 22.5,
			cost: 9,
		});
		const rowsForVariant = () =>
			pricingOf(product.id).filter((price) => price.variant_inventory_id === row.id);
		expect(rowsForVariant()).toHaveLength(1);

		sim.clearRequests();
		await run(sim, { ...parameters, price: 21 });
		expect(routesOf(writesOf(sim))).toEqual([`PUT /product_pricing/${String(first[0].json.id)}`]);
		expect(writesOf(sim)[0].body).toEqual({ price: 21, cost: 9 });
		expect(rowsForVariant()).toHaveLength(1);
		expect(rowsForVariant()[0].price).toBe(21);
		expect(sim.store.get('product_pricing', productWide.id as number)?.price).toBe(40);
	});

	it('changes a quantity-break row of a product picked by ID, leaving the other rows alone', async () => {
		const product = plainProduct(sim, 2);
		const normal = sim.store.create('product_pricing', {
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 1,
			price: 30,
			cost: 10,
			store_id: null,
			customer_type_id: null,
			start_date: null,
			end_date: null,
		});
		const tier = sim.store.create('product_pricing', {
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 12,
			price: 27,
			cost: 10,
			store_id: null,
			customer_type_id: null,
			start_date: null,
			end_date: null,
		});

		await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'pricingRow',
			identifyBy: 'id',
			product: byId(product.id),
			variantInventoryId: '',
			startingQuantity: 12,
			price: 25,
		});

		expect(routesOf(sim.requests)).toEqual([
			'GET /product_pricing',
			`PUT /product_pricing/${String(tier.id)}`,
		]);
		expect(queryOf(sim.requests[0])).toMatchObject({ product_id: `eq:${String(product.id)}` });
		expect(sim.store.get('product_pricing', tier.id as number)?.price).toBe(25);
		expect(sim.store.get('product_pricing', normal.id as number)?.price).toBe(30);
	});

	it('tells a sale row (with dates) from the normal row of the same quantity', async () => {
		const product = plainProduct(sim, 5);
		const base = {
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 1,
			cost: 10,
			store_id: null,
			customer_type_id: null,
		};
		const sale = sim.store.create('product_pricing', {
			...base,
			price: 20,
			start_date: '2024-11-29T00:00:00-06:00',
			end_date: '2024-12-02T00:00:00-06:00',
		});
		const normal = sim.store.create('product_pricing', {
			...base,
			price: 30,
			start_date: null,
			end_date: null,
		});
		const parameters = {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'pricingRow',
			identifyBy: 'id',
			product: byId(product.id),
		};

		await run(sim, { ...parameters, price: 31 });
		expect(routesOf(writesOf(sim))).toEqual([`PUT /product_pricing/${String(normal.id)}`]);

		sim.clearRequests();
		await run(sim, {
			...parameters,
			price: 18,
			priceRowFields: { startDate: '2024-11-29T06:00:00Z', endDate: '2024-12-02T00:00:00-06:00' },
		});
		expect(routesOf(writesOf(sim))).toEqual([`PUT /product_pricing/${String(sale.id)}`]);
		expect([
			sim.store.get('product_pricing', sale.id as number)?.price,
			sim.store.get('product_pricing', normal.id as number)?.price,
		]).toEqual([18, 31]);
	});

	it('adds a separate row for a customer type', async () => {
		const product = plainProduct(sim, 3);
		const normal = sim.store.create('product_pricing', {
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 1,
			price: 17,
			cost: 5,
			store_id: null,
			customer_type_id: null,
			start_date: null,
			end_date: null,
		});
		const before = pricingOf(product.id).length;
		await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'pricingRow',
			identifyBy: 'id',
			product: byId(product.id),
			price: 15,
			priceRowFields: { customerTypeId: 2 },
		});

		expect(writesOf(sim)[0].body).toEqual({
			product_id: product.id,
			variant_inventory_id: null,
			starting_quantity: 1,
			price: 15,
			customer_type_id: 2,
		});
		expect(pricingOf(product.id)).toHaveLength(before + 1);
		expect(sim.store.get('product_pricing', normal.id as number)?.price).toBe(17);
	});

	it.each([
		['a negative price', { price: -1 }, 'Price'],
		['a text price', { price: '={{ "cheap" }}' }, 'Price'],
		[
			'a fractional starting quantity',
			{ priceTarget: 'pricingRow', startingQuantity: 1.5 },
			'Starting Quantity',
		],
		['a non-numeric product ID', { identifyBy: 'id', product: byId('abc') }, 'Product'],
		[
			'a non-numeric variant row ID',
			{ identifyBy: 'id', product: byId(1), priceTarget: 'pricingRow', variantInventoryId: 'x7' },
			'Variant Inventory ID',
		],
		[
			'an invalid start date',
			{ priceTarget: 'pricingRow', priceRowFields: { startDate: 'soon' } },
			'Start Date',
		],
		[
			'an end before the start',
			{
				priceTarget: 'pricingRow',
				priceRowFields: { startDate: '2024-06-01', endDate: '2024-05-01' },
			},
			'End Date',
		],
		['an empty SKU', { sku: ' ' }, 'SKU'],
	])('rejects %s before any request', async (_case, overrides, field) => {
		await expectInputError(
			sim,
			{
				resource: 'product',
				operation: 'updatePrice',
				identifyBy: 'sku',
				sku: 'ANY',
				price: 5,
				...overrides,
			},
			field,
		);
	});

	it('pairs outputs with inputs and, with Continue On Fail, reports an unknown SKU as an error item', async () => {
		const product = plainProduct(sim, 4);
		const items = await run(
			sim,
			{
				resource: 'product',
				operation: 'updatePrice',
				identifyBy: 'sku',
				sku: '={{ $json.sku }}',
				price: '={{ $json.price }}',
			},
			{
				input: [
					{ sku: 'NOT-A-SKU', price: 3 },
					{ sku: product.item_number, price: 4 },
				],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[0].json.error).toContain('NOT-A-SKU');
		expect(items[1].json.price).toBe(4);
	});
});
