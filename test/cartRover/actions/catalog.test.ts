import { NodeOperationError } from 'n8n-workflow';

import { CART_SOURCE, OTHER_SOURCE } from '../../simulator/cartRover';
import { runLoadOptions } from '../../helpers/n8n';
import {
	credentialsFor,
	jsonOf,
	linesOf,
	node,
	routesOf,
	run,
	runFailing,
	startSim,
	type Sim,
} from './kit';

describe('CartRover Inventory, Product, Order Source, Ship Method, Warehouse Ship Code', () => {
	let sim: Sim;
	beforeAll(async () => {
		sim = await startSim();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it('Inventory → Get nests the warehouses, or gives one item per warehouse', async () => {
		const sku = 'TEE/RED+L';
		const [nested] = await run(sim, { resource: 'inventory', operation: 'get', sku });
		expect(routesOf(sim.requests)).toEqual([`GET /merchant/inventory/${encodeURIComponent(sku)}`]);
		expect(nested.json).toMatchObject({ sku, qty_available: expect.any(Number) });
		const warehouses = nested.json.warehouses as Record<string, Record<string, unknown>>;
		expect(Object.keys(warehouses).length).toBeGreaterThan(0);

		const rows = await run(
			sim,
			{ resource: 'inventory', operation: 'get', sku, warehouseQuantities: 'rows' },
			{ level: 'merchant' },
		);
		expect(jsonOf(rows)).toEqual(
			Object.entries(warehouses).map(([pk, warehouse]) =>
				expect.objectContaining({ sku, warehouse_pk: pk, warehouse: warehouse.warehouse }),
			),
		);
		const total = jsonOf(rows).reduce((sum, row) => sum + (row.qty_available as number), 0);
		expect(total).toBe(nested.json.qty_available);
	});

	it('Inventory → Get Many pages with Return All and stops at a Limit', async () => {
		const all = await run(sim, { resource: 'inventory', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(24);
		sim.clearRequests();
		const some = await run(sim, {
			resource: 'inventory',
			operation: 'getAll',
			limit: 5,
			simplify: false,
		});
		expect(linesOf(sim.requests)).toEqual(['GET /merchant/inventory?limit=5&page=1']);
		expect(jsonOf(some).map((json) => json.sku)).toEqual(
			jsonOf(all)
				.slice(0, 5)
				.map((json) => json.sku),
		);
		expect(typeof some[0].json.qty_on_hand).toBe('string');
	});

	it('Inventory and Product need Cart or Merchant keys: Warehouse keys are refused before any request', async () => {
		const error = await runFailing(
			sim,
			{ resource: 'product', operation: 'get', sku: 'SKU-001' },
			{ level: 'wms' },
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(
			'needs Cart or Merchant API keys; the credential has Warehouse API keys',
		);
		expect(sim.requests).toEqual([]);
	});

	it('Product → Get reads a product with its aliases', async () => {
		const [item] = await run(sim, { resource: 'product', operation: 'get', sku: 'MUG 12OZ' });
		expect(sim.requests[0].path).toBe('/v1/merchant/product/MUG%2012OZ');
		expect(item.json).toMatchObject({ sku: 'MUG 12OZ', retail_price: expect.any(Number) });
		expect(Array.isArray(item.json.aliases)).toBe(true);
	});

	it('a missing SKU is refused before any request', async () => {
		const error = await runFailing(sim, { resource: 'product', operation: 'get', sku: '  ' });
		expect(error.message).toBe('SKU: is required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Order Source → Get Many and Get Types list one item per entry', async () => {
		const sources = await run(sim, { resource: 'orderSource', operation: 'getAll' });
		expect(jsonOf(sources).map((json) => json.order_source)).toEqual([CART_SOURCE, OTHER_SOURCE]);
		const types = await run(sim, { resource: 'orderSource', operation: 'getTypes' });
		expect(jsonOf(types).map((json) => json.cart_type)).toContain('WooCommerce');
		expect(routesOf(sim.requests)).toEqual(['GET /cart/list', 'GET /cart/listall']);
	});

	it('the Order Source dropdown lists the sources by name, their code as the value', async () => {
		const options = await runLoadOptions(
			node,
			{
				parameters: { resource: 'shipMethod', operation: 'getAll' },
				credentials: credentialsFor(sim, 'merchant'),
			},
			async (context) => await node.methods.loadOptions.getOrderSources.call(context),
		);
		expect(options).toEqual([
			{ name: 'Sim Marketplace', value: OTHER_SOURCE },
			{ name: 'Sim Web Store', value: CART_SOURCE },
		]);
	});

	it('Ship Method → Update sends the mappings (null passes the code through), Get Many reads them back', async () => {
		const items = await run(sim, {
			resource: 'shipMethod',
			operation: 'update',
			orderSource: CART_SOURCE,
			mappings: {
				mapping: [
					{ cartCode: 'GROUND', wmsCode: '03' },
					{ cartCode: 'PICKUP', passThrough: true },
				],
			},
		});
		expect(routesOf(sim.requests)).toEqual([`POST /cart/shipmethod/${CART_SOURCE}`]);
		expect(sim.requests[0].body).toEqual([
			{ cart_code: 'GROUND', wms_code: '03' },
			{ cart_code: 'PICKUP', wms_code: null },
		]);
		expect(items[0].json).toMatchObject({ order_source: CART_SOURCE });

		const list = await run(sim, {
			resource: 'shipMethod',
			operation: 'getAll',
			orderSource: CART_SOURCE,
		});
		expect(jsonOf(list)).toEqual([
			{ cart_code: 'GROUND', wms_code: '03' },
			{ cart_code: 'EXPRESS', wms_code: '01' },
			{ cart_code: 'PICKUP', wms_code: null },
		]);
	});

	it('Ship Method → Update names every incomplete mapping before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'shipMethod',
			operation: 'update',
			orderSource: CART_SOURCE,
			mappings: { mapping: [{ cartCode: '', wmsCode: '03' }, { cartCode: 'X' }] },
		});
		expect(error.message).toBe(
			'Mapping 1 Cart Code, Mapping 2 Warehouse Code: are required [item 0]',
		);
		expect(sim.requests).toEqual([]);
	});

	it('Warehouse Ship Code → Get Many lists the warehouse’s codes with Warehouse keys', async () => {
		const items = await run(
			sim,
			{ resource: 'warehouseShipCode', operation: 'getAll' },
			{ level: 'wms' },
		);
		expect(routesOf(sim.requests)).toEqual(['GET /wms/shipmethod/list']);
		expect(items[0].json).toEqual({ carrier: 'FEDEX', code: '50', description: 'FedEx Ground' });
	});
});
