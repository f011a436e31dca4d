/**
 * Issue 9 (3): after any lookup by SKU, GTIN, name or parent ID, the node keeps only the records
 * whose identifier equals the input (trimmed, case-insensitive), so a server that matches loosely,
 * or a filter value it reads as several conditions, can never redirect a write. The simulator's
 * `lookupMatching` option plays such a server: 'contains' reads every `eq` as `like`, 'ignored'
 * drops list filters altogether.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { SimRecord } from '../simulator';
import { startStore, type Simulator } from '../helpers/fixtures';
import {
	byId,
	jsonOf,
	routesOf,
	run,
	runFailing,
	variantProduct,
	writesOf,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({
		sizes: { products: 30, variantProducts: 8, orders: 30, customers: 10, maxItemsPerOrder: 3 },
	});
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());
afterEach(() => (sim.options.lookupMatching = 'exact'));

/** A plain product with a chosen SKU, straight into the store (ids follow the seed's). */
function addProduct(sku: string, fields: SimRecord = {}): SimRecord {
	return sim.store.create('products', {
		item_number: sku,
		item_name: `Product ${sku}`,
		gtin: '',
		price: 20,
		retail: 25,
		cost: 8,
		quantity_on_hand: 10,
		use_variant_inventory: false,
		product_status_id: 1,
		primary_category_id: 1,
		...fields,
	});
}

/** A record changed in the store since `before`, compared without its timestamps. */
const unchanged = (before: SimRecord, table: string) =>
	expect(sim.store.get(table, before.id as number)).toEqual(before);

