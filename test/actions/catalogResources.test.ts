import { NodeApiError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	expectInputError,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	routesOf,
	run,
	runFailing,
	variantProduct,
	type Row,
} from '../helpers/actionKit';

const STANDARD = ['create', 'delete', 'get', 'getAll', 'update'];

describe.each([
	['collection', 'variants', 'pictures'],
	['path', 'product_variants', 'product_pictures'],
] as const)('Catalog resources (records key style "%s")', (style, variantsKey, picturesKey) => {
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startStore({
			sizes: { products: 12, variantProducts: 4, orders: 0, customers: 0 },
			recordsKeys: style,
		});
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it(`Product Variant Get Many reads the "${variantsKey}" key and filters by product`, async () => {
		const { product } = variantProduct(sim, 0);
		const expected = sim.store
			.list('product_variants')
			.filter((variant) => variant.product_id === product.id);
		const items = await run(sim, {
			resource: 'productVariant',
			operation: 'getAll',
			returnAll: true,
			sortOrder: 'oldest',
			filters: { productId: product.id as number },
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/product_variants`);
		expect(queryOf(request)).toMatchObject({ product_id: `eq:${String(product.id)}` });
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected.map((variant) => variant.id));
		expect(Object.keys(items[0].json)).not.toContain('swatch_file');
	});

	it(`Product Picture Get Many reads the "${picturesKey}" key`, async () => {
		const items = await run(sim, { resource: 'productPicture', operation: 'getAll', limit: 3 });
		expect(queryOf(onlyRequest(sim))).toMatchObject({ count: '3', page: '1' });
		expect(items).toHaveLength(3);
		expect(items[0].json.image_file).toBeDefined();
	});

	it('Attribute, Attribute Group and Product Review list an empty store as no items', async () => {
		for (const resource of ['attribute', 'attributeGroup', 'productReview']) {
			sim.clearRequests();
			const items = await run(sim, { resource, operation: 'getAll', returnAll: true });
			expect(items).toEqual([]);
			expect(sim.requests).toHaveLength(1);
		}
	});
});

describe('Catalog resources', () => {
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startStore({
			sizes: { products: 12, variantProducts: 4, orders: 0, customers: 0 },
		});
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it.each([
		['productVariant', [...STANDARD, 'selectMany']],
		['variantGroup', [...STANDARD, 'getFilled', 'selectMany']],
		['variantInventory', [...STANDARD, 'getFilled', 'selectMany']],
		['productPricing', [...STANDARD, 'selectMany']],
		['productPicture', [...STANDARD, 'selectMany']],
		['productStatus', STANDARD],
		['category', [...STANDARD, 'getFilled', 'rebuildTree', 'selectMany']],
		['manufacturer', [...STANDARD, 'selectMany']],
		['attribute', STANDARD],
		['attributeGroup', STANDARD],
		['productReview', [...STANDARD, 'getFilled']],
	])('%s offers its operations', (resource, operations) => {
		expect(operationsOf(resource)).toEqual([...operations].sort());
	});

	it('Product Variant Create sends the option with its price adjustment', async () => {
		const { product } = variantProduct(sim, 1);
		const items = await run(sim, {
			resource: 'productVariant',
			operation: 'create',
			productId: product.id as number,
			variantGroupId: 2,
			additionalFields: {
				description: 'XXL',
				priceAdjustment: 3,
				priceAdjustmentType: '+ dollars',
				itemNumberExtension: '-XXL',
			},
		});

		expect(onlyRequest(sim).body).toEqual({
			product_id: product.id,
			variant_group_id: 2,
			description: 'XXL',
			price_adjustment: 3,
			price_adjustment_type: '+ dollars',
			item_number_extension: '-XXL',
		});
		expect(sim.store.get('product_variants', items[0].json.id as number)).toMatchObject({
			description: 'XXL',
			price_adjustment: 3,
		});
	});

	it('Variant Inventory Create combines existing options into a stock row', async () => {
		const { product } = variantProduct(sim, 2);
		const options = sim.store
			.list('product_variants')
			.filter((variant) => variant.product_id === product.id);
		const color = options.find((variant) => variant.variant_group_id === 1);
		const items = await run(sim, {
			resource: 'variantInventory',
			operation: 'create',
			productId: product.id as number,
			variants: JSON.stringify([{ id: color?.id, product_id: product.id, variant_group_id: 1 }]),
			additionalFields: { itemNumber: 'ROW-NEW', gtin: '012000000001', inventory: 6 },
		});

		expect(onlyRequest(sim).body).toEqual({
			product_id: product.id,
			variants: [{ id: color?.id, product_id: product.id, variant_group_id: 1 }],
			item_number: 'ROW-NEW',
			gtin: '012000000001',
			inventory: 6,
		});
		expect(sim.store.get('variant_inventory', items[0].json.id as number)).toMatchObject({
			item_number: 'ROW-NEW',
			inventory: 6,
		});
	});

	it.each([
		['only an id (the old example)', (ids: Row) => [{ id: ids.id }], '[0]'],
		[
			'no variant group',
			(ids: Row) => [{ id: ids.id, product_id: ids.product_id }],
			'variant_group_id',
		],
		[
			'a text id',
			(ids: Row) => [
				{ id: 'red', product_id: ids.product_id, variant_group_id: ids.variant_group_id },
			],
			'[0].id',
		],
	])(
		'Variant Inventory Create refuses a variants entry with %s, before any request',
		async (_case, entries, field) => {
			const { product } = variantProduct(sim, 2);
			const option = sim.store
				.list('product_variants')
				.find((variant) => variant.product_id === product.id) as Row;
			await expectInputError(
				sim,
				{
					resource: 'variantInventory',
					operation: 'create',
					productId: product.id as number,
					variants: JSON.stringify(entries(option)),
				},
				field,
			);
		},
	);

	it('Variant Inventory Create rejects Variants that are not a JSON array before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'variantInventory', operation: 'create', productId: 1, variants: '{"id": 3}' },
			'Variants (JSON)',
		);
	});

	it('Variant Inventory Get Many finds a row by SKU and Update changes its stock', async () => {
		const { rows } = variantProduct(sim, 3);
		const found = await run(sim, {
			resource: 'variantInventory',
			operation: 'getAll',
			filters: { itemNumber: rows[0].item_number as string },
		});
		expect(jsonOf(found).map((json) => json.id)).toEqual([rows[0].id]);

		sim.clearRequests();
		await run(sim, {
			resource: 'variantInventory',
			operation: 'update',
			recordId: byId(rows[0].id),
			updateFields: { inventory: 44 },
		});
		expect(onlyRequest(sim).body).toEqual({ inventory: 44 });
		expect(sim.store.get('variant_inventory', rows[0].id as number)?.inventory).toBe(44);
	});

	it('Product Pricing Create and Delete', async () => {
		const created = await run(sim, {
			resource: 'productPricing',
			operation: 'create',
			productId: 3,
			additionalFields: {
				startingQuantity: 24,
				price: 8.5,
				customerTypeId: 2,
				startDate: '2024-06-01T00:00:00-05:00',
			},
		});
		expect(onlyRequest(sim).body).toEqual({
			product_id: 3,
			starting_quantity: 24,
			price: 8.5,
			customer_type_id: 2,
			start_date: '2024-06-01T00:00:00.000-05:00',
		});

		sim.clearRequests();
		const deleted = await run(sim, {
			resource: 'productPricing',
			operation: 'delete',
			recordId: byId(created[0].json.id),
		});
		expect(jsonOf(deleted)).toEqual([{ id: created[0].json.id, deleted: true }]);
		expect(sim.store.get('product_pricing', created[0].json.id as number)).toBeUndefined();
	});

	it('Product Picture Create requires the image file', async () => {
		await expectInputError(
			sim,
			{ resource: 'productPicture', operation: 'create', productId: 2, imageFile: '' },
			'Image File',
		);
		const items = await run(sim, {
			resource: 'productPicture',
			operation: 'create',
			productId: 2,
			imageFile: '/images/products/side.jpg',
			additionalFields: { alt: 'Side view', isPrimary: false },
		});
		expect(sim.store.get('product_pictures', items[0].json.id as number)).toMatchObject({
			image_file: '/images/products/side.jpg',
			alt: 'Side view',
		});
	});

	it('Category Create, then Rebuild Tree once for all items', async () => {
		const created = await run(
			sim,
			{
				resource: 'category',
				operation: 'create',
				name: '={{ $json.name }}',
				additionalFields: { parentCategoryId: 1 },
			},
			{ input: [{ name: 'Hats' }, { name: 'Scarves' }] },
		);
		expect(
			created.map(
				(item) => sim.store.get('categories', item.json.id as number)?.parent_category_id,
			),
		).toEqual([1, 1]);

		sim.clearRequests();
		const items = await run(
			sim,
			{ resource: 'category', operation: 'rebuildTree' },
			{ input: [{}, {}, {}] },
		);
		expect(routesOf(sim.requests)).toEqual(['POST /categories/rebuild_tree']);
		expect(items).toEqual([
			{ json: { rebuild_requested: true }, pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] },
		]);
	});

	it('Category Rebuild Tree with Continue On Fail returns the failure as one item', async () => {
		sim.scriptFaults([{ match: { path: /rebuild_tree/ }, status: 500 }]);
		const items = await run(
			sim,
			{ resource: 'category', operation: 'rebuildTree' },
			{ input: [{}, {}], continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBeDefined();
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		// A POST is never repeated blindly.
		expect(sim.requests).toHaveLength(1);
	});

	it('Category Get Many filters by name (contains) and parent', async () => {
		const items = await run(sim, {
			resource: 'category',
			operation: 'getAll',
			filters: { name: 'hat', parentCategoryId: 1 },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({
			name: 'like:hat',
			parent_category_id: 'eq:1',
		});
		expect(jsonOf(items).map((json) => json.name)).toEqual(['Hats']);
	});

	it('Manufacturer, Product Status, Variant Group, Attribute Group, Attribute and Product Review Create', async () => {
		const cases: Array<[string, Record<string, unknown>, string, Record<string, unknown>]> = [
			['manufacturer', { additionalFields: { name: 'Acme' } }, 'manufacturers', { name: 'Acme' }],
			[
				'productStatus',
				{ name: 'Preorder', additionalFields: { isBackOrdered: true } },
				'product_statuses',
				{ name: 'Preorder', is_back_ordered: true },
			],
			[
				'variantGroup',
				{ additionalFields: { name: 'Width', displayType: 'DropDown' } },
				'variant_groups',
				{ name: 'Width', display_type: 'DropDown' },
			],
			[
				'attributeGroup',
				{ additionalFields: { name: 'Material', allowDrillDown: true } },
				'attribute_groups',
				{ name: 'Material', allow_drill_down: true },
			],
			[
				'attribute',
				{ attributeGroupId: 1, additionalFields: { name: 'Cotton' } },
				'attributes',
				{ attribute_group_id: 1, name: 'Cotton' },
			],
			[
				'productReview',
				{ productId: 2, additionalFields: { title: 'Great', overallRating: 5 } },
				'product_reviews',
				{ product_id: 2, title: 'Great', overall_rating: 5 },
			],
		];
		for (const [resource, parameters, table, expected] of cases) {
			sim.clearRequests();
			const items = await run(sim, { resource, operation: 'create', ...parameters });
			expect(onlyRequest(sim).body).toEqual(expected);
			expect(sim.store.get(table, items[0].json.id as number)).toMatchObject(expected);
		}
	});

	it('Product Review rejects a fractional rating, Manufacturer a non-numeric ID, before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'productReview',
				operation: 'create',
				productId: 2,
				additionalFields: { overallRating: 4.5 },
			},
			'Overall Rating',
		);
		await expectInputError(
			sim,
			{ resource: 'manufacturer', operation: 'get', recordId: byId('acme') },
			'ID',
		);
	});

	it('Variant Group Get With Related lists its option values; a missing one fails per item with Continue On Fail', async () => {
		const items = await run(
			sim,
			{ resource: 'variantGroup', operation: 'getFilled', recordId: byId('={{ $json.id }}') },
			{ input: [{ id: 1 }, { id: 999 }], continueOnFail: true },
		);
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect((items[0].json.variants as unknown[]).length).toBeGreaterThan(0);
		expect(items[1].json.httpCode).toBe('404');

		const error = await runFailing(sim, {
			resource: 'variantGroup',
			operation: 'get',
			recordId: byId(999),
		});
		expect(error).toBeInstanceOf(NodeApiError);
	});
});
