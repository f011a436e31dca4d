/**
 * The Cart.com Webhook Trigger's webhook() in n8n-core's WebhookContext: requests without the
 * registration's secret are refused (401, nothing emitted), and the simulator's own deliveries of
 * the documented payloads become one item each, the record unwrapped.
 */
import type { IDataObject } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import { startInstance, storeHooks, tokenOf, type Instance } from './kit';

describe('Cart.com Webhook Trigger: receiving', () => {
	let sim: Simulator;
	let instances: Instance[] = [];

	beforeEach(async () => {
		sim = await startStore();
	});
	afterEach(async () => {
		for (const instance of instances) await instance.stop();
		instances = [];
		await sim.webhooks.idle();
		await sim.stop();
	});

	const activated = async (parameters: IDataObject) => {
		const instance = await startInstance(parameters as never, { sim });
		instances.push(instance);
		await instance.activate();
		return instance;
	};
	const notify = (events: string[]) => activated({ eventKind: 'notify', events });
	const tokenFor = (node: Instance) =>
		tokenOf(storeHooks(sim).find((hook) => String(hook.url).startsWith(node.webhookUrl()))?.url);
	const path = (node: Instance, query: string) =>
		`${node.webhookUrl().slice(node.receiverBase.length)}${query}`;
	const order = { order: { id: 100001, order_status_id: 1 } };

	it('refuses a post without the token, with a wrong token, or for an event not registered (401, nothing emitted)', async () => {
		const node = await notify(['OrderPlaced']);
		const token = tokenFor(node);
		const refused = [
			await node.post(path(node, '?event=OrderPlaced'), order),
			await node.post(path(node, ''), order),
			await node.post(path(node, `?event=OrderPlaced&token=${token.slice(0, -1)}0`), order),
			await node.post(path(node, `?event=OrderPlaced&token=${token}x`), order),
			await node.post(path(node, '?event=OrderPlaced&token='), order),
			await node.post(path(node, `?event=OrderShipped&token=${token}`), order),
			await node.post(path(node, `?token=${token}`), order),
		];
		for (const outcome of refused) expect(outcome).toMatchObject({ status: 401, items: [] });
		expect(await node.post(path(node, `?event=OrderPlaced&token=${token}`), order)).toMatchObject({
			status: 200,
			items: [{ id: 100001, order_status_id: 1, event: 'OrderPlaced' }],
		});
	});

	it('refuses everything once deactivated, and the test URL token does not open the production URL', async () => {
		const node = await notify(['OrderPlaced']);
		const production = tokenFor(node);
		await node.activate('test');
		const test = tokenOf(
			storeHooks(sim).find((hook) => String(hook.url).startsWith(node.webhookUrl('test')))?.url,
		);
		expect((await node.post(path(node, `?event=OrderPlaced&token=${test}`), order)).status).toBe(
			401,
		);
		await node.hook('delete');
		expect(
			(await node.post(path(node, `?event=OrderPlaced&token=${production}`), order)).status,
		).toBe(401);
	});

	it("the simulator's deliveries become one item per event, record unwrapped, with old/new values", async () => {
		const node = await notify([
			'NewOrder',
			'OrderPlaced',
			'OrderStatusChanged',
			'ProductUpdated',
			'CustomerEmailUpdated',
		]);
		const orderId = sim.store.list('orders')[0].id as number;
		await sim.webhooks.fire('OrderPlaced', orderId);
		const customer = sim.store.list('customers')[0];
		await sim.webhooks.fire('CustomerEmailUpdated', customer.id as number);
		const product = sim.store.list('products')[0];
		await sim.webhooks.fire('ProductUpdated', product.id as number);

		expect(node.received.map((outcome) => outcome.status)).toEqual([200, 200, 200]);
		const [placed, email, updated] = node.received.map((outcome) => outcome.items);
		expect(placed).toEqual([{ ...sim.store.get('orders', orderId), event: 'OrderPlaced' }]);
		expect(email).toHaveLength(1);
		expect(email[0]).toMatchObject({ id: customer.id, event: 'CustomerEmailUpdated' });
		expect(email[0]).toHaveProperty('old_email');
		expect(email[0]).toHaveProperty('new_email');
		expect(email[0]).not.toHaveProperty('customer');
		expect(updated).toEqual([
			{ ...sim.store.get('products', product.id as number), event: 'ProductUpdated' },
		]);
		for (const outcome of node.received)
			expect(JSON.stringify(outcome.items)).not.toContain(tokenFor(node));
	});

	it('an order status change in the store reaches the node as OrderStatusChanged with old_status and new_status', async () => {
		const node = await notify(['OrderStatusChanged']);
		const orderId = sim.store.list('orders')[0].id as number;
		const before = sim.store.get('orders', orderId)!;
		const statuses = sim.store.list('order_statuses');
		const next = statuses.find((status) => status.id !== before.order_status_id)!;
		const response = await fetch(`${sim.apiBase}/orders/${orderId}/status`, {
			method: 'PUT',
			headers: { 'X-AC-Auth-Token': sim.options.accessToken, 'Content-Type': 'application/json' },
			body: JSON.stringify({ order_status_id: next.id }),
		});
		expect(response.status).toBeLessThan(300);
		await sim.webhooks.idle();

		expect(node.received).toHaveLength(1);
		const [item] = node.received[0].items;
		expect(item).toMatchObject({
			id: orderId,
			order_status_id: next.id,
			event: 'OrderStatusChanged',
		});
		expect(item.old_status).toMatchObject({ id: before.order_status_id });
		expect(item.new_status).toMatchObject({ id: next.id });
	});

	it('unwraps every documented wrapper: order_payment, quote, customer, and the item of ProductStatusChanged', async () => {
		const node = await notify([
			'PaymentProcessed',
			'NewQuote',
			'CustomerRegistered',
			'ProductStatusChanged',
		]);
		const token = tokenFor(node);
		const post = async (event: string, body: IDataObject) =>
			(await node.post(path(node, `?event=${event}&token=${token}`), body)).items;
		expect(await post('PaymentProcessed', { order_payment: { id: 7, amount: 12.5 } })).toEqual([
			{ id: 7, amount: 12.5, event: 'PaymentProcessed' },
		]);
		expect(await post('NewQuote', { quote: { id: 3 } })).toEqual([{ id: 3, event: 'NewQuote' }]);
		expect(await post('CustomerRegistered', { customer: { id: 9 } })).toEqual([
			{ id: 9, event: 'CustomerRegistered' },
		]);
		expect(await post('ProductStatusChanged', { item: { product_id: 4, inventory: 2 } })).toEqual([
			{ product_id: 4, inventory: 2, event: 'ProductStatusChanged' },
		]);
		// An unexpected shape is passed on whole rather than lost.
		expect(await post('NewQuote', { something: 1 })).toEqual([{ something: 1, event: 'NewQuote' }]);
	});

	it('a question (GetPrice) emits the whole request with its event, and refuses it without the token', async () => {
		const node = await activated({ eventKind: 'answer', answerEvent: 'GetPrice' });
		const token = tokenFor(node);
		const body = { items: [{ item_number: 'SKU-1', quantity: 2 }], customer_type_id: 3 };
		expect((await node.post(path(node, '?event=GetPrice'), body)).status).toBe(401);
		expect((await node.post(path(node, `?event=GetPrice&token=${token}`), body)).items).toEqual([
			{ ...body, event: 'GetPrice' },
		]);
	});
});