describe('Lookups by code keep only exact matches', () => {
	// CAP-10 first, so a server matching "CAP-1" by contains finds it before CAP-1 itself.
	let cap10: SimRecord;
	let cap1: SimRecord;
	beforeAll(() => {
		cap10 = addProduct('CAP-10', { gtin: '012300000010' });
		cap1 = addProduct('CAP-1', { gtin: '012300000001' });
	});

	it('Update Price: a SKU carrying "\\nOR\\neq:" another SKU changes no price (the reported injection)', async () => {
		const before = sim.store
			.list('products')
			.find((product) => product.item_number === 'CAP-10003') as SimRecord;
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'updatePrice',
			identifyBy: 'sku',
			sku: 'DOES-NOT-EXIST\nOR\neq:CAP-10003',
			price: 1.11,
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^SKU: /);
		expect(writesOf(sim)).toEqual([]);
		unchanged(before, 'products');
	});

	it('Update Price by SKU, on a server matching by contains: the product with exactly that SKU is changed', async () => {
		sim.options.lookupMatching = 'contains';
		const before = sim.store.get('products', cap10.id as number) as SimRecord;
		await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			identifyBy: 'sku',
			sku: 'cap-1 ',
			price: 17.5,
		});

		expect(routesOf(writesOf(sim))).toEqual([`PUT /products/${String(cap1.id)}`]);
		expect(sim.store.get('products', cap1.id as number)?.price).toBe(17.5);
		unchanged(before, 'products');
	});

	it('Update Price by a SKU only a longer SKU contains: not found, nothing written', async () => {
		sim.options.lookupMatching = 'contains';
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'updatePrice',
			identifyBy: 'sku',
			sku: 'CAP-',
			price: 3,
		});
		expect(error.message).toBe('SKU: no product or variant has SKU "CAP-" [item 0]');
		expect(writesOf(sim)).toEqual([]);
	});

	it('Find by SKU returns only the exact match', async () => {
		sim.options.lookupMatching = 'contains';
		const items = await run(sim, {
			resource: 'product',
			operation: 'findBySku',
			lookupField: 'item_number',
			lookupValue: 'CAP-1',
		});
		expect(jsonOf(items).map((json) => json.product_id)).toEqual([cap1.id]);
	});

	it('Create or Update: an existing longer SKU is not taken for the new one', async () => {
		sim.options.lookupMatching = 'contains';
		const hat10 = addProduct('HAT-10');
		const items = await run(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: 'HAT-1',
			itemName: 'Sun Hat',
			price: '12',
			variants: '[]',
			additionalFields: { productStatusId: 1, primaryCategoryId: 1 },
		});

		expect(items[0].json.action).toBe('created');
		expect(routesOf(writesOf(sim))).toEqual(['POST /products']);
		unchanged(hat10, 'products');
	});

	it('Inventory Set by SKU writes by ID, to the product with exactly that SKU', async () => {
		sim.options.lookupMatching = 'contains';
		const before = sim.store.get('products', cap10.id as number) as SimRecord;
		const items = await run(sim, {
			resource: 'inventory',
			operation: 'set',
			identifierType: 'item_number',
			identifierValue: 'CAP-1',
			quantity: 44,
		});

		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ product_id: cap1.id, quantity: 44 },
		]);
		expect(sim.store.get('products', cap1.id as number)?.quantity_on_hand).toBe(44);
		expect(items[0].json).toMatchObject({ product_id: cap1.id, quantity: 44 });
		unchanged(before, 'products');
	});

	it('Inventory Add by GTIN on a server ignoring the filters: still the exact record, by ID', async () => {
		sim.options.lookupMatching = 'ignored';
		const stock = sim.store.get('products', cap1.id as number)?.quantity_on_hand as number;
		const rowsBefore = sim.store.list('variant_inventory');
		await run(sim, {
			resource: 'inventory',
			operation: 'add',
			identifierType: 'gtin',
			identifierValue: '012300000001',
			quantity: 2,
		});

		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ product_id: cap1.id, quantity: 2 },
		]);
		expect(sim.store.get('products', cap1.id as number)?.quantity_on_hand).toBe(stock + 2);
		expect(sim.store.list('variant_inventory')).toEqual(rowsBefore);
	});

	it('Inventory Set by a variant SKU writes by the variant row’s ID', async () => {
		sim.options.lookupMatching = 'contains';
		const { rows } = variantProduct(sim, 1);
		await run(sim, {
			resource: 'inventory',
			operation: 'set',
			identifierType: 'item_number',
			identifierValue: rows[0].item_number,
			quantity: 3,
		});
		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ variant_inventory_id: rows[0].id, quantity: 3 },
		]);
		expect(sim.store.get('variant_inventory', rows[0].id as number)?.inventory).toBe(3);
	});

	it('Inventory Get by SKU refuses an answer for another SKU', async () => {
		sim.options.lookupMatching = 'contains';
		const error = await runFailing(sim, {
			resource: 'inventory',
			operation: 'get',
			identifierType: 'item_number',
			identifierValue: 'CAP-1',
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		// The seed's CAP-10003 rows come first: any of them, or CAP-10, would have been reported as CAP-1's stock.
		expect(error.message).toMatch(
			/^Identifier: the store answered with SKU "CAP-10[^"]*", not "CAP-1" \[item 0\]$/,
		);
	});

	it('Inventory Get by SKU passes on an exact answer, whatever its case', async () => {
		const items = await run(sim, {
			resource: 'inventory',
			operation: 'get',
			identifierType: 'item_number',
			identifierValue: 'cap-10',
		});
		expect(items[0].json).toMatchObject({ product_id: cap10.id, item_number: 'CAP-10' });
	});
});

