import type { IDataObject } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	byId,
	expectInputError,
	operationsOf,
	routesOf,
	run,
	standardOperationTests,
} from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({
		sizes: { orders: 30, products: 10, customers: 10, maxItemsPerOrder: 3 },
	});
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

let next = 0;
const pick = () => sim.store.list('order_shipments')[next++] as IDataObject;
const ORDER = 100004;
const itemOf = (orderId: number) =>
	sim.store.list('order_items').find((item) => item.order_id === orderId)!;

describe('Order Shipment', () => {
	it('offers the standard operations, Get With Related and Get Several by ID', () => {
		expect(operationsOf('orderShipment')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'getFilled',
			'integrationUpsert',
			'selectMany',
			'update',
		]);
	});

	standardOperationTests(() => sim, {
		resource: 'orderShipment',
		pick,
		create: {
			parameters: {
				orderId: ORDER,
				additionalFields: {
					shipmentName: 'Box A',
					trackingNumbers: '1ZTEST0001',
					shippingProviderName: 'UPS',
					numberOfPackages: 1,
					items: '={{ JSON.stringify([{ id: 7, quantity_shipped: 1 }]) }}',
				},
			},
			body: {
				order_id: ORDER,
				shipment_name: 'Box A',
				tracking_numbers: '1ZTEST0001',
				shipping_provider_name: 'UPS',
				number_of_packages: 1,
				items: [{ id: 7, quantity_shipped: 1 }],
			},
		},
		update: {
			updateFields: { trackingUrl: 'https://track.example/1', shippingComment: 'left at the door' },
			body: { tracking_url: 'https://track.example/1', shipping_comment: 'left at the door' },
		},
		filter: {
			filters: { orderId: 100002 },
			query: { order_id: 'eq:100002' },
			matches: (record) => record.order_id === 100002,
		},
	});

	beforeAll(() => {
		// The create case above ships order item 7 (seed 42), which must belong to that order.
		expect(itemOf(ORDER).id).toBe(7);
	});

	it('Get With Related returns the shipment with its items', async () => {
		const shipment = sim.store
			.list('order_shipments')
			.find((candidate) => (candidate.items as unknown[]).length > 0)!;
		const items = await run(sim, {
			resource: 'orderShipment',
			operation: 'getFilled',
			recordId: byId(shipment.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`GET /order_shipments/${String(shipment.id)}/filled`]);
		expect(items[0].json.items).toEqual(shipment.items);
	});

	it('Get Many with the Tracking Numbers filter searches with like:', async () => {
		const shipment = sim.store.list('order_shipments')[3];
		const fragment = String(shipment.tracking_numbers).slice(2, 10);
		const items = await run(sim, {
			resource: 'orderShipment',
			operation: 'getAll',
			filters: { trackingNumbers: fragment },
		});

		expect(sim.requests[0].query.get('tracking_numbers')).toBe(`like:${fragment}`);
		expect(items.map((item) => item.json.id)).toContain(shipment.id);
	});

	it('Create with malformed Items JSON fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderShipment',
				operation: 'create',
				orderId: ORDER,
				additionalFields: { items: '[{"id": 7,' },
			},
			'Items',
		);
	});

	it('Create with Items that is not an array fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderShipment',
				operation: 'create',
				orderId: ORDER,
				additionalFields: { items: '{"id": 7}' },
			},
			'Items',
		);
	});

	it('Create with an invalid Shipped At fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderShipment',
				operation: 'create',
				orderId: ORDER,
				additionalFields: { shippedAt: '31/31/2024' },
			},
			'Shipped At',
		);
	});
});
