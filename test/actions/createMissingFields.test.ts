/**
 * Issue 13 (8, 9): a Create, or any task with several required parameters, names every empty one
 * in one NodeOperationError, by the name the editor shows, before any request; and Product →
 * Create or Update says what its former "Mode" decides.
 */
import { NodeOperationError, type INodeProperties } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import { API, node, run, runFailing, variantProduct, type Parameters } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({
		sizes: { products: 4, variantProducts: 2, orders: 2, customers: 2 },
	});
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const empty = '={{ "" }}';

/** Runs expecting a NodeOperationError; returns its message and fix. */
async function inputFailure(parameters: Parameters) {
	const error = await runFailing(sim, parameters);
	expect(error).toBeInstanceOf(NodeOperationError);
	return { message: error.message, fix: error.description };
}

/** The editor's display name of a parameter of resource/operation (top level or in a collection). */
function displayName(resource: string, operation: string, name: string): string {
	for (const property of node.description.properties as INodeProperties[]) {
		const show = property.displayOptions?.show;
		if (!show?.resource?.includes(resource) || !show.operation?.includes(operation)) continue;
		if (property.name === name) return property.displayName;
		for (const option of (property.options ?? []) as INodeProperties[])
			if (option.name === name) return option.displayName;
	}
	throw new Error(`${resource} ${operation} has no parameter ${name}`);
}

describe('one error naming every missing required field, before any request', () => {
	it('Product → Create: Status and Primary Category, by their editor names, in one error', async () => {
		const { message, fix } = await inputFailure({
			resource: 'product',
			operation: 'create',
			itemName: 'Logo Tee',
			price: 19.99,
		});
		const status = displayName('product', 'create', 'productStatusId');
		const category = displayName('product', 'create', 'primaryCategoryId');
		expect([status, category]).toEqual(['Status Name or ID', 'Primary Category Name or ID']);
		expect(message).toBe(`${status}, ${category}: are required [item 0]`);
		expect(fix).toBe(`Fill in ${status} and ${category} to create a product.`);
		expect(sim.requests).toEqual([]);
	});

	it('Product → Create: all four when nothing is given', async () => {
		const { message } = await inputFailure({
			resource: 'product',
			operation: 'create',
			itemName: '',
			price: empty,
		});
		expect(message).toBe(
			'Name, Price, Status Name or ID, Primary Category Name or ID: are required [item 0]',
		);
		expect(sim.requests).toEqual([]);
	});

	it('Product → Create or Update, new SKU: the missing fields by the names the editor shows, no POST', async () => {
		const { message, fix } = await inputFailure({
			resource: 'product',
			operation: 'upsert',
			itemNumber: 'NEW-SKU-13',
			itemName: 'New Tee',
		});
		expect(message).toBe(
			'Price, Status Name or ID, Primary Category Name or ID: are required because no product has SKU "NEW-SKU-13" yet [item 0]',
		);
		expect(fix).toContain(
			'add Status Name or ID and Primary Category Name or ID under Additional Fields',
		);
		expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	});

	it('Theme → Import: Theme Name and File Path together', async () => {
		const { message } = await inputFailure({ resource: 'theme', operation: 'import' });
		expect(message).toBe('Theme Name, File Path: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Order Address → Create From Store Location: both IDs together', async () => {
		const { message, fix } = await inputFailure({
			resource: 'orderAddress',
			operation: 'createFromStoreLocation',
		});
		expect(message).toBe('Store Location ID, Customer ID: are required [item 0]');
		expect(fix).toBe('Fill in Store Location ID and Customer ID to create an order address.');
		expect(sim.requests).toEqual([]);
	});

	it('Order → Update Status: the order and the status together', async () => {
		const { message } = await inputFailure({
			resource: 'order',
			operation: 'updateStatus',
			recordId: { __rl: true, mode: 'list', value: '' },
		});
		expect(message).toBe('Order, Status Name or ID: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Product → Update Price: the SKU and the price together', async () => {
		const { message } = await inputFailure({
			resource: 'product',
			operation: 'updatePrice',
			sku: '',
			price: empty,
		});
		expect(message).toBe('SKU, Price: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Inventory → Set: the identifier and the quantity together', async () => {
		const { message } = await inputFailure({
			resource: 'inventory',
			operation: 'set',
			identifierType: 'item_number',
			identifierValue: '',
			quantity: empty,
		});
		expect(message).toBe('Identifier, Quantity: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Order → Create Shipment: no order given', async () => {
		const { message } = await inputFailure({
			resource: 'order',
			operation: 'createShipment',
			recordId: { __rl: true, mode: 'list', value: '' },
		});
		expect(message).toBe('Order: is required [item 0]');
		expect(sim.requests).toEqual([]);
	});
});

describe('Product → Create or Update: "Variant Rows Not in Input"', () => {
	const parameter = () =>
		(node.description.properties as INodeProperties[]).find(
			(property) =>
				property.name === 'mode' &&
				property.displayOptions?.show?.resource?.includes('product') &&
				property.displayOptions.show.operation?.includes('upsert'),
		)!;

	it('says what it decides, with the stored values of the former Mode (Publish / Overwrite)', () => {
		const mode = parameter();
		expect(mode.displayName).toBe('Variant Rows Not in Input');
		expect(mode.default).toBe('publish');
		expect(mode.description).toMatch(/variant rows .* does not list/);
		const options = mode.options as Array<{ name: string; value: string; description: string }>;
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['Delete', 'overwrite'],
			['Keep', 'publish'],
		]);
		expect(options[0].description).toMatch(/^Delete the product’s variant rows/);
		expect(options[1].description).toMatch(/^Leave the product’s other variant rows/);
	});

	it('a saved workflow with mode "overwrite" still deletes the rows not listed; "publish" keeps them', async () => {
		const { product, rows } = variantProduct(sim, 0);
		// Keep: nothing deleted even with no variants listed.
		sim.clearRequests();
		await run(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: product.item_number as string,
			mode: 'publish',
		});
		expect(sim.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
		// Delete (stored value "overwrite"): every row of the product is deleted when none is listed.
		sim.clearRequests();
		const [item] = await run(sim, {
			resource: 'product',
			operation: 'upsert',
			itemNumber: product.item_number as string,
			mode: 'overwrite',
		});
		const deleted = sim.requests
			.filter((request) => request.method === 'DELETE')
			.map((request) => request.path);
		expect(deleted).toEqual(rows.map((row) => `${API}/variant_inventory/${String(row.id)}`));
		expect(item.json.deleted_variant_inventory_ids).toEqual(rows.map((row) => row.id));
	});
});