describe('Lookups by parent ID keep only the parent’s records', () => {
	/** A product with a one-digit id and one whose id contains that digit (e.g. 3 and 13). */
	function productAndLookalike(variants: boolean): { product: SimRecord; lookalike: SimRecord } {
		const products = sim.store.list('products');
		const product = products.find(
			(candidate) =>
				(candidate.id as number) < 10 && (candidate.use_variant_inventory === true) === variants,
		) as SimRecord;
		const lookalike = products.find(
			(candidate) => candidate.id === (product.id as number) + 10,
		) as SimRecord;
		return { product, lookalike };
	}

	it('Update Price: a tier row of another product matching the key is not the one changed', async () => {
		const { product, lookalike } = productAndLookalike(false);
		const otherRow = sim.store.create('product_pricing', {
			product_id: lookalike.id,
			variant_inventory_id: null,
			customer_type_id: null,
			store_id: null,
			start_date: null,
			end_date: null,
			starting_quantity: 7,
			price: 99,
			cost: 40,
		});
		sim.options.lookupMatching = 'contains';
		await run(sim, {
			resource: 'product',
			operation: 'updatePrice',
			priceTarget: 'pricingRow',
			identifyBy: 'id',
			product: byId(product.id),
			startingQuantity: 7,
			price: 5,
		});

		expect(routesOf(writesOf(sim))).toEqual(['POST /product_pricing']);
		expect(writesOf(sim)[0].body).toMatchObject({
			product_id: product.id,
			starting_quantity: 7,
			price: 5,
		});
		unchanged(otherRow, 'product_pricing');
	});

	it('Create or Update in Overwrite mode deletes only its own product’s variant rows', async () => {
		const { product, lookalike } = productAndLookalike(true);
		const ownRows = sim.store
			.list('variant_inventory')
			.filter((row) => row.product_id === product.id);
		const otherRows = sim.store
			.list('variant_inventory')
			.filter((row) => row.product_id === lookalike.id);
		const foreignRow = sim.store.create('variant_inventory', {
			product_id: lookalike.id,
			item_number: `${String(lookalike.item_number)}-EXTRA`,
			gtin: '',
			inventory: 5,
			variants: [],
		});
		expect(ownRows.length).toBeGreaterThan(0);
		sim.options.lookupMatching = 'contains';
		const items = await run(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: product.item_number,
			itemName: product.item_name,
			price: product.price,
			mode: 'overwrite',
			variants: '[]',
		});

		expect(items[0].json.deleted_variant_inventory_ids).toEqual(ownRows.map((row) => row.id));
		expect(routesOf(writesOf(sim))).toEqual(
			ownRows.map((row) => `DELETE /variant_inventory/${String(row.id)}`),
		);
		unchanged(foreignRow, 'variant_inventory');
		for (const row of otherRows) unchanged(row, 'variant_inventory');
	});

	it('Create Shipment: another order’s shipment with the same tracking number is not taken for this order’s', async () => {
		const shipped = new Set(sim.store.list('order_shipments').map((shipment) => shipment.order_id));
		const [first, second] = sim.store
			.list('orders')
			.filter((order) => !shipped.has(order.id))
			.filter((order) =>
				sim.store
					.list('order_items')
					.some((item) => item.order_id === order.id && item.is_non_shipping_item !== true),
			);
		const ship = (order: SimRecord) =>
			run(sim, {
				resource: 'order',
				operation: 'createShipment',
				recordId: byId(order.id),
				trackingNumbers: '1ZSAMEBOX0001',
			});
		// One parcel for two orders of one customer: one tracking number on both shipments.
		await ship(first);
		sim.clearRequests();
		sim.options.lookupMatching = 'ignored';
		const items = await ship(second);

		expect(items[0].json).toMatchObject({ created: true, order_id: second.id });
		expect(routesOf(writesOf(sim))).toEqual(['POST /order_shipments']);
		expect(
			sim.store.list('order_shipments').filter((shipment) => shipment.order_id === second.id),
		).toHaveLength(1);
	});

	it('Create Shipment by SKU matches an order line only by its whole SKU', async () => {
		const shipped = new Set(sim.store.list('order_shipments').map((shipment) => shipment.order_id));
		const order = sim.store
			.list('orders')
			.find((candidate) => !shipped.has(candidate.id)) as SimRecord;
		const item = sim.store
			.list('order_items')
			.find((candidate) => candidate.order_id === order.id) as SimRecord;
		const prefix = String(item.item_number).slice(0, -1);
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'createShipment',
			recordId: byId(order.id),
			itemsToShip: 'bySku',
			skuRows: { rows: [{ sku: prefix, quantity: 1 }] },
		});
		expect(error.message).toContain(`SKU "${prefix}" is not on order ${String(order.id)}`);
		expect(writesOf(sim)).toEqual([]);
	});
});
