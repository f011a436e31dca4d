import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HostileServer } from '../../helpers/hostileServer';
import {
	expectInputError,
	jsonOf,
	newRef,
	orderParameters,
	pairedIndexes,
	routesOf,
	run,
	runFailing,
	startDroppingProxy,
	startSim,
	type Sim,
} from './kit';

describe('CartRover Order → Create', () => {
	let sim: Sim;
	beforeAll(async () => {
		sim = await startSim();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	it('sends the order with the derived amounts, then Get reads it back', async () => {
		const custRef = newRef();
		const items = await run(
			sim,
			orderParameters(custRef, {
				totals: { salesTax: 4.5, shippingHandling: 7.25 },
				additionalFields: { custPoNo: 'PO-77', giftWrap: true, orderDate: '2026-11-30' },
			}),
		);

		expect(routesOf(sim.requests)).toEqual(['POST /cart/orders/cartrover']);
		const body = sim.requests[0].body as Record<string, unknown>;
		// (19.99 − 0) × 3 = 59.97 and (5.00 − 0.50) × 1 = 4.50, in cents: no 59.970000000000006.
		expect(body.items).toEqual([
			{ item: 'SKU-001', quantity: 3, price: 19.99, extended_amount: 59.97 },
			{ item: 'SKU-002', quantity: 1, price: 5, discount: 0.5, extended_amount: 4.5 },
		]);
		expect(body).toMatchObject({
			cust_ref: custRef,
			cust_po_no: 'PO-77',
			gift_wrap: 'Y',
			order_date: '2026-11-30',
			sub_total: 64.47,
			sales_tax: 4.5,
			shipping_handling: 7.25,
			grand_total: 76.22,
			ship_first_name: 'Jane',
			ship_zip: '78701',
		});
		const stored = sim.orders.get(custRef)!;
		expect(stored.grand_total).toBe(76.22);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				created: true,
				cust_ref: custRef,
				order_number: stored.order_number,
			}),
		]);
		expect(pairedIndexes(items)).toEqual([0]);

		sim.clearRequests();
		const [read] = await run(sim, { resource: 'order', operation: 'get', custRef });
		expect(routesOf(sim.requests)).toEqual([`GET /cart/orders/${custRef}`]);
		expect(read.json).toMatchObject({
			cust_ref: custRef,
			order_status: 'new',
			grand_total: 76.22,
			sub_total: 64.47,
		});
	});

	it('a re-run with the same reference returns the order with created: false; CartRover still holds one', async () => {
		const custRef = newRef();
		await run(sim, orderParameters(custRef));
		const countBefore = sim.orders.size;
		sim.clearRequests();

		const items = await run(sim, orderParameters(custRef));

		expect(routesOf(sim.requests)).toEqual([
			'POST /cart/orders/cartrover',
			`GET /cart/orders/${custRef}`,
		]);
		expect(sim.requests[0].errorCode).toBe('Failure');
		expect(sim.orders.size).toBe(countBefore);
		expect(items[0].json).toMatchObject({
			created: false,
			existing: 'duplicate',
			cust_ref: custRef,
			order: { cust_ref: custRef, order_status: 'new', grand_total: 64.47 },
		});
	});

	it('a duplicate reference of another order source is refused, never taken for the order', async () => {
		// The simulator keeps cust_ref unique across the merchant; the Cart keys cannot read the other source's order.
		const other = [...sim.orders.values()].find((order) => order.order_source !== sim.cartSource)!;
		const error = await runFailing(sim, orderParameters(other.cust_ref));

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('OrderDuplicate');
		expect(routesOf(sim.requests)).toEqual([
			'POST /cart/orders/cartrover',
			`GET /cart/orders/${other.cust_ref}`,
		]);
	});

	describe('when the connection drops after CartRover applied the create', () => {
		let proxy: HostileServer;
		beforeAll(async () => {
			proxy = await startDroppingProxy(sim, (url) => url.endsWith('/cart/orders/cartrover'));
		});
		afterAll(async () => await proxy.stop());

		it('re-reads the order instead of sending it again, and returns it with created: false', async () => {
			const custRef = newRef();
			const items = await run(sim, orderParameters(custRef), { url: proxy.url });

			expect(routesOf(sim.requests)).toEqual([
				'POST /cart/orders/cartrover',
				`GET /cart/orders/${custRef}`,
			]);
			expect([...sim.orders.values()].filter((order) => order.cust_ref === custRef)).toHaveLength(
				1,
			);
			expect(items[0].json).toMatchObject({
				created: false,
				existing: 'unconfirmed',
				cust_ref: custRef,
			});
		});
	});

	it('when the create is lost before CartRover got it, says the outcome is unknown and sends nothing again', async () => {
		const proxy = await startDroppingProxy(sim, (url) => url.endsWith('/cart/orders/cartrover'), {
			applied: false,
		});
		try {
			const custRef = newRef();
			const error = await runFailing(sim, orderParameters(custRef), { url: proxy.url });

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('got no answer, and CartRover does not show the order yet');
			expect(error.description).toContain('does not send it again');
			expect(routesOf(sim.requests)).toEqual([`GET /cart/orders/${custRef}`]);
			expect(proxy.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
			expect(sim.orders.has(custRef)).toBe(false);
		} finally {
			await proxy.stop();
		}
	});

	it('refuses totals that break the price rules, naming the field, before any request', async () => {
		const error = await expectInputError(
			sim,
			orderParameters(newRef(), { totals: { grandTotal: 70, salesTax: 1 } }),
			['Grand Total', '70.00', '65.47'],
		);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('refuses a line whose extended amount is not (price − discount) × quantity', async () => {
		await expectInputError(
			sim,
			orderParameters(newRef(), {
				lineItems: { line: [{ sku: 'A', quantity: 2, price: '10', extendedAmount: '21' }] },
			}),
			['Line 1 Extended Amount', '21.00', '20.00'],
		);
	});

	it('refuses a sub total that is not the sum of the lines', async () => {
		await expectInputError(
			sim,
			orderParameters(newRef(), {
				lineItems: {
					line: [
						{ sku: 'A', quantity: 1, price: '0.10' },
						{ sku: 'B', quantity: 1, price: '0.20' },
					],
				},
				totals: { subTotal: 0.31 },
			}),
			['Sub Total', '0.31', '0.30'],
		);
	});

	it('accepts totals that match in cents, where floats would not (0.1 + 0.2)', async () => {
		const custRef = newRef();
		await run(
			sim,
			orderParameters(custRef, {
				lineItems: {
					line: [
						{ sku: 'A', quantity: 1, price: '0.10' },
						{ sku: 'B', quantity: 1, price: '0.20' },
					],
				},
				totals: { subTotal: 0.3, grandTotal: 0.3 },
			}),
		);
		expect(sim.orders.get(custRef)?.grand_total).toBe(0.3);
	});

	it('derives sales tax from line taxes and the order discount from additional discounts', async () => {
		const custRef = newRef();
		await run(
			sim,
			orderParameters(custRef, {
				lineItems: {
					line: [
						{
							sku: 'A',
							quantity: 2,
							price: '10.00',
							discount: '1.00',
							tax: '1.44',
							additionalDiscount: '2',
						},
						{ sku: 'B', quantity: 1, price: '5.55', tax: '0.45' },
					],
				},
				totals: { shippingHandling: 4 },
			}),
		);
		// sub 18.00 + 5.55 = 23.55; tax 1.89; order discount 2.00; grand 23.55 + 1.89 + 4 − 2 = 27.44.
		expect(sim.requests[0].body).toMatchObject({
			sub_total: 23.55,
			sales_tax: 1.89,
			order_discount: 2,
			grand_total: 27.44,
		});
		expect(sim.orders.get(custRef)?.grand_total).toBe(27.44);
	});

	it('names every broken price rule at once', async () => {
		await expectInputError(
			sim,
			orderParameters(newRef(), {
				lineItems: {
					line: [
						{ sku: 'A', quantity: 1, price: '3', discount: '4' },
						{ sku: 'B', quantity: 1, price: '5', tax: '0.40', additionalDiscount: '1' },
					],
				},
				totals: { salesTax: 0.5, orderDiscount: 0.5 },
			}),
			[
				'Line 1 Discount: 4.00 is more than the price 3.00',
				'Sales Tax: 0.50 does not match the sum of the lines’ tax, 0.40',
				'Order Discount: 0.50 is less than the lines’ additional discounts, 1.00',
			],
		);
	});

	it('names every missing and invalid field in one error', async () => {
		const error = await expectInputError(
			sim,
			orderParameters('', {
				shipCity: '',
				shipZip: ' ',
				shipFirstName: '',
				shipCompany: '',
				lineItems: {
					line: [
						{ sku: '', quantity: 1 },
						{ sku: 'B', quantity: 2, price: 'abc' },
					],
				},
			}),
			[
				'Order Reference',
				'Ship City',
				'Ship ZIP',
				'Ship First Name and Ship Last Name, or Ship Company',
				'Line 1 SKU',
				'Line 2 Price: "abc" is not a number',
				'[item 0]',
			],
		);
		expect(error.message.split('[item').length).toBe(2);
	});

	it('Other Fields (JSON) passes further fields on, but may not set what the node checks', async () => {
		const custRef = newRef();
		await run(
			sim,
			orderParameters(custRef, {
				additionalFields: { otherFieldsJson: '{"custom_field_1": "gift", "ship_code": "GROUND"}' },
			}),
		);
		expect(sim.requests[0].body).toMatchObject({ custom_field_1: 'gift', ship_code: 'GROUND' });

		await expectInputError(
			sim,
			orderParameters(newRef(), {
				additionalFields: { otherFieldsJson: '{"grand_total": 1, "cust_ref": "X"}' },
			}),
			['Other Fields (JSON): sets grand_total, cust_ref'],
		);
	});

	it('reads line items given as JSON', async () => {
		const custRef = newRef();
		await run(
			sim,
			orderParameters(custRef, {
				lineItemsInput: 'json',
				lineItemsJson: JSON.stringify([{ item: 'SKU-003', quantity: '2', price: '1.25' }]),
			}),
		);
		expect((sim.requests[0].body as { items: unknown }).items).toEqual([
			{ item: 'SKU-003', quantity: 2, price: 1.25, extended_amount: 2.5 },
		]);
	});

	it('needs Cart API keys: Merchant keys are refused before any request', async () => {
		sim.clearRequests();
		const error = await runFailing(sim, orderParameters(newRef()), { level: 'merchant' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Create an order needs Cart API keys');
		expect(error.message).toContain('Merchant API keys');
		expect(sim.requests).toEqual([]);
	});

	it('with Continue On Fail, a bad item becomes an error item paired to it; the others are created', async () => {
		const [a, b] = [newRef(), newRef()];
		const items = await run(
			sim,
			{
				...orderParameters('={{ $json.ref }}'),
				shipCity: '={{ $json.city }}',
			},
			{
				input: [
					{ ref: a, city: 'Austin' },
					{ ref: newRef(), city: '' },
					{ ref: b, city: 'Dallas' },
				],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json).toMatchObject({ created: true, cust_ref: a });
		expect(items[1].json.error).toContain('Ship City');
		expect(items[2].json).toMatchObject({ created: true, cust_ref: b });
		expect(routesOf(sim.requests)).toEqual([
			'POST /cart/orders/cartrover',
			'POST /cart/orders/cartrover',
		]);
	});
});
