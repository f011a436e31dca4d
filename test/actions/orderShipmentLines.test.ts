/**
 * Order → Create Shipment on the lines live orders have and plain lines do not (issue 17): a coupon's
 * discount line, and a kit (a parent line with components bound to it by `parent_order_item_id` and
 * `is_quantity_bound_to_parent`). A warehouse ships the goods: the components, never the discount line
 * or the kit's parent. Every test here failed on the plan that skipped only `is_non_shipping_item`.
 */
import { NodeOperationError, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import type { SimRecord } from '../simulator';
import { byId, run, runFailing, shipmentsByOrder, writesOf } from '../helpers/actionKit';

type Line = SimRecord;

const ship = (orderId: number, overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'createShipment',
	recordId: byId(orderId),
	...overrides,
});

const sentLines = (sim: Simulator) =>
	(sim.requests.find((request) => request.method === 'POST')?.body as IDataObject | undefined)
		?.items;

describe('Order → Create Shipment: discount lines and kits', () => {
	let sim: Simulator;
	const linesOf = (orderId: number): Line[] =>
		sim.store.list('order_items').filter((line) => line.order_id === orderId);
	const seededOrders = (test: (line: Line) => boolean): number[] => [
		...new Set(
			sim.store
				.list('order_items')
				.filter(test)
				.map((line) => line.order_id as number),
		),
	];
	let discountOrders: number[] = [];
	let kitOrders: number[] = [];

	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 100, products: 12, customers: 20 } });
		discountOrders = seededOrders((line) => line.is_discount_item === true);
		kitOrders = seededOrders((line) => line.is_quantity_bound_to_parent === true);
		// Start each from nothing shipped, whatever status the seed gave it.
		for (const shipment of sim.store.list('order_shipments')) {
			if ([...discountOrders, ...kitOrders].includes(shipment.order_id as number))
				sim.store.remove('order_shipments', shipment.id as number);
		}
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it('the seed has orders with a discount line and orders with a kit', () => {
		expect(discountOrders.length).toBeGreaterThanOrEqual(2);
		expect(kitOrders.length).toBeGreaterThanOrEqual(2);
		const kit = linesOf(kitOrders[0]);
		const parent = kit.find((line) => line.item_number === 'KIT-GIFTSET')!;
		const components = kit.filter((line) => line.parent_order_item_id === parent.id);
		expect(components.length).toBe(2);
		for (const component of components)
			expect(component).toMatchObject({
				is_quantity_bound_to_parent: true,
				quantity: parent.quantity,
			});
	});

	it('All Unshipped Items leaves the discount line out', async () => {
		const orderId = discountOrders[0];
		const goods = linesOf(orderId).filter((line) => line.is_discount_item !== true);

		await run(sim, ship(orderId, { trackingNumbers: '1ZDISC0001' }));

		expect(sentLines(sim)).toEqual(
			goods.map((line) => ({ id: line.id, quantity_shipped: line.quantity })),
		);
	});

	it('All Unshipped Items ships a kit’s components and not its parent, and respects what is shipped already', async () => {
		const orderId = kitOrders[0];
		const lines = linesOf(orderId);
		const parent = lines.find((line) => line.item_number === 'KIT-GIFTSET')!;
		const [first, second] = lines.filter((line) => line.parent_order_item_id === parent.id);
		const plain = lines.filter((line) => line !== parent && line.parent_order_item_id === null);
		// One of the first component went out earlier.
		await run(
			sim,
			ship(orderId, {
				trackingNumbers: '1ZKIT00001',
				itemsToShip: 'byOrderItemId',
				itemRows: { rows: [{ orderItemId: String(first.id), quantity: 1 }] },
			}),
		);
		sim.clearRequests();

		await run(sim, ship(orderId, { trackingNumbers: '1ZKIT00002' }));

		const expected = [
			...plain.map((line) => ({ id: line.id, quantity_shipped: line.quantity })),
			...((first.quantity as number) > 1
				? [{ id: first.id, quantity_shipped: (first.quantity as number) - 1 }]
				: []),
			{ id: second.id, quantity_shipped: second.quantity },
		];
		expect(sentLines(sim)).toEqual(expected);
		const shipped = shipmentsByOrder(sim).get(orderId)!;
		const parentShipped = shipped.flatMap((shipment) =>
			(shipment.items as IDataObject[]).filter((line) => line.id === parent.id),
		);
		expect(parentShipped).toEqual([]);
	});

	it('by SKU: the discount line’s SKU is refused with the reason, and nothing is written', async () => {
		const orderId = discountOrders[1];
		const writes = sim.store.writeCount();

		const error = await runFailing(
			sim,
			ship(orderId, { itemsToShip: 'bySku', skuRows: { rows: [{ sku: 'discount' }] } }),
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('SKU "discount"');
		expect(error.message).toContain('discount line');
		expect(writesOf(sim)).toEqual([]);
		expect(sim.store.writeCount()).toBe(writes);
	});

	it('by SKU: a kit parent’s SKU is refused and names the components to list instead', async () => {
		const orderId = kitOrders[1];
		const lines = linesOf(orderId);
		const parent = lines.find((line) => line.item_number === 'KIT-GIFTSET')!;
		const componentIds = lines
			.filter((line) => line.parent_order_item_id === parent.id)
			.map((line) => String(line.id));

		const error = await runFailing(
			sim,
			ship(orderId, { itemsToShip: 'bySku', skuRows: { rows: [{ sku: 'KIT-GIFTSET' }] } }),
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('SKU "KIT-GIFTSET"');
		expect(error.message).toContain(
			`components ship instead (order items ${componentIds.join(', ')})`,
		);
		expect(writesOf(sim)).toEqual([]);
	});

	it('by SKU: a kit component’s SKU ships that component', async () => {
		const orderId = kitOrders[1];
		const lines = linesOf(orderId);
		const parent = lines.find((line) => line.item_number === 'KIT-GIFTSET')!;
		const component = lines.find((line) => line.parent_order_item_id === parent.id)!;
		const sameSku = lines.filter(
			(line) => line.item_number === component.item_number && line.parent_order_item_id === null,
		);

		await run(
			sim,
			ship(orderId, {
				trackingNumbers: '1ZKIT00003',
				itemsToShip: 'bySku',
				skuRows: { rows: [{ sku: String(component.item_number) }] },
			}),
		);

		const lineIds = (sentLines(sim) as IDataObject[]).map((line) => line.id);
		expect(lineIds).toContain(component.id);
		expect(lineIds).not.toContain(parent.id);
		expect(lineIds.length).toBe(1 + sameSku.length);
	});

	it.each([
		['a discount line', (lines: Line[]) => lines.find((line) => line.is_discount_item === true)!],
		['a kit parent', (lines: Line[]) => lines.find((line) => line.item_number === 'KIT-GIFTSET')!],
	])(
		'listed by order item ID (rows or JSON), %s is refused before any write',
		async (_name, pick) => {
			const orderId = [...discountOrders, ...kitOrders].find((id) => pick(linesOf(id)))!;
			const line = pick(linesOf(orderId));
			for (const parameters of [
				{
					itemsToShip: 'byOrderItemId',
					itemRows: { rows: [{ orderItemId: String(line.id), quantity: 1 }] },
				},
				{ itemsToShip: 'json', itemsJson: JSON.stringify([{ order_item_id: line.id }]) },
			]) {
				sim.clearRequests();
				const error = await runFailing(sim, ship(orderId, parameters));
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(error.message).toContain(`order item ${String(line.id)}`);
				expect(writesOf(sim)).toEqual([]);
			}
		},
	);

	it('listed by order item ID, a line marked non-shipping is refused too', async () => {
		const orderId = discountOrders[1];
		const line = linesOf(orderId).find((candidate) => candidate.is_discount_item !== true)!;
		sim.store.update('order_items', line.id as number, { is_non_shipping_item: true });

		const error = await runFailing(
			sim,
			ship(orderId, {
				itemsToShip: 'byOrderItemId',
				itemRows: { rows: [{ orderItemId: String(line.id), quantity: 1 }] },
			}),
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('non-shipping');
		expect(writesOf(sim)).toEqual([]);
	});
});
