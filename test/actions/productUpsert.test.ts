import { NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	pastSlowStart,
	API,
	expectInputError,
	jsonOf,
	node,
	pairedIndexes,
	plainProduct,
	routesOf,
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

const TEE_VARIANTS = [
	{ sku: 'HOODIE-RED-M', options: { Color: 'Red', Size: 'M' }, gtin: '099999000011', stock: 4 },
	{ sku: 'HOODIE-RED-L', options: { Color: 'Red', Size: 'L' }, gtin: '099999000012', stock: 7 },
	{ sku: 'HOODIE-BLUE-M', options: { Color: 'Blue', Size: 'M' }, stock: 0 },
	{ sku: 'HOODIE-BLUE-L', options: { Color: 'Blue', Size: 'L', Material: 'Fleece' } },
];

function upsertParameters(overrides: Record<string, unknown> = {}) {
	return {
		resource: 'product',
		operation: 'upsert',
		itemNumber: 'HOODIE',
		itemName: 'Zip Hoodie',
		price: 49,
		mode: 'publish',
		variants: JSON.stringify(TEE_VARIANTS),
		additionalFields: { productStatusId: 1, primaryCategoryId: 2 },
		...overrides,
	};
}

const productsWithSku = (sku: string) =>
	sim.store.list('products').filter((product) => product.item_number === sku);
const rowsOf = (productId: unknown) =>
	sim.store.list('variant_inventory').filter((row) => row.product_id === productId);
const groupNamed = (name: string) =>
	sim.store.list('variant_groups').filter((group) => group.name === name);

describe('Product: Create or Update (by SKU)', () => {
	it('creates a missing product with its option groups, option values and variant rows', async () => {
		const colorGroups = groupNamed('Color').length;
		const items = await run(sim, upsertParameters());

		const [product] = productsWithSku('HOODIE');
		expect(product).toMatchObject({
			item_name: 'Zip Hoodie',
			price: 49,
			product_status_id: 1,
			primary_category_id: 2,
			use_variant_inventory: true,
		});
		// Color and Size exist in the store and are reused; Material is new.
		expect(groupNamed('Color')).toHaveLength(colorGroups);
		expect(groupNamed('Material')).toHaveLength(1);
		const options = sim.store
			.list('product_variants')
			.filter((variant) => variant.product_id === product.id);
		expect(options.map((variant) => variant.description).sort()).toEqual([
			'Blue',
			'Fleece',
			'L',
			'M',
			'Red',
		]);

		const rows = rowsOf(product.id);
		// Rows sent without GTIN or stock get the store's defaults ('' and 0 in the simulator).
		expect(rows.map((row) => [row.item_number, row.gtin, row.inventory])).toEqual([
			['HOODIE-RED-M', '099999000011', 4],
			['HOODIE-RED-L', '099999000012', 7],
			['HOODIE-BLUE-M', '', 0],
			['HOODIE-BLUE-L', '', 0],
		]);
		const optionId = (description: string) =>
			options.find((variant) => variant.description === description)?.id;
		expect((rows[3].variants as Row[]).map((variant) => variant.id).sort()).toEqual(
			[optionId('Blue'), optionId('L'), optionId('Fleece')].sort(),
		);

		expect(routesOf(sim.requests)).toEqual([
			'GET /products',
			'POST /products',
			'GET /variant_groups',
			'GET /variant_groups',
			'GET /variant_groups',
			'POST /variant_groups',
			...Array(5).fill('POST /product_variants'),
			...Array(4).fill('POST /variant_inventory'),
		]);
		expect(writesOf(sim)[0].body).toEqual({
			item_number: 'HOODIE',
			item_name: 'Zip Hoodie',
			price: 49,
			product_status_id: 1,
			primary_category_id: 2,
			use_variant_inventory: true,
		});
		// Each variants[] entry carries the three ids acapi.yaml post-variant_inventory requires.
		const groupId = (name: string) => groupNamed(name)[0].id;
		expect(writesOf(sim)[writesOf(sim).length - 1].body).toEqual({
			product_id: product.id,
			item_number: 'HOODIE-BLUE-L',
			variants: [
				{ id: optionId('Blue'), product_id: product.id, variant_group_id: groupId('Color') },
				{ id: optionId('L'), product_id: product.id, variant_group_id: groupId('Size') },
				{ id: optionId('Fleece'), product_id: product.id, variant_group_id: groupId('Material') },
			],
		});
		expect(items[0].json).toMatchObject({
			action: 'created',
			product_id: product.id,
			item_number: 'HOODIE',
			deleted_variant_inventory_ids: [],
		});
		expect((items[0].json.variant_inventory as Row[]).map((row) => row.action)).toEqual([
			'created',
			'created',
			'created',
			'created',
		]);
	});

	it('run again with the same input, it changes nothing: still one product, no writes', async () => {
		const productCount = sim.store.count('products');
		const rowCount = sim.store.count('variant_inventory');
		const optionCount = sim.store.count('product_variants');
		const items = await run(sim, upsertParameters());

		expect(productsWithSku('HOODIE')).toHaveLength(1);
		expect(sim.store.count('products')).toBe(productCount);
		expect(sim.store.count('variant_inventory')).toBe(rowCount);
		expect(sim.store.count('product_variants')).toBe(optionCount);
		expect(writesOf(sim)).toEqual([]);
		expect(items[0].json.action).toBe('unchanged');
		expect((items[0].json.variant_inventory as Row[]).map((row) => row.action)).toEqual([
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
		]);
	});

	it('updates only what changed: the price, one row’s stock, and adds a new combination', async () => {
		const [product] = productsWithSku('HOODIE');
		const before = rowsOf(product.id);
		const variants = [
			{ ...TEE_VARIANTS[0], stock: 9 },
			TEE_VARIANTS[1],
			{ sku: 'HOODIE-GREEN-M', options: { Color: 'Green', Size: 'M' }, stock: 2 },
		];
		const items = await run(
			sim,
			upsertParameters({ price: 52, variants: JSON.stringify(variants) }),
		);

		expect(
			writesOf(sim).map((request) => [
				`${request.method} ${request.path.replace(API, '')}`,
				request.body,
			]),
		).toEqual([
			[`PUT /products/${String(product.id)}`, { price: 52 }],
			[
				'POST /product_variants',
				{
					product_id: product.id,
					variant_group_id: 1,
					description: 'Green',
					price_adjustment: 0,
					price_adjustment_type: '',
					sort_order: 2,
				},
			],
			[`PUT /variant_inventory/${String(before[0].id)}`, { inventory: 9 }],
			[
				'POST /variant_inventory',
				expect.objectContaining({ item_number: 'HOODIE-GREEN-M', inventory: 2 }),
			],
		]);
		// Publish leaves the rows that are not in the input alone.
		expect(rowsOf(product.id)).toHaveLength(before.length + 1);
		expect(items[0].json.action).toBe('updated');
		expect((items[0].json.variant_inventory as Row[]).map((row) => row.action)).toEqual([
			'updated',
			'unchanged',
			'created',
		]);
	});

	it('Overwrite also deletes the rows that are not in the input', async () => {
		const [product] = productsWithSku('HOODIE');
		const keep = rowsOf(product.id).filter((row) =>
			['HOODIE-RED-M', 'HOODIE-RED-L'].includes(row.item_number as string),
		);
		const drop = rowsOf(product.id).filter((row) => !keep.some((kept) => kept.id === row.id));
		expect(drop.length).toBeGreaterThan(0);
		const items = await run(
			sim,
			upsertParameters({
				price: 52,
				mode: 'overwrite',
				variants: JSON.stringify([{ ...TEE_VARIANTS[0], stock: 9 }, TEE_VARIANTS[1]]),
			}),
		);

		expect(rowsOf(product.id).map((row) => row.id)).toEqual(keep.map((row) => row.id));
		expect(routesOf(writesOf(sim))).toEqual(
			drop.map((row) => `DELETE /variant_inventory/${String(row.id)}`),
		);
		expect(items[0].json.deleted_variant_inventory_ids).toEqual(drop.map((row) => row.id));
	});

	it('matches an existing row by its options when its SKU changed, and renames it', async () => {
		const { product, rows } = variantProduct(sim, 0);
		const row = rows[0];
		const options = sim.store
			.list('product_variants')
			.filter((variant) => (row.variants as Row[]).some((ref) => ref.id === variant.id));
		const groupName = (groupId: unknown) =>
			sim.store.get('variant_groups', groupId as number)?.name as string;
		const variants = [
			{
				sku: `${String(row.item_number)}-NEW`,
				options: Object.fromEntries(
					options.map((variant) => [groupName(variant.variant_group_id), variant.description]),
				),
			},
		];
		await run(
			sim,
			upsertParameters({
				itemNumber: product.item_number,
				itemName: product.item_name,
				price: product.price,
				variants: JSON.stringify(variants),
				additionalFields: {},
			}),
		);

		expect(routesOf(writesOf(sim))).toEqual([`PUT /variant_inventory/${String(row.id)}`]);
		expect(writesOf(sim)[0].body).toEqual({ item_number: `${String(row.item_number)}-NEW` });
		expect(sim.store.get('variant_inventory', row.id as number)?.item_number).toBe(
			`${String(row.item_number)}-NEW`,
		);
		expect(rowsOf(product.id)).toHaveLength(rows.length);
	});

	it('updates a plain product found by SKU without touching variants', async () => {
		const product = plainProduct(sim, 0);
		const items = await run(
			sim,
			upsertParameters({
				itemNumber: product.item_number,
				itemName: 'Renamed',
				price: product.price,
				variants: '[]',
				additionalFields: { quantityOnHand: 3 },
			}),
		);

		expect(routesOf(sim.requests)).toEqual([
			'GET /products',
			`PUT /products/${String(product.id)}`,
		]);
		expect(writesOf(sim)[0].body).toEqual({ item_name: 'Renamed', quantity_on_hand: 3 });
		expect(items[0].json).toMatchObject({
			action: 'updated',
			product_id: product.id,
			variant_inventory: [],
		});
	});

	it('asks for Status and Category only when the product has to be created', async () => {
		const error = await runFailing(
			sim,
			upsertParameters({ itemNumber: 'NEW-SKU-1', additionalFields: { primaryCategoryId: 2 } }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Status Name or ID');
		expect(routesOf(sim.requests)).toEqual(['GET /products']);
		expect(productsWithSku('NEW-SKU-1')).toEqual([]);
	});

	it('refuses to guess when the SKU is used by several products', async () => {
		const [first, second] = [plainProduct(sim, 1), plainProduct(sim, 2)];
		sim.store.update('products', second.id as number, { item_number: first.item_number });
		const error = await runFailing(
			sim,
			upsertParameters({ itemNumber: first.item_number, variants: '[]' }),
		);
		expect(error.message).toContain('2 products');
		expect(writesOf(sim)).toEqual([]);
	});

	it.each([
		['invalid JSON', '[{"sku": "A"', 'Variants (JSON)'],
		['an object instead of an array', '{"sku": "A"}', 'Variants (JSON)'],
		['a row without SKU', '[{"options": {"Color": "Red"}}]', '[0].sku'],
		['a row without options', '[{"sku": "A-1"}]', '[0].options'],
		['a negative stock', '[{"sku": "A-1", "options": {"Color": "Red"}, "stock": -2}]', '[0].stock'],
		[
			'a fractional stock',
			'[{"sku": "A-1", "options": {"Color": "Red"}, "stock": 1.5}]',
			'[0].stock',
		],
		['a numeric GTIN', '[{"sku": "A-1", "options": {"Color": "Red"}, "gtin": 12345}]', '[0].gtin'],
		['an unknown key', '[{"sku": "A-1", "options": {"Color": "Red"}, "qty": 3}]', '[0].qty'],
		[
			'a repeated SKU',
			'[{"sku": "A-1", "options": {"Color": "Red"}}, {"sku": "a-1", "options": {"Color": "Blue"}}]',
			'[1].sku',
		],
		[
			'a repeated combination',
			'[{"sku": "A-1", "options": {"Color": "Red"}}, {"sku": "A-2", "options": {"color": "red"}}]',
			'[1].options',
		],
	])('rejects %s before any request', async (_case, variants, field) => {
		await expectInputError(sim, upsertParameters({ itemNumber: 'A', variants }), field);
	});

	it('rejects an empty SKU and bad Other Fields JSON before any request', async () => {
		await expectInputError(sim, upsertParameters({ itemNumber: '' }), 'SKU');
		await expectInputError(
			sim,
			upsertParameters({ additionalFields: { otherFieldsJson: 'nope' } }),
			'Other Fields (JSON)',
		);
	});

	it('with Parallel Requests, items sharing a SKU or a new option group still create each only once', async () => {
		const pattern = (sku: string, value: string) => [
			{ sku: `${sku}-${value}`, options: { Pattern: value } },
		];
		// Slow responses, and a store whose call limit is already known, so that the items really overlap.
		await run(sim, { resource: 'product', operation: 'getAll', limit: 1 });
		sim.options.latencyMs = 25;
		const items = await run(
			sim,
			upsertParameters({
				itemNumber: '={{ $json.sku }}',
				variants: '={{ JSON.stringify($json.variants) }}',
				writeOptions: { concurrency: 3 },
			}),
			{
				input: [
					{ sku: 'SOCK-1', variants: pattern('SOCK-1', 'Striped') },
					{ sku: 'SOCK-1', variants: pattern('SOCK-1', 'Striped') },
					{ sku: 'SOCK-2', variants: pattern('SOCK-2', 'Striped') },
				],
			},
		).finally(() => (sim.options.latencyMs = 0));

		expect(productsWithSku('SOCK-1')).toHaveLength(1);
		expect(productsWithSku('SOCK-2')).toHaveLength(1);
		expect(groupNamed('Pattern')).toHaveLength(1);
		expect(rowsOf(productsWithSku('SOCK-1')[0].id)).toHaveLength(1);
		expect(jsonOf(items).map((json) => json.action)).toEqual(['created', 'unchanged', 'created']);
		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
	});

	it('two executions at the same moment with one new SKU and a new option group create each once', async () => {
		// Slow responses after the budget's slow start, so the two executions overlap.
		await pastSlowStart(sim);
		sim.options.latencyMs = 25;
		const parameters = upsertParameters({
			itemNumber: 'SCARF-1',
			variants: JSON.stringify([{ sku: 'SCARF-1-WOOL', options: { Fabric: 'Wool' } }]),
		});
		const [first, second] = await Promise.all([run(sim, parameters), run(sim, parameters)]).finally(
			() => (sim.options.latencyMs = 0),
		);

		expect(productsWithSku('SCARF-1')).toHaveLength(1);
		expect(groupNamed('Fabric')).toHaveLength(1);
		expect(rowsOf(productsWithSku('SCARF-1')[0].id)).toHaveLength(1);
		expect([first[0].json.action, second[0].json.action].sort()).toEqual(['created', 'unchanged']);
	});

	it('works per item, pairs outputs, and with Continue On Fail turns a bad item into an error item', async () => {
		const items = await run(
			sim,
			upsertParameters({
				itemNumber: '={{ $json.sku }}',
				variants: '={{ JSON.stringify($json.variants) }}',
			}),
			{
				input: [
					{ sku: 'CAP-1', variants: [{ sku: 'CAP-1-RED', options: { Color: 'Red' } }] },
					{ sku: 'CAP-2', variants: [{ sku: 'CAP-2-RED', options: { Color: 'Red' }, stock: -1 }] },
					{ sku: 'CAP-3', variants: [] },
				],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(jsonOf(items).map((json) => json.action ?? 'error')).toEqual([
			'created',
			'error',
			'created',
		]);
		expect(items[1].json.error).toContain('stock');
		expect(productsWithSku('CAP-2')).toEqual([]);
		expect(rowsOf(productsWithSku('CAP-1')[0].id).map((row) => row.item_number)).toEqual([
			'CAP-1-RED',
		]);
	});
});

describe('Product: Create or Update changes only what the input gives (issue 9, item 4)', () => {
	/** A plain product of the seed with a price that is not 0, set to 14.55 as in the report. */
	function pricedProduct(index: number): Row {
		const product = plainProduct(sim, index);
		sim.store.update('products', product.id as number, { price: 14.55 });
		return { ...product, price: 14.55 };
	}
	const bySku = (product: Row, overrides: Record<string, unknown>) => ({
		resource: 'product',
		operation: 'upsert',
		itemNumber: product.item_number,
		variants: '[]',
		...overrides,
	});

	it('an existing SKU with only SKU and Name keeps its price (it used to be set to 0)', async () => {
		const product = pricedProduct(10);
		const items = await run(sim, bySku(product, { itemName: 'Renamed Tee' }));

		expect(writesOf(sim).map((request) => request.body)).toEqual([{ item_name: 'Renamed Tee' }]);
		expect(sim.store.get('products', product.id as number)).toMatchObject({
			item_name: 'Renamed Tee',
			price: 14.55,
		});
		expect(items[0].json.action).toBe('updated');
	});

	it('an existing SKU with nothing else given is left unchanged: no write', async () => {
		const product = pricedProduct(11);
		const items = await run(sim, bySku(product, { itemName: '={{ "" }}', price: '  ' }));

		expect(writesOf(sim)).toEqual([]);
		expect(items[0].json).toMatchObject({ action: 'unchanged', product_id: product.id });
		expect(sim.store.get('products', product.id as number)?.price).toBe(14.55);
	});

	it('an explicit price of 0 is a price: it is sent', async () => {
		const product = pricedProduct(12);
		await run(sim, bySku(product, { price: '0' }));

		expect(writesOf(sim).map((request) => request.body)).toEqual([{ price: 0 }]);
		expect(sim.store.get('products', product.id as number)?.price).toBe(0);
	});

	it('a price read from an expression as a number is sent as it is', async () => {
		const product = pricedProduct(13);
		await run(sim, bySku(product, { price: '={{ 15.2 }}' }));
		expect(writesOf(sim).map((request) => request.body)).toEqual([{ price: 15.2 }]);
	});

	it('a new SKU without Price, Status and Category names all three in one error, and creates nothing', async () => {
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: 'NEW-NO-PRICE',
			itemName: 'Cap',
			variants: '[]',
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Price, Status Name or ID, Primary Category Name or ID: are required because no product has SKU "NEW-NO-PRICE" yet [item 0]',
		);
		expect(routesOf(sim.requests)).toEqual(['GET /products']);
		expect(productsWithSku('NEW-NO-PRICE')).toEqual([]);
	});

	it('a new SKU without Name names it too', async () => {
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: 'NEW-NO-NAME',
			price: '9.5',
			variants: '[]',
			additionalFields: { productStatusId: 1, primaryCategoryId: 2 },
		});
		expect(error.message).toBe(
			'Name: is required because no product has SKU "NEW-NO-NAME" yet [item 0]',
		);
		expect(writesOf(sim)).toEqual([]);
	});

	it('a bad price is refused before any request', async () => {
		const product = pricedProduct(9);
		await expectInputError(sim, bySku(product, { price: '12,50' }), 'Price');
		await expectInputError(sim, bySku(product, { price: '-1' }), 'Price');
	});

	it('the editor shows Name and Price as optional, required only for a new SKU', () => {
		const shown = node.description.properties.filter(
			(property) =>
				property.displayOptions?.show?.operation?.includes('upsert') &&
				['itemName', 'price'].includes(property.name),
		);
		expect(
			shown.map((property) => [
				property.name,
				property.type,
				Boolean(property.required),
				property.default,
			]),
		).toEqual([
			['itemName', 'string', false, ''],
			['price', 'string', false, ''],
		]);
		for (const property of shown)
			expect(property.description).toMatch(/^Required when the SKU is new\./);
	});
});
