import type { IDataObject } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	expectInputError,
	operationsOf,
	queryOf,
	run,
	standardOperationTests,
} from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({
		sizes: { orders: 30, products: 10, customers: 10, maxItemsPerOrder: 4 },
	});
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

let next = 0;
const pick = () => sim.store.list('order_items')[next++] as IDataObject;
const orderWithItems = () => sim.store.list('orders')[4];

describe('Order Item', () => {
	it('offers the standard operations and Get Several by ID', () => {
		expect(operationsOf('orderItem')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'selectMany',
			'update',
		]);
	});

	standardOperationTests(() => sim, {
		resource: 'orderItem',
		pick,
		create: {
			parameters: {
				orderId: 100003,
				additionalFields: { productId: 2, quantity: 2, price: 9.5, lineItemNote: 'gift wrap' },
			},
			body: {
				order_id: 100003,
				product_id: 2,
				quantity: 2,
				price: 9.5,
				line_item_note: 'gift wrap',
			},
		},
		update: {
			updateFields: { quantity: 5, adminComments: 'customer asked for more' },
			body: { quantity: 5, admin_comments: 'customer asked for more' },
		},
		filter: {
			filters: { orderId: 100005 },
			query: { order_id: 'eq:100005' },
			matches: (record) => record.order_id === 100005,
		},
	});

	it('the items of one order: Get Many with the Order ID filter returns what /orders/{id}/items holds', async () => {
		const order = orderWithItems();
		const items = await run(sim, {
			resource: 'orderItem',
			operation: 'getAll',
			returnAll: true,
			sortOrder: 'oldest',
			filters: { orderId: order.id as number },
		});

		expect(queryOf(sim.requests[0])).toMatchObject({ order_id: `eq:${String(order.id)}` });
		const nested = (await (
			await fetch(`${sim.apiBase}/orders/${String(order.id)}/items`, {
				headers: { 'X-AC-Auth-Token': sim.options.accessToken },
			})
		).json()) as { items: IDataObject[] };
		expect(items.map((item) => item.json.id)).toEqual(nested.items.map((item) => item.id));
		expect(items.length).toBeGreaterThan(0);
	});

	it('Create without the order fails before any request, naming Order ID', async () => {
		await expectInputError(
			sim,
			{ resource: 'orderItem', operation: 'create', orderId: '' },
			'Order ID',
		);
	});

	it('Create with a quantity that is not a number fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderItem',
				operation: 'create',
				orderId: 100003,
				additionalFields: { quantity: '={{ "two" }}' },
			},
			'Quantity',
		);
	});
});
