/**
 * Issue 13 (11): a "not found" says what the operation looked for, not the transport's generic
 * "Check the ID": an operation hands its own text to the error (explainNotFound), the transport
 * itself knows no operation.
 */
import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { cartComApiError, explainNotFound } from '../../nodes/CartCom/transport';
import { startStore, type Simulator } from '../helpers/fixtures';
import { byId, runFailing, type Parameters } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { products: 4, variantProducts: 1, orders: 3, customers: 2 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const GENERIC = 'Check the ID.';

async function failure(parameters: Parameters) {
	const error = await runFailing(sim, parameters);
	return { error, text: `${error.message} | ${error.description ?? ''}` };
}

const stock = (operation: string, identifierType: string, identifierValue: string) => ({
	resource: 'inventory',
	operation,
	identifierType,
	identifierValue,
	...(operation === 'get' ? {} : { quantity: 3 }),
});

describe('Inventory: an SKU, GTIN or ID that matches nothing', () => {
	it.each(['set', 'add', 'remove'])(
		'%s by SKU: no product or variant has it; try Find by SKU or GTIN (nothing written)',
		async (operation) => {
			const { error } = await failure(stock(operation, 'item_number', 'NO-SUCH-SKU'));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				'Identifier: no product or variant has SKU "NO-SUCH-SKU" [item 0]',
			);
			expect(error.description).toContain('Product → Find by SKU or GTIN');
			expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
		},
	);

	it('Get by SKU (404 from /inventory): names the SKU and Find by SKU or GTIN', async () => {
		const { error } = await failure(stock('get', 'item_number', 'NO-SUCH-SKU'));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain(
			'No product or variant has SKU "NO-SUCH-SKU"; try Product → Find by SKU or GTIN.',
		);
		expect(error.description).not.toContain(GENERIC);
	});

	it('Get by GTIN: names the GTIN', async () => {
		const { error } = await failure(stock('get', 'gtin', '000000000000'));
		expect(error.description).toContain('No product or variant has GTIN "000000000000"');
	});

	it('Set by Product ID (404 from /inventory/set): no product with that ID', async () => {
		const { error } = await failure(stock('set', 'product_id', '987654'));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('No product with ID 987654 in this store.');
		expect(error.description).not.toContain(GENERIC);
	});

	it('Get by Variant Inventory ID: no variant inventory row with that ID', async () => {
		const { error } = await failure(stock('get', 'variant_inventory_id', '987654'));
		expect(error.description).toContain('No variant inventory row with ID 987654 in this store.');
	});
});

describe('Order tasks: an order ID that matches nothing', () => {
	it('Create Shipment: no order with that ID', async () => {
		const { error } = await failure({
			resource: 'order',
			operation: 'createShipment',
			recordId: byId(987654),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('No order with ID 987654 in this store.');
		expect(error.description).not.toContain(GENERIC);
		expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	});

	it('Update Status: no order with that ID (read first, nothing written)', async () => {
		const { error } = await failure({
			resource: 'order',
			operation: 'updateStatus',
			recordId: byId(987654),
			statusId: 2,
		});
		expect(error.description).toContain('No order with ID 987654 in this store.');
		expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	});
});

describe('any Get by ID: the transport names the missing ID and route', () => {
	it('Product → Get 987654', async () => {
		const { error } = await failure({
			resource: 'product',
			operation: 'get',
			recordId: byId(987654),
		});
		expect(error.description).toContain(
			'Nothing in this store has ID 987654 at /products. Check the ID, or pick the record from the list.',
		);
	});
});

describe('explainNotFound', () => {
	const node = { name: 'Cart.com' } as INode;
	const apiError = (statusCode: number, path = '/inventory') =>
		cartComApiError({
			node,
			statusCode,
			body: { message: 'NotFound', details: 'No match.' },
			method: 'GET',
			path,
			authentication: 'accessToken',
			secrets: [],
		});

	it('replaces only the generic 404 hint, keeping Cart.com’s details', async () => {
		const error = await explainNotFound('No such thing.', async () => {
			throw apiError(404);
		}).catch((caught: NodeApiError) => caught);
		expect(error.description).toBe('No match. — No such thing.');
	});

	it('leaves other errors and successes alone', async () => {
		const refused = apiError(409);
		const before = refused.description;
		await expect(
			explainNotFound('No such thing.', async () => {
				throw refused;
			}),
		).rejects.toBe(refused);
		expect(refused.description).toBe(before);
		await expect(explainNotFound('unused', async () => 5)).resolves.toBe(5);
	});
});
