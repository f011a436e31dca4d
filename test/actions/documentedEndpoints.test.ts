/**
 * Issue 14: the documented Cart.com routes the node lacked (docs/resources/*.md, docs/scopes.md,
 * acapi.yaml), each an operation on its resource. Every test checks what the simulator's store
 * holds afterwards, not only the request sent.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	pastSlowStart,
	byId,
	expectInputError,
	jsonOf,
	linesOf,
	node,
	operationsOf,
	pairedIndexes,
	queryOf,
	routesOf,
	run,
	runFailing,
	writesOf,
} from '../helpers/actionKit';
import type { SimRecord as Row } from '../simulator';
import { maskSensitive } from '../../nodes/CartCom/helpers/sensitive';
import { alertEmailsOf, setCardSecret } from '../simulator/extraRoutes';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 6, products: 8, customers: 6, maxItemsPerOrder: 2 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());
afterEach(() => {
	sim.options.lookupMatching = 'exact';
});

const customers = () => sim.store.list('customers');

describe('Session', () => {
	it('offers Get Many only (acapi.yaml has GET /sessions alone)', () => {
		expect(operationsOf('session')).toEqual(['getAll']);
	});

	it('Get Many lists the store’s sessions, filtered by customer', async () => {
		const customerId = customers()[0].id as number;
		const mine = sim.store.create('sessions', {
			customer_id: customerId,
			ip_address: '203.0.113.9',
			hit_count: 3,
			cart_id: 63,
		});
		sim.store.create('sessions', { customer_id: customers()[1].id, ip_address: '203.0.113.10' });
		const items = await run(sim, {
			resource: 'session',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: { customerId },
		});
		expect(routesOf(sim.requests)).toEqual(['GET /sessions']);
		expect(queryOf(sim.requests[0])).toMatchObject({ customer_id: `eq:${customerId}` });
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ id: mine.id, ip_address: '203.0.113.9' }),
		]);
	});
});

// ---- payments ---------------------------------------------------------------------------------

function newOrder(total: number): Row {
	const customer = customers()[2];
	const template = sim.store.list('orders')[0];
	return sim.store.create('orders', {
		customer_id: customer.id,
		order_status_id: template.order_status_id,
		order_billing_address_id: template.order_billing_address_id,
		order_shipping_address_id: template.order_shipping_address_id,
		store_id: 1,
		grand_total: total,
		order_number: '',
	});
}

function newCard(customerId: number, lastFour = '1111'): Row {
	return sim.store.create('credit_cards', {
		customer_id: customerId,
		card_type: 'Visa',
		cardholder_name: 'Jane Doe',
		last_four: lastFour,
		expiration_month: 12,
		expiration_year: 2030,
	});
}

const paymentsOf = (orderId: unknown) =>
	sim.store.list('order_payments').filter((payment) => payment.order_id === orderId);

describe('Order → Process Payment', () => {
	it('charges the saved card once: the store gains one approved payment of the order total', async () => {
		const order = newOrder(55.43);
		const card = newCard(order.customer_id as number);
		const items = await run(sim, {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
		});

		expect(routesOf(sim.requests)).toEqual([
			`GET /orders/${String(order.id)}`,
			`GET /orders/${String(order.id)}/payments`,
			`POST /orders/${String(order.id)}/process_payment`,
			`GET /orders/${String(order.id)}/payments`,
		]);
		// Only what the user gave: no amount means the order total (docs/resources/orders.md).
		expect(writesOf(sim)[0].body).toEqual({ card_id: card.id, customer_id: order.customer_id });
		const payments = paymentsOf(order.id);
		expect(payments).toHaveLength(1);
		expect(payments[0]).toMatchObject({ amount: 55.43, is_approved: true, last_four: '1111' });
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				payment_processed: true,
				payment_declined: false,
				order_id: order.id,
				new_payments: [expect.objectContaining({ id: payments[0].id })],
			}),
		]);
		expect(pairedIndexes(items)).toEqual([0]);
	});

	it('sends Amount and CVV when given; a declined card is reported, not thrown', async () => {
		const order = newOrder(80);
		const card = newCard(order.customer_id as number, '0002');
		const items = await run(sim, {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
			additionalFields: { amount: 20, cvv: '987' },
		});
		expect(writesOf(sim)[0].body).toEqual({
			card_id: card.id,
			customer_id: order.customer_id,
			amount: 20,
			cvv: '987',
		});
		expect(paymentsOf(order.id)).toEqual([
			expect.objectContaining({ amount: 20, is_declined: true, is_approved: false }),
		]);
		expect(items[0].json).toMatchObject({ payment_processed: false, payment_declined: true });
	});

	it('a re-run on an order already paid in full charges nothing', async () => {
		const order = newOrder(30);
		const card = newCard(order.customer_id as number);
		const parameters = {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
		};
		await run(sim, parameters);
		sim.clearRequests();
		const items = await run(sim, parameters);

		expect(writesOf(sim)).toEqual([]);
		expect(paymentsOf(order.id)).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			skipped: true,
			payment_processed: false,
			paid_total: 30,
		});
	});

	it('two executions at the same moment charging one order (a webhook delivered twice) charge it once', async () => {
		const order = newOrder(64);
		const card = newCard(order.customer_id as number);
		const parameters = {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
		};
		// Slow responses after the budget's slow start, so the two executions overlap.
		await pastSlowStart(sim);
		sim.options.latencyMs = 30;
		const [first, second] = await Promise.all([run(sim, parameters), run(sim, parameters)]).finally(
			() => (sim.options.latencyMs = 0),
		);

		expect(writesOf(sim)).toHaveLength(1);
		expect(paymentsOf(order.id)).toHaveLength(1);
		expect([first[0].json.skipped, second[0].json.skipped].sort()).toEqual([true, undefined]);
	});

	it('a charge whose answer is lost is re-read, never re-sent: one POST, one payment, reported as processed', async () => {
		const order = newOrder(42);
		const card = newCard(order.customer_id as number);
		sim.scriptFaults([
			{ match: { method: 'POST', path: /process_payment$/ }, reset: true, applyWrite: true },
		]);
		const items = await run(sim, {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
		});

		expect(writesOf(sim)).toHaveLength(1);
		expect(paymentsOf(order.id)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ payment_processed: true, settled_by_reread: true });
	});

	it('a 500 that did not charge: one POST, no payment, an error saying it was not sent again', async () => {
		const order = newOrder(42);
		const card = newCard(order.customer_id as number);
		sim.scriptFaults([{ match: { method: 'POST', path: /process_payment$/ }, status: 500 }]);
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
			additionalFields: { cvv: '4321' },
		});

		expect(writesOf(sim)).toHaveLength(1);
		expect(paymentsOf(order.id)).toEqual([]);
		expect(error.description).toMatch(/not applied, and it was not sent again/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain('4321');
	});

	it('a refusal quoting the CVV does not carry it into the error', async () => {
		const order = newOrder(42);
		const card = newCard(order.customer_id as number);
		sim.scriptFaults([
			{
				match: { method: 'POST', path: /process_payment$/ },
				respond: {
					status: 409,
					body: JSON.stringify({
						status_code: 409,
						message: 'Conflict',
						details: 'Gateway: CVV 5823 does not match',
					}),
				},
			},
		]);
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'processPayment',
			recordId: byId(order.id),
			cardId: String(card.id),
			customerId: String(order.customer_id),
			additionalFields: { cvv: '5823' },
		});
		expect(error.message).toMatch(/409/);
		expect(error.description).toMatch(/Gateway: CVV \*\*\* does not match/);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('5823');
		expect(paymentsOf(order.id)).toEqual([]);
	});

	it('names every missing field in one error, and never quotes a bad CVV, before any request', async () => {
		const error = await expectInputError(
			sim,
			{ resource: 'order', operation: 'processPayment', recordId: byId(100001) },
			'Credit Card ID',
		);
		expect(error.message).toContain('Customer ID');
		const cvvError = await expectInputError(
			sim,
			{
				resource: 'order',
				operation: 'processPayment',
				recordId: byId(100001),
				cardId: '1',
				customerId: '1',
				additionalFields: { cvv: '98x7' },
			},
			'CVV',
		);
		expect(`${cvvError.message} ${cvvError.description ?? ''}`).not.toContain('98x7');
	});

	it('continues on fail with an error item paired to the input', async () => {
		const items = await run(
			sim,
			{
				resource: 'order',
				operation: 'processPayment',
				recordId: byId(999999),
				cardId: '1',
				customerId: '1',
			},
			{ continueOnFail: true },
		);
		expect(items[0].json.error).toBeDefined();
		expect(pairedIndexes(items)).toEqual([0]);
		expect(writesOf(sim)).toEqual([]);
	});
});

describe('Order → Process Payments of Payment Order', () => {
	function pendingPayments(order: Row) {
		for (const [amount, declined] of [
			[10, false],
			[15, true],
		] as const) {
			sim.store.create('order_payments', {
				order_id: order.id,
				customer_id: order.customer_id,
				amount,
				is_approved: false,
				is_declined: declined,
				is_void: false,
			});
		}
	}

	it('processes the pending payments (declined ones only when forced); the store shows them approved', async () => {
		const order = newOrder(25);
		pendingPayments(order);
		const items = await run(sim, {
			resource: 'order',
			operation: 'processPayments',
			recordId: byId(order.id),
		});

		expect(writesOf(sim).map((request) => request.body)).toEqual([{ force_process_all: false }]);
		expect(paymentsOf(order.id).map((payment) => payment.is_approved)).toEqual([true, false]);
		expect(items[0].json).toMatchObject({
			order_id: order.id,
			processed_payments: [expect.objectContaining({ amount: 10, is_approved: true })],
		});
	});

	it('after a lost answer it re-reads the payments instead of posting again', async () => {
		const order = newOrder(25);
		pendingPayments(order);
		sim.scriptFaults([
			{ match: { method: 'POST', path: /process_payments$/ }, reset: true, applyWrite: true },
		]);
		const items = await run(sim, {
			resource: 'order',
			operation: 'processPayments',
			recordId: byId(order.id),
			forceProcessAll: true,
		});
		expect(writesOf(sim)).toHaveLength(1);
		expect(paymentsOf(order.id).every((payment) => payment.is_approved === true)).toBe(true);
		expect(items[0].json).toMatchObject({ settled_by_reread: true });
	});
});

// ---- integration routes -----------------------------------------------------------------------

describe('Create or Update by Lookup (integration routes)', () => {
	it('Customer: found by e-mail and updated, no second customer', async () => {
		const customer = customers()[3];
		const before = customers().length;
		await run(sim, {
			resource: 'customer',
			operation: 'integrationUpsert',
			integrationKey: String(customer.email),
			recordJson: JSON.stringify({ first_name: 'Renamed', customer_type: 'Wholesale' }),
		});
		expect(linesOf(sim.requests)).toEqual(['POST /customers/integration']);
		expect(writesOf(sim)[0].body).toEqual({
			first_name: 'Renamed',
			customer_type: 'Wholesale',
			email: customer.email,
		});
		expect(customers()).toHaveLength(before);
		expect(sim.store.get('customers', customer.id as number)?.first_name).toBe('Renamed');
	});

	it('Customer: a new e-mail creates the customer with its addresses', async () => {
		const items = await run(sim, {
			resource: 'customer',
			operation: 'integrationUpsert',
			integrationKey: 'new.person@example.com',
			recordJson: {
				first_name: 'New',
				addresses: [
					{ address_line_1: '1 Main St', postal_code: '77702', country: 'United States' },
				],
			},
		});
		const created = customers().find((row) => row.email === 'new.person@example.com');
		expect(created).toMatchObject({ first_name: 'New' });
		expect(items[0].json).toMatchObject({ id: created?.id });
		expect(
			sim.store.list('addresses').filter((address) => address.customer_id === created?.id),
		).toEqual([expect.objectContaining({ address_line_1: '1 Main St' })]);
	});

	it('Customer: an e-mail in the JSON that differs from Email is refused before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'customer',
				operation: 'integrationUpsert',
				integrationKey: 'a@example.com',
				recordJson: '{"email": "b@example.com"}',
			},
			'Record (JSON)',
		);
	});

	it('Product: found by SKU; status and category given by name', async () => {
		const product = sim.store.list('products')[0];
		await run(sim, {
			resource: 'product',
			operation: 'integrationUpsert',
			integrationKey: String(product.item_number),
			recordJson: { price: 12.5, product_status: 'Special Order' },
		});
		const after = sim.store.get('products', product.id as number);
		expect(after?.price).toBe(12.5);
		const status = sim.store.list('product_statuses').find((row) => row.name === 'Special Order');
		expect(after?.product_status_id).toBe(status?.id);
	});

	it('Order: a body the store could not look up (no order number, no e-mail and date) is refused', async () => {
		const error = await expectInputError(
			sim,
			{
				resource: 'order',
				operation: 'integrationUpsert',
				recordJson: '{"grand_total": 10}',
			},
			'order_number',
		);
		expect(error.description).toMatch(/order_number/);
	});

	it('Order: found by order number and updated', async () => {
		const order = sim.store.list('orders')[1];
		sim.store.update('orders', order.id as number, { order_number: 'W-1001' });
		const before = sim.store.count('orders');
		await run(sim, {
			resource: 'order',
			operation: 'integrationUpsert',
			recordJson: { order_number: 'W-1001', admin_comments: 'from ERP' },
		});
		expect(sim.store.count('orders')).toBe(before);
		expect(sim.store.get('orders', order.id as number)?.admin_comments).toBe('from ERP');
	});

	it('Order Payment: needs a payment key; with a transaction ID it updates that payment', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderPayment',
				operation: 'integrationUpsert',
				recordJson: { order_id: 100001, amount: 5 },
			},
			'transaction_id',
		);
		const payment = sim.store.list('order_payments')[0];
		sim.store.update('order_payments', payment.id as number, { transaction_id: 'TX-77' });
		await run(sim, {
			resource: 'orderPayment',
			operation: 'integrationUpsert',
			recordJson: { order_id: payment.order_id, transaction_id: 'TX-77', payment_note: 'settled' },
		});
		expect(sim.store.get('order_payments', payment.id as number)?.payment_note).toBe('settled');
	});

	it('Order Shipment: a re-run with the same tracking number updates the one shipment', async () => {
		const order = sim.store.list('orders')[2];
		const parameters = {
			resource: 'orderShipment',
			operation: 'integrationUpsert',
			recordJson: {
				order_id: order.id,
				tracking_numbers: '1ZTEST0001',
				shipping_method: 'UPS Ground',
				order_status: 'Shipped',
			},
		};
		await run(sim, parameters);
		await run(sim, parameters);
		const shipments = sim.store
			.list('order_shipments')
			.filter((shipment) => shipment.tracking_numbers === '1ZTEST0001');
		expect(shipments).toHaveLength(1);
		const shipped = sim.store.list('order_statuses').find((row) => row.name === 'Shipped');
		expect(sim.store.get('orders', order.id as number)?.order_status_id).toBe(shipped?.id);
	});
});

// ---- decrypt routes -----------------------------------------------------------------------------

describe('Get Decrypted (Sensitive)', () => {
	const CARD_NUMBER = '4111222233334444';

	function cardWithSecret(): Row {
		const card = newCard(customers()[0].id as number, '4444');
		setSecret('credit_cards', card.id as number);
		return card;
	}
	function setSecret(kind: 'credit_cards' | 'order_payments', id: number) {
		setCardSecret(sim.store, kind, id, { card_number: CARD_NUMBER, cvv: '739' });
	}

	it('is named and described as sensitive, with a notice in the editor', () => {
		const operation = node.description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('creditCard'),
		);
		const option = (
			operation?.options as Array<{ value: string; name: string; description: string }>
		).find((entry) => entry.value === 'getDecrypted');
		expect(option?.name).toMatch(/Sensitive/);
		expect(option?.description).toMatch(/sensitive/i);
		const notice = node.description.properties.find(
			(property) =>
				property.type === 'notice' &&
				property.displayOptions?.show?.operation?.includes('getDecrypted'),
		);
		expect(notice?.displayName).toMatch(/^Sensitive/);
	});

	it('Credit Card: returns the card in clear from GET /credit_cards/{id}/decrypted', async () => {
		const card = cardWithSecret();
		const items = await run(sim, {
			resource: 'creditCard',
			operation: 'getDecrypted',
			recordId: byId(card.id),
		});
		expect(linesOf(sim.requests)).toEqual([`GET /credit_cards/${String(card.id)}/decrypted`]);
		expect(items[0].json).toMatchObject({ id: card.id, card_number: CARD_NUMBER, cvv: '739' });
	});

	it('Mask Card Data keeps only the last four digits and hides the CVV', async () => {
		const card = cardWithSecret();
		const items = await run(sim, {
			resource: 'creditCard',
			operation: 'getDecrypted',
			recordId: byId(card.id),
			options: { mask: true },
		});
		expect(items[0].json).toMatchObject({
			card_number: '************4444',
			cvv: '***',
			last_four: '4444',
			cardholder_name: 'Jane Doe',
		});
	});

	it('Order Payment: GET /order_payments/{id}/decrypted', async () => {
		const payment = sim.store.list('order_payments')[1];
		setSecret('order_payments', payment.id as number);
		const items = await run(sim, {
			resource: 'orderPayment',
			operation: 'getDecrypted',
			recordId: byId(payment.id),
		});
		expect(routesOf(sim.requests)).toEqual([`GET /order_payments/${String(payment.id)}/decrypted`]);
		expect(items[0].json).toMatchObject({ id: payment.id, card_number: CARD_NUMBER });
	});

	async function failureOf(respond: { status: number; body: string }, times = 1) {
		const card = cardWithSecret();
		// A 5xx on a GET is asked again: one fault per attempt (maxRetries 5 → 6 attempts).
		sim.scriptFaults(
			Array.from({ length: times }, () => ({ match: { path: /decrypted$/ }, respond })),
		);
		const logged: string[] = [];
		const previous = Container.get(Logger);
		const record = (...args: unknown[]) => {
			logged.push(JSON.stringify(args));
		};
		const capturing = {
			debug: record,
			info: record,
			warn: record,
			error: record,
			scoped: () => capturing,
		};
		Container.set(Logger, capturing as unknown as InstanceType<typeof Logger>);
		const consoleSpies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation(record),
		);
		try {
			const parameters = {
				resource: 'creditCard',
				operation: 'getDecrypted',
				recordId: byId(card.id),
			};
			const error = await runFailing(sim, parameters);
			return { error, logged, card };
		} finally {
			Container.set(Logger, previous);
			for (const spy of consoleSpies) spy.mockRestore();
		}
	}

	const leaks = (text: string) =>
		[CARD_NUMBER, '4111 2222 3333 4444', '739'].filter((secret) => text.includes(secret));

	const everythingOf = (
		error: Error & { description?: string; context?: unknown },
		logged: string[],
	) =>
		JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
			cause: (error as { cause?: unknown }).cause,
			json: JSON.stringify(error, Object.getOwnPropertyNames(error)),
			logged,
		});
	const quotingBody = (status: number) =>
		JSON.stringify({
			status_code: status,
			message: 'Error',
			details: `Decrypt failed for 4111 2222 3333 4444 cvv 739 (${CARD_NUMBER})`,
		});

	it('an error answer (409) quoting the card data never reaches the error or the logs', async () => {
		const { error, logged } = await failureOf({ status: 409, body: quotingBody(409) });
		expect(leaks(everythingOf(error, logged))).toEqual([]);
		expect(error.message).toMatch(/decrypted failed \(409\)/);
	});

	it('a 500 quoting the card data, retried to the end, never reaches the error or the logs', async () => {
		const { error, logged } = await failureOf({ status: 500, body: quotingBody(500) }, 6);
		expect(leaks(everythingOf(error, logged))).toEqual([]);
		expect(error.message).toMatch(/decrypted failed \(500\)/);
		expect(sim.requests.filter((request) => request.path.endsWith('/decrypted'))).toHaveLength(6);
	});

	it('a 403 says the decrypt scope is needed, without Cart.com’s text', async () => {
		const { error } = await failureOf({
			status: 403,
			body: JSON.stringify({
				status_code: 403,
				message: 'Forbidden',
				details: `card ${CARD_NUMBER}`,
			}),
		});
		expect(error.description).toMatch(/"decrypt" scope/);
		expect(leaks(`${error.message} ${error.description ?? ''}`)).toEqual([]);
	});

	it('an answer for another record is refused without quoting it; on continue-on-fail too', async () => {
		const { error } = await failureOf({
			status: 200,
			body: JSON.stringify({ id: 1, card_number: CARD_NUMBER, cvv: '739' }),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(leaks(JSON.stringify(error, Object.getOwnPropertyNames(error)))).toEqual([]);

		const card = cardWithSecret();
		sim.scriptFaults([
			{
				match: { path: /decrypted$/ },
				respond: {
					status: 200,
					body: JSON.stringify({ id: 1, card_number: CARD_NUMBER, cvv: '739' }),
				},
			},
		]);
		const items = await run(
			sim,
			{ resource: 'creditCard', operation: 'getDecrypted', recordId: byId(card.id) },
			{ continueOnFail: true },
		);
		expect(leaks(JSON.stringify(items))).toEqual([]);
	});
});

describe('masking helpers', () => {
	it('mask card numbers, codes and account numbers at any depth, payment form fields by their name', () => {
		expect(
			maskSensitive({
				id: 5,
				card_number: '4111111111111111',
				cvv: '123',
				account_number: '000123456789',
				last_four: '1111',
				fields: [
					{ name: 'Card Number', value: '5555444433332222' },
					{ name: 'Sign your name', value: 'J. Doe' },
				],
			}),
		).toEqual({
			id: 5,
			card_number: '************1111',
			cvv: '***',
			account_number: '********6789',
			last_four: '1111',
			fields: [
				{ name: 'Card Number', value: '************2222' },
				{ name: 'Sign your name', value: 'J. Doe' },
			],
		});
	});
});

// ---- stores, microstores ------------------------------------------------------------------------

describe('Store alert e-mails and active catalogs', () => {
	it('Get Alert Emails lists the documented {id, store_id, email} entries, one item each', async () => {
		const items = await run(sim, {
			resource: 'store',
			operation: 'getAlertEmails',
			recordId: byId(1),
		});
		expect(routesOf(sim.requests)).toEqual(['GET /stores/1/store_alert_email']);
		expect(jsonOf(items)).toEqual(alertEmailsOf(sim.store, 1));
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ store_id: 1, email: 'alerts@sim-outfitters.example.com' }),
		]);
	});

	it('Add Alert Email adds once; a re-run sends no second PUT', async () => {
		const parameters = {
			resource: 'store',
			operation: 'addAlertEmail',
			recordId: byId(1),
			email: 'ops@example.com',
		};
		const first = await run(sim, parameters);
		expect(writesOf(sim).map((request) => request.body)).toEqual([{ email: 'ops@example.com' }]);
		expect(first[0].json).toMatchObject({ email: 'ops@example.com', added: true });
		sim.clearRequests();
		const second = await run(sim, parameters);
		expect(writesOf(sim)).toEqual([]);
		expect(second[0].json).toMatchObject({ added: false });
		expect(
			alertEmailsOf(sim.store, 1).filter((entry) => entry.email === 'ops@example.com'),
		).toHaveLength(1);
	});

	it('Add Alert Email after a lost answer re-reads the list: one PUT, one entry', async () => {
		sim.scriptFaults([
			{ match: { method: 'PUT', path: /store_alert_email$/ }, reset: true, applyWrite: true },
		]);
		const items = await run(sim, {
			resource: 'store',
			operation: 'addAlertEmail',
			recordId: byId(1),
			email: 'night@example.com',
		});
		expect(writesOf(sim)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ added: true });
		expect(
			alertEmailsOf(sim.store, 1).filter((entry) => entry.email === 'night@example.com'),
		).toHaveLength(1);
	});

	it('Update Active Catalog sends only the fields given; Get Active Catalog reads the stored result', async () => {
		const categories = sim.store
			.list('categories')
			.slice(0, 2)
			.map((row) => row.id as number);
		await run(sim, {
			resource: 'store',
			operation: 'updateActiveCatalog',
			recordId: byId(1),
			updateFields: { categoryIds: categories.join(', ') },
		});
		expect(writesOf(sim).map((request) => `${request.method} ${request.path}`)).toEqual([
			'PUT /api/v1/stores/1/active_catalog',
		]);
		expect(writesOf(sim)[0].body).toEqual({ category_ids: categories });
		sim.clearRequests();
		const items = await run(sim, {
			resource: 'store',
			operation: 'getActiveCatalog',
			recordId: byId(1),
		});
		expect(items[0].json).toMatchObject({ store_id: 1, category_ids: categories, product_ids: [] });
	});

	it('Microstore: its own active catalog, with the override flag', async () => {
		const micro = sim.store.create('microstores', { name: 'fakestore', parent_store_id: 1 });
		await run(sim, {
			resource: 'microstore',
			operation: 'updateActiveCatalog',
			recordId: byId(micro.id),
			updateFields: { microstoreCatalogOverride: true, rootCategoryId: 0 },
		});
		expect(writesOf(sim)[0].body).toEqual({
			microstore_catalog_override: true,
			root_category_id: 0,
		});
		const items = await run(sim, {
			resource: 'microstore',
			operation: 'getActiveCatalog',
			recordId: byId(micro.id),
		});
		expect(items[0].json).toMatchObject({
			is_micro_store: true,
			microstore_catalog_override: true,
		});
	});

	it('Update Active Catalog with nothing to set, or a bad ID in a list, stops before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'store', operation: 'updateActiveCatalog', recordId: byId(1) },
			'Update Fields',
		);
		await expectInputError(
			sim,
			{
				resource: 'store',
				operation: 'updateActiveCatalog',
				recordId: byId(1),
				updateFields: { productIds: '62, abc' },
			},
			'Product IDs',
		);
	});
});

// ---- subscriptions, drips -----------------------------------------------------------------------

describe('Subscription → Pause or Resume Items', () => {
	it('pauses the cart items named, and resumes them', async () => {
		const cart = sim.store.create('carts', { customer_id: customers()[0].id });
		const item = sim.store.create('cart_items', {
			cart_id: cart.id,
			product_id: 1,
			subscription_paused: false,
		});
		const subscription = sim.store.create('subscriptions', {
			saved_cart_id: cart.id,
			customer_id: customers()[0].id,
		});
		await run(sim, {
			resource: 'subscription',
			operation: 'pauseItems',
			recordId: byId(subscription.id),
			cartItemIds: String(item.id),
		});
		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ items: [{ id: item.id, subscription_paused: true }] },
		]);
		expect(sim.store.get('cart_items', item.id as number)?.subscription_paused).toBe(true);
		await run(sim, {
			resource: 'subscription',
			operation: 'pauseItems',
			recordId: byId(subscription.id),
			pauseAction: 'resume',
			cartItemIds: String(item.id),
		});
		expect(sim.store.get('cart_items', item.id as number)?.subscription_paused).toBe(false);
	});
});

describe('Drip → Add Members / Remove Members', () => {
	it('adds customers once, and removing marks the series complete for them', async () => {
		const drip = sim.store.create('drips', { name: 'Welcome', is_enabled: true });
		const [a, b] = customers().map((row) => row.id as number);
		const add = {
			resource: 'drip',
			operation: 'addMembers',
			recordId: byId(drip.id),
			customerIds: `${a}, ${b}`,
		};
		const items = await run(sim, add);
		expect(writesOf(sim).map((request) => [request.method, request.body])).toEqual([
			['POST', { customer_ids: [a, b] }],
		]);
		const members = () => sim.store.get('drips', drip.id as number)?.members as Row[];
		expect(members().map((member) => member.customer_id)).toEqual([a, b]);
		expect(items[0].json).toMatchObject({ added_customer_ids: [a, b], already_members: [] });

		sim.clearRequests();
		const again = await run(sim, add);
		expect(writesOf(sim)).toEqual([]);
		expect(again[0].json).toMatchObject({ added_customer_ids: [], already_members: [a, b] });

		await run(sim, {
			resource: 'drip',
			operation: 'removeMembers',
			recordId: byId(drip.id),
			customerIds: String(a),
		});
		expect(writesOf(sim).map((request) => [request.method, request.body])).toEqual([
			['DELETE', { customer_ids: [a] }],
		]);
		expect(members().find((member) => member.customer_id === a)?.completed_at).toEqual(
			expect.any(String),
		);
		expect(members().find((member) => member.customer_id === b)?.completed_at).toBeNull();
	});
});

// ---- adcodes by name, state by postal code ------------------------------------------------------

describe('Adcode → Get by Name, and Get by ID', () => {
	let byNumber: Row;
	let numericName: Row;
	let promo: Row;
	beforeAll(() => {
		byNumber = sim.store.create('adcodes', { id: 2024, name: 'spring', visits: 0 });
		numericName = sim.store.create('adcodes', { name: '2024', visits: 0 });
		promo = sim.store.create('adcodes', { name: 'promo0514', visits: 5 });
	});

	it('a plain name goes to GET /adcodes/{name}', async () => {
		const items = await run(sim, {
			resource: 'adcode',
			operation: 'getByName',
			adcodeName: 'promo0514',
		});
		expect(linesOf(sim.requests)).toEqual(['GET /adcodes/promo0514']);
		expect(items[0].json).toMatchObject({ id: promo.id, name: 'promo0514' });
	});

	it('a numeric-looking name is looked up by name, never taken for the ID route', async () => {
		const items = await run(sim, {
			resource: 'adcode',
			operation: 'getByName',
			adcodeName: '2024',
		});
		expect(routesOf(sim.requests)).toEqual(['GET /adcodes']);
		expect(queryOf(sim.requests[0])).toMatchObject({ name: 'eq:2024' });
		expect(items[0].json).toMatchObject({ id: numericName.id, name: '2024' });
		expect(items[0].json.id).not.toBe(2024);
	});

	it('Get by ID 2024 still reads the adcode with that ID', async () => {
		const items = await run(sim, {
			resource: 'adcode',
			operation: 'get',
			recordId: byId(2024),
			simplify: false,
		});
		expect(routesOf(sim.requests)).toEqual(['GET /adcodes/2024']);
		expect(items[0].json).toMatchObject({ id: byNumber.id, name: 'spring' });
	});

	it('a name only a longer name contains is not found, even on a server matching by contains', async () => {
		sim.options.lookupMatching = 'contains';
		const error = await runFailing(sim, {
			resource: 'adcode',
			operation: 'getByName',
			adcodeName: '202',
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Name: no adcode is named "202"/);
	});
});

describe('Address → Get State by Postal Code', () => {
	it('returns the state of a postal code', async () => {
		const items = await run(sim, {
			resource: 'address',
			operation: 'getStateByPostalCode',
			postalCode: ' 77702 ',
		});
		expect(linesOf(sim.requests)).toEqual(['GET /addresses/state_by_postalcode/77702']);
		expect(items[0].json).toEqual({
			postal_code: '77702',
			id: 43,
			state: 'Texas',
			state_code: 'TX',
			country_id: 1,
			is_system_state: true,
		});
	});

	it('refuses a value that would change the route, before any request; an unknown code is a 404 naming it', async () => {
		await expectInputError(
			sim,
			{ resource: 'address', operation: 'getStateByPostalCode', postalCode: '77/../1' },
			'Postal Code',
		);
		const error = await runFailing(sim, {
			resource: 'address',
			operation: 'getStateByPostalCode',
			postalCode: '00000',
		});
		expect(error.description).toMatch(/No state is known for postal code 00000/);
	});
});

// ---- inventory by name, expand ------------------------------------------------------------------

describe('Inventory by product name (item_name)', () => {
	function plain(name: string, sku: string): Row {
		return sim.store.create('products', {
			item_number: sku,
			item_name: name,
			gtin: '',
			price: 10,
			quantity_on_hand: 7,
			use_variant_inventory: false,
			product_status_id: 1,
			primary_category_id: 1,
		});
	}

	it('Get by name: the one product with exactly that name, via GET /inventory?item_name=', async () => {
		const cap = plain('Cap', 'CAP-N1');
		plain('Cap Large', 'CAP-N2');
		sim.options.lookupMatching = 'contains';
		const items = await run(sim, {
			resource: 'inventory',
			operation: 'get',
			identifierType: 'item_name',
			identifierValue: 'cap',
		});
		expect(linesOf(sim.requests).map((line) => line.replace(/&.*$/, ''))).toEqual([
			expect.stringMatching(/^GET \/products\?/),
			'GET /inventory?item_name=cap',
		]);
		expect(items[0].json).toMatchObject({ product_id: cap.id, item_name: 'Cap', quantity: 7 });
	});

	it('Set by name writes by the product’s ID', async () => {
		const hat = plain('Sun Hat', 'HAT-N1');
		await run(sim, {
			resource: 'inventory',
			operation: 'set',
			identifierType: 'item_name',
			identifierValue: 'Sun Hat',
			quantity: 12,
		});
		expect(writesOf(sim).map((request) => request.body)).toEqual([
			{ product_id: hat.id, quantity: 12 },
		]);
		expect(sim.store.get('products', hat.id as number)?.quantity_on_hand).toBe(12);
	});

	it('a name two products share is refused, nothing written', async () => {
		const first = plain('Twin', 'TWIN-1');
		plain('Twin', 'TWIN-2');
		const error = await runFailing(sim, {
			resource: 'inventory',
			operation: 'add',
			identifierType: 'item_name',
			identifierValue: 'Twin',
			quantity: 1,
		});
		expect(error.message).toMatch(/^Identifier: "Twin" is the name of 2 products/);
		expect(writesOf(sim)).toEqual([]);
		expect(sim.store.get('products', first.id as number)?.quantity_on_hand).toBe(7);
	});
});

describe('Include Related (expand): order payment fields, profile contacts', () => {
	it('Order Payment → Get with fields: sends expand=fields and returns the stored fields', async () => {
		const payment = sim.store.list('order_payments')[0];
		sim.store.update('order_payments', payment.id as number, {
			fields: [{ id: 14, order_payment_id: payment.id, name: 'Sign your name', value: 'J. Doe' }],
		});
		const items = await run(sim, {
			resource: 'orderPayment',
			operation: 'get',
			recordId: byId(payment.id),
			simplify: false,
			options: { expand: ['fields'] },
		});
		expect(queryOf(sim.requests[0])).toMatchObject({ expand: 'fields' });
		expect(items[0].json.fields).toEqual([expect.objectContaining({ name: 'Sign your name' })]);
	});

	it('Profile → Get Many offers contacts and sends expand=contacts', async () => {
		sim.store.create('profiles', { username: 'chris' });
		await run(sim, {
			resource: 'profile',
			operation: 'getAll',
			returnAll: true,
			options: { expand: ['contacts'] },
		});
		expect(queryOf(sim.requests[0])).toMatchObject({ expand: 'contacts' });
	});
});
