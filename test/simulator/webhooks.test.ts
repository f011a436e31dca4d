/**
 * Webhook side of the Cart.com simulator (Cart.com docs/webhooks.md): subscriptions through the
 * REST API, notify deliveries on store changes, and the synchronous GetPrice / sync flows, checked
 * against a real local HTTP receiver.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type SimRecord, type Simulator, type WebhookDelivery } from '.';
import type { MemoryStore } from './store';

const TOKEN = 'hook-token';

interface Hit {
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: unknown;
	at: number;
}

/** What a receiver path answers: status, JSON or raw body, a delay, extra headers. */
interface Reply {
	status?: number;
	json?: unknown;
	raw?: string;
	delayMs?: number;
	headers?: Record<string, string>;
}

interface Receiver {
	url: string;
	hits: Hit[];
	replies: Map<string, Reply>;
	hitsOn(path: string): Hit[];
	close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
	const hits: Hit[] = [];
	const replies = new Map<string, Reply>();
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const target = new URL(req.url ?? '/', 'http://receiver');
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// kept as text
			}
			hits.push({
				path: target.pathname,
				query: target.searchParams,
				headers: req.headers,
				body,
				at: Date.now(),
			});
			const reply = replies.get(target.pathname) ?? {};
			const answer = (): void => {
				if (res.destroyed) return;
				res.writeHead(reply.status ?? 200, {
					'Content-Type': 'application/json',
					...reply.headers,
				});
				res.end(reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json)));
			};
			if (reply.delayMs) {
				const timer = setTimeout(() => {
					timers.delete(timer);
					answer();
				}, reply.delayMs);
				timers.add(timer);
			} else answer();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		hits,
		replies,
		hitsOn: (path) => hits.filter((hit) => hit.path === path),
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

async function api(
	sim: Simulator,
	path: string,
	method = 'GET',
	body?: unknown,
): Promise<{ status: number; json: SimRecord }> {
	const response = await fetch(`${sim.apiBase}${path}`, {
		method,
		headers: { 'X-AC-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, json: (text ? JSON.parse(text) : {}) as SimRecord };
}

async function control(
	sim: Simulator,
	path: string,
	method = 'POST',
	body?: unknown,
): Promise<{ status: number; json: SimRecord }> {
	const response = await fetch(`${sim.url}/_control/webhooks/${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, json: (text ? JSON.parse(text) : {}) as SimRecord };
}

async function subscribe(
	sim: Simulator,
	eventType: string,
	url: string,
	extra: SimRecord = {},
): Promise<number> {
	const created = await api(sim, '/webhooks', 'POST', { event_type: eventType, url, ...extra });
	expect(created.status).toBe(201);
	return created.json.id as number;
}

/** A new order's required fields, borrowed from a seeded order. */
function orderFields(sim: Simulator, statusId: number): SimRecord {
	const seeded = sim.store.list('orders')[0];
	return {
		customer_id: seeded.customer_id,
		order_status_id: statusId,
		order_billing_address_id: seeded.order_billing_address_id,
		order_shipping_address_id: seeded.order_shipping_address_id,
		store_id: 1,
	};
}

const events = (deliveries: WebhookDelivery[]): string[] =>
	deliveries.map((delivery) => delivery.event_type).sort();

describe('simulator webhooks', () => {
	let sim: Simulator;
	let receiver: Receiver;

	beforeEach(async () => {
		sim = await startSimulator({
			accessToken: TOKEN,
			rateLimit: false,
			sizes: { orders: 20, products: 20, customers: 20 },
			webhookTimeouts: { notifyMs: 500, syncMs: 400 },
		});
		receiver = await startReceiver();
	});

	afterEach(async () => {
		await sim.stop();
		await receiver.close();
	});

	describe('subscriptions (/api/v1/webhooks)', () => {
		it('validates event_type, failure_type, cache_length and the urls, answering Cart.com-style errors', async () => {
			const cases: Array<[SimRecord, number, RegExp]> = [
				[{ event_type: 'OrderPlace', url: receiver.url }, 400, /event_type "OrderPlace"/],
				[{ event_type: 'orderplaced', url: receiver.url }, 400, /event_type/],
				[{ url: receiver.url }, 400, /event_type is required/],
				[{ event_type: 'OrderPlaced' }, 400, /url is required/],
				[{ event_type: 'OrderPlaced', url: 'ftp://x/y' }, 400, /url must be an absolute/],
				[{ event_type: 'GetPrice', url: receiver.url, failure_type: 'Retry' }, 400, /failure_type/],
				[
					{ event_type: 'GetPrice', url: receiver.url, cache_length: 'Forever' },
					400,
					/cache_length/,
				],
				[{ event_type: 'GetPrice', url: receiver.url, fallback_url: 'nope' }, 400, /fallback_url/],
				[{ event_type: 'OrderPlaced', url: receiver.url, store_id: 99 }, 409, /store_id 99/],
			];
			for (const [body, status, details] of cases) {
				const answer = await api(sim, '/webhooks', 'POST', body);
				expect({ body, status: answer.status }).toEqual({ body, status });
				expect(answer.json).toEqual({
					status_code: status,
					message: status === 400 ? 'Bad Request' : 'Conflict',
					details: expect.stringMatching(details),
				});
			}
			expect(sim.store.count('webhooks')).toBe(1);

			const created = await api(sim, '/webhooks', 'POST', {
				event_type: 'GetPrice',
				url: `${receiver.url}/price`,
			});
			expect(created.status).toBe(201);
			expect(created.json).toMatchObject({
				event_type: 'GetPrice',
				url: `${receiver.url}/price`,
				failure_type: 'Ignore',
				cache_length: 'Short',
				store_id: null,
			});
			const badUpdate = await api(sim, `/webhooks/${created.json.id as number}`, 'PUT', {
				failure_type: 'ignore',
			});
			expect(badUpdate.status).toBe(400);
			const update = await api(sim, `/webhooks/${created.json.id as number}`, 'PUT', {
				failure_type: 'Fallback',
				fallback_url: `${receiver.url}/fallback`,
				cache_length: 'NoCache',
			});
			expect(update.status).toBe(200);
			expect(update.json).toMatchObject({ failure_type: 'Fallback', cache_length: 'NoCache' });
		});

		it('keeps the seeded subscription, and never calls its reserved example.com url', async () => {
			const list = await api(sim, '/webhooks');
			expect(list.json.webhooks).toEqual([
				expect.objectContaining({
					id: 1,
					event_type: 'OrderPlaced',
					url: 'https://hooks.example.com/cart/orderplaced',
				}),
			]);
			expect((sim.store as MemoryStore).changeListener?.wants('orders')).toBe(false);
			expect((await api(sim, '/orders', 'POST', orderFields(sim, 1))).status).toBe(201);
			await sim.webhooks.idle();
			expect(sim.webhooks.deliveries()).toEqual([]);
		});
	});

	describe('notify deliveries', () => {
		it('delivers NewOrder, NewValidOrder and OrderPlaced once each, after the API answered', async () => {
			for (const event of ['NewOrder', 'NewValidOrder', 'OrderPlaced'])
				await subscribe(sim, event, `${receiver.url}/${event}?token=s3cret`);
			receiver.replies.set('/OrderPlaced', { delayMs: 300 });
			const started = Date.now();
			const created = await api(sim, '/orders', 'POST', orderFields(sim, 1));
			expect(created.status).toBe(201);
			expect(Date.now() - started).toBeLessThan(300);
			expect(receiver.hitsOn('/OrderPlaced')).toHaveLength(0);

			await sim.webhooks.idle();
			expect(receiver.hits.map((hit) => hit.path).sort()).toEqual([
				'/NewOrder',
				'/NewValidOrder',
				'/OrderPlaced',
			]);
			const stored = sim.store.get('orders', created.json.id as number);
			for (const hit of receiver.hits) {
				expect(hit.body).toEqual({ order: stored });
				expect(hit.query.get('token')).toBe('s3cret');
				expect(hit.headers['content-type']).toMatch(/^application\/json/);
				expect(hit.headers.authorization).toBeUndefined();
				expect(hit.headers['x-ac-auth-token']).toBeUndefined();
			}
			const deliveries = sim.webhooks.deliveries();
			expect(events(deliveries)).toEqual(['NewOrder', 'NewValidOrder', 'OrderPlaced']);
			expect(deliveries.every((d) => d.outcome === 'delivered' && d.status === 200)).toBe(true);
			expect(
				deliveries.find((d) => d.event_type === 'OrderPlaced')?.duration_ms,
			).toBeGreaterThanOrEqual(290);
		});

		it('does not send NewValidOrder for an order created cancelled or declined', async () => {
			await subscribe(sim, 'NewOrder', `${receiver.url}/new`);
			await subscribe(sim, 'NewValidOrder', `${receiver.url}/valid`);
			await api(sim, '/orders', 'POST', orderFields(sim, 5)); // Cancelled
			await api(sim, '/orders', 'POST', orderFields(sim, 6)); // Declined
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/new')).toHaveLength(2);
			expect(receiver.hitsOn('/valid')).toHaveLength(0);
		});

		it('a status change to Shipped delivers OrderUpdated, OrderStatusChanged with both status records, and OrderShipped', async () => {
			// Pending before anyone listens: this write delivers nothing.
			const order = sim.store.update('orders', sim.store.list('orders')[0].id as number, {
				order_status_id: 1,
			});
			for (const event of [
				'OrderUpdated',
				'OrderStatusChanged',
				'OrderShipped',
				'OrderCanceled',
				'OrderDeclined',
			])
				await subscribe(sim, event, `${receiver.url}/${event}`);
			const changed = await api(sim, `/orders/${order.id as number}/status`, 'PUT', {
				order_status_id: 3,
			});
			expect(changed.status).toBe(200);
			await sim.webhooks.idle();
			expect(receiver.hits.map((hit) => hit.path).sort()).toEqual([
				'/OrderShipped',
				'/OrderStatusChanged',
				'/OrderUpdated',
			]);
			const statusChange = receiver.hitsOn('/OrderStatusChanged')[0].body as SimRecord;
			expect(statusChange).toEqual({
				order: sim.store.get('orders', order.id as number),
				old_status: sim.store.get('order_statuses', 1),
				new_status: sim.store.get('order_statuses', 3),
			});
			expect((statusChange.new_status as SimRecord).name).toBe('Shipped');

			await api(sim, `/orders/${order.id as number}`, 'PUT', { order_status_id: 5 });
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/OrderCanceled')).toHaveLength(1);
			expect(receiver.hitsOn('/OrderShipped')).toHaveLength(1);
			// An update that keeps the status is an OrderUpdated only.
			await api(sim, `/orders/${order.id as number}`, 'PUT', {
				order_status_id: 5,
				ip_address: '10.0.0.9',
			});
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/OrderUpdated')).toHaveLength(3);
			expect(receiver.hitsOn('/OrderStatusChanged')).toHaveLength(2);
		});

		it('filters by store_id: a subscription of store 2 hears nothing of store 1, one without store_id hears all', async () => {
			sim.store.create('stores', { id: 2, name: 'Second store' });
			await subscribe(sim, 'OrderPlaced', `${receiver.url}/store2`, { store_id: 2 });
			await subscribe(sim, 'OrderPlaced', `${receiver.url}/store1`, { store_id: 1 });
			await subscribe(sim, 'OrderPlaced', `${receiver.url}/any`);
			await api(sim, '/orders', 'POST', orderFields(sim, 1));
			await api(sim, '/orders', 'POST', { ...orderFields(sim, 1), store_id: 2 });
			await sim.webhooks.idle();
			expect(
				receiver.hitsOn('/store1').map((hit) => (hit.body as { order: SimRecord }).order.store_id),
			).toEqual([1]);
			expect(
				receiver.hitsOn('/store2').map((hit) => (hit.body as { order: SimRecord }).order.store_id),
			).toEqual([2]);
			expect(receiver.hitsOn('/any')).toHaveLength(2);
		});

		it('products: ProductCreated, ProductUpdated, and ProductStatusChanged with the documented item', async () => {
			for (const event of ['ProductCreated', 'ProductUpdated', 'ProductStatusChanged'])
				await subscribe(sim, event, `${receiver.url}/${event}`);
			const product = sim.store
				.list('products')
				.find((p) => p.product_status_id === 1) as SimRecord;
			await api(sim, `/products/${product.id as number}`, 'PUT', { price: 12.5 });
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/ProductUpdated').map((hit) => hit.body)).toEqual([
				{ product: sim.store.get('products', product.id as number) },
			]);
			expect(receiver.hitsOn('/ProductStatusChanged')).toHaveLength(0);

			await api(sim, `/products/${product.id as number}`, 'PUT', { product_status_id: 2 });
			await sim.webhooks.idle();
			const stored = sim.store.get('products', product.id as number) as SimRecord;
			expect(receiver.hitsOn('/ProductStatusChanged').map((hit) => hit.body)).toEqual([
				{
					item: {
						product_id: product.id,
						variant_inventory_id: null,
						product_status_id: 2,
						product: stored,
						variant_inventory: null,
						product_status: sim.store.get('product_statuses', 2),
						inventory: stored.quantity_on_hand,
						item_number: stored.item_number,
						manufacturer_item_number: stored.manufacturer_part_number,
					},
				},
			]);
			expect(receiver.hitsOn('/ProductCreated')).toHaveLength(0);
			// In-process writes deliver too: every way of changing the store goes through one hook.
			sim.store.create('products', { item_name: 'New', price: 3, product_status_id: 1 });
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/ProductCreated')).toHaveLength(1);
		});

		it('customers: CustomerCreated, CustomerUpdated and CustomerEmailUpdated with old and new e-mail', async () => {
			for (const event of ['CustomerCreated', 'CustomerUpdated', 'CustomerEmailUpdated'])
				await subscribe(sim, event, `${receiver.url}/${event}`);
			const created = await api(sim, '/customers', 'POST', { email: 'a@shop.test', store_id: 1 });
			expect(created.status).toBe(201);
			const id = created.json.id as number;
			await api(sim, `/customers/${id}`, 'PUT', { email: 'b@shop.test' });
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/CustomerCreated')).toHaveLength(1);
			expect(receiver.hitsOn('/CustomerUpdated')).toHaveLength(1);
			expect(receiver.hitsOn('/CustomerEmailUpdated').map((hit) => hit.body)).toEqual([
				{
					old_email: 'a@shop.test',
					new_email: 'b@shop.test',
					customer: sim.store.get('customers', id),
				},
			]);
		});

		it('does not follow redirects, records timeouts and network errors, and never breaks the API answer', async () => {
			receiver.replies.set('/moved', {
				status: 302,
				headers: { Location: `${receiver.url}/target` },
			});
			receiver.replies.set('/slow', { delayMs: 2000 });
			const closed = await startReceiver();
			const deadUrl = `${closed.url}/gone`;
			await closed.close();
			await subscribe(sim, 'OrderPlaced', `${receiver.url}/moved`);
			await subscribe(sim, 'OrderPlaced', `${receiver.url}/slow`);
			await subscribe(sim, 'OrderPlaced', deadUrl);
			const created = await api(sim, '/orders', 'POST', orderFields(sim, 1));
			expect(created.status).toBe(201);
			await sim.webhooks.idle();
			const byUrl = new Map(sim.webhooks.deliveries().map((d) => [d.url, d]));
			expect(byUrl.get(`${receiver.url}/moved`)).toMatchObject({
				status: 302,
				outcome: 'http_error',
			});
			expect(byUrl.get(`${receiver.url}/slow`)).toMatchObject({ status: 0, outcome: 'timeout' });
			expect(byUrl.get(`${receiver.url}/slow`)?.duration_ms).toBeLessThan(1500);
			expect(byUrl.get(deadUrl)).toMatchObject({ status: 0, outcome: 'network_error' });
			expect(receiver.hitsOn('/target')).toHaveLength(0);
			expect(sim.webhooks.deliveries()).toHaveLength(3);
		});

		it('stops delivering when the subscription is deleted', async () => {
			const id = await subscribe(sim, 'OrderPlaced', `${receiver.url}/placed`);
			await api(sim, '/orders', 'POST', orderFields(sim, 1));
			await sim.webhooks.idle();
			expect((await api(sim, `/webhooks/${id}`, 'DELETE')).status).toBe(204);
			await api(sim, '/orders', 'POST', orderFields(sim, 1));
			await sim.webhooks.idle();
			expect(receiver.hitsOn('/placed')).toHaveLength(1);
			expect((sim.store as MemoryStore).changeListener?.wants('orders')).toBe(false);
		});
	});

	describe('control routes', () => {
		it('fire delivers an event for an existing record and answers after the delivery; deliveries lists and clears', async () => {
			await subscribe(sim, 'OrderShipped', `${receiver.url}/shipped`);
			const order = sim.store.list('orders')[0];
			const fired = await control(sim, 'fire', 'POST', {
				event_type: 'OrderShipped',
				record_id: order.id,
			});
			expect(fired.status).toBe(200);
			expect(fired.json.deliveries).toEqual([
				expect.objectContaining({
					event_type: 'OrderShipped',
					url: `${receiver.url}/shipped`,
					status: 200,
					outcome: 'delivered',
					body: { order },
				}),
			]);
			expect(receiver.hitsOn('/shipped')).toHaveLength(1);
			const listed = await control(sim, 'deliveries', 'GET');
			expect(listed.json.deliveries).toEqual(fired.json.deliveries);
			expect((await control(sim, 'deliveries', 'DELETE')).status).toBe(204);
			expect(sim.webhooks.deliveries()).toEqual([]);

			expect(
				(await control(sim, 'fire', 'POST', { event_type: 'OrderShipped', record_id: 1 })).status,
			).toBe(404);
			expect(
				(await control(sim, 'fire', 'POST', { event_type: 'GetPrice', record_id: order.id }))
					.status,
			).toBe(400);
			expect(
				(await control(sim, 'fire', 'POST', { event_type: 'Nope', record_id: order.id })).status,
			).toBe(400);
			expect((await control(sim, 'nothing', 'POST', {})).status).toBe(404);
			expect(sim.requests.some((request) => request.path.startsWith('/_control'))).toBe(false);
		});
	});

	describe('GetPrice', () => {
		const sku = (sim: Simulator, index: number): SimRecord =>
			sim.store.list('products').filter((p) => !p.use_variant_inventory)[index];

		it('sends the documented request and applies a valid answer only for the items asked', async () => {
			const [a, b] = [sku(sim, 0), sku(sim, 1)];
			await subscribe(sim, 'GetPrice', `${receiver.url}/price`);
			receiver.replies.set('/price', {
				json: {
					prices: [
						{ item_number: a.item_number, price: 7.25, cost: 1 },
						{ item_number: 'NOT-ASKED', price: 1 },
					],
				},
			});
			const result = await sim.webhooks.getPrice({
				items: [
					{ item_number: a.item_number as string, quantity: 3 },
					{ item_number: b.item_number as string },
				],
				customer_type_id: 2,
			});
			expect(receiver.hitsOn('/price').map((hit) => hit.body)).toEqual([
				{
					items: [
						{
							item_number: a.item_number,
							quantity: 3,
							variant_ids: [],
							variant_inventory_id: null,
						},
						{
							item_number: b.item_number,
							quantity: 1,
							variant_ids: [],
							variant_inventory_id: null,
						},
					],
					customer_type_id: 2,
				},
			]);
			expect(result).toMatchObject({
				outcome: 'answered',
				prices: [
					{ item_number: a.item_number, price: 7.25, source: 'webhook' },
					{ item_number: b.item_number, price: b.price, source: 'store' },
				],
			});
			expect(result.prices).toHaveLength(2);
		});

		it('over HTTP: /_control/webhooks/get_price answers the contract shape', async () => {
			const a = sku(sim, 0);
			await subscribe(sim, 'GetPrice', `${receiver.url}/price`);
			receiver.replies.set('/price', {
				json: { prices: [{ item_number: a.item_number, price: '9.90' }] },
			});
			const answer = await control(sim, 'get_price', 'POST', {
				items: [{ item_number: a.item_number, quantity: 1 }],
				customer_type_id: 0,
			});
			expect(answer.status).toBe(200);
			expect(answer.json).toMatchObject({
				outcome: 'answered',
				prices: [{ item_number: a.item_number, price: 9.9, source: 'webhook' }],
				elapsed_ms: expect.any(Number),
			});
			expect((await control(sim, 'get_price', 'POST', { items: [] })).status).toBe(400);
		});

		it('waits the documented 3 s by default, then applies failure_type Ignore (store price)', async () => {
			sim.webhooks.timeouts.syncMs = 3000;
			const a = sku(sim, 0);
			await subscribe(sim, 'GetPrice', `${receiver.url}/slow`);
			receiver.replies.set('/slow', {
				delayMs: 5000,
				json: { prices: [{ item_number: a.item_number, price: 1 }] },
			});
			const result = await sim.webhooks.getPrice({
				items: [{ item_number: a.item_number as string }],
			});
			expect(result).toMatchObject({
				outcome: 'ignored',
				prices: [{ item_number: a.item_number, price: a.price, source: 'store' }],
				reason: expect.stringMatching(/timeout/),
			});
			expect(result.elapsed_ms).toBeGreaterThanOrEqual(2950);
			expect(result.elapsed_ms).toBeLessThan(4000);
		}, 10_000);

		it('a late answer with failure_type Error is an error result', async () => {
			const a = sku(sim, 0);
			await subscribe(sim, 'GetPrice', `${receiver.url}/slow`, { failure_type: 'Error' });
			receiver.replies.set('/slow', { delayMs: 1000, json: { prices: [] } });
			const result = await sim.webhooks.getPrice({
				items: [{ item_number: a.item_number as string }],
			});
			expect(result).toMatchObject({ outcome: 'error', prices: [] });
			expect(result.attempts).toEqual([
				expect.objectContaining({ kind: 'sync', outcome: 'timeout' }),
			]);
		});

		it('Fallback asks fallback_url under the same deadline, and is an error when that fails too', async () => {
			const a = sku(sim, 0);
			const id = await subscribe(sim, 'GetPrice', `${receiver.url}/slow`, {
				failure_type: 'Fallback',
				fallback_url: `${receiver.url}/fallback`,
			});
			receiver.replies.set('/slow', { delayMs: 1000 });
			receiver.replies.set('/fallback', {
				json: { prices: [{ item_number: a.item_number, price: 4 }] },
			});
			const rescued = await sim.webhooks.getPrice({
				items: [{ item_number: a.item_number as string }],
			});
			expect(rescued).toMatchObject({
				outcome: 'fallback',
				webhook_id: id,
				prices: [{ item_number: a.item_number, price: 4, source: 'fallback' }],
			});
			expect(rescued.attempts.map((attempt) => [attempt.kind, attempt.outcome])).toEqual([
				['sync', 'timeout'],
				['fallback', 'delivered'],
			]);
			expect(receiver.hitsOn('/fallback')[0].body).toEqual(receiver.hitsOn('/slow')[0].body);

			receiver.replies.set('/fallback', { delayMs: 1000 });
			const failed = await sim.webhooks.getPrice({
				items: [{ item_number: a.item_number as string }],
			});
			expect(failed).toMatchObject({ outcome: 'error', prices: [] });
			expect(failed.elapsed_ms).toBeLessThan(1500);
		});

		it('an invalid answer (non-numeric or negative price, not JSON, HTTP 500) takes the failure path', async () => {
			const a = sku(sim, 0);
			await subscribe(sim, 'GetPrice', `${receiver.url}/price`, { failure_type: 'Error' });
			const replies: Reply[] = [
				{ json: { prices: [{ item_number: a.item_number, price: 'free' }] } },
				{ json: { prices: [{ item_number: a.item_number, price: -1 }] } },
				{ json: { price: 3 } },
				{ raw: '<html>oops</html>' },
				{ status: 500, json: { prices: [{ item_number: a.item_number, price: 3 }] } },
			];
			for (const reply of replies) {
				receiver.replies.set('/price', reply);
				const result = await sim.webhooks.getPrice({
					items: [{ item_number: a.item_number as string }],
				});
				expect({ reply, outcome: result.outcome }).toEqual({ reply, outcome: 'error' });
			}
		});

		it('without a GetPrice subscription the store price applies (ignored, webhook_id null)', async () => {
			const a = sku(sim, 0);
			const result = await sim.webhooks.getPrice({
				items: [{ item_number: a.item_number as string }],
			});
			expect(result).toMatchObject({
				outcome: 'ignored',
				webhook_id: null,
				prices: [{ item_number: a.item_number, price: a.price, source: 'store' }],
				attempts: [],
			});
			expect(sim.webhooks.timeouts).toEqual({ notifyMs: 500, syncMs: 400 });
		});
	});

	describe('generic sync', () => {
		it('posts the given body to the subscription and returns its answer', async () => {
			await subscribe(sim, 'ValidateCart', `${receiver.url}/validate`);
			receiver.replies.set('/validate', { json: { validation_messages: ['Too many items'] } });
			const answer = await control(sim, 'sync', 'POST', {
				event_type: 'ValidateCart',
				body: { cart: { id: 5 } },
			});
			expect(answer.json).toMatchObject({
				outcome: 'answered',
				answer: { validation_messages: ['Too many items'] },
			});
			expect(receiver.hitsOn('/validate')[0].body).toEqual({ cart: { id: 5 } });
			expect(
				(await control(sim, 'sync', 'POST', { event_type: 'OrderPlaced', body: {} })).status,
			).toBe(400);
		});
	});
});

describe('simulator webhook defaults', () => {
	it('uses the documented 3 s for synchronous calls and 10 s for notify deliveries', async () => {
		const sim = await startSimulator({ sizes: { orders: 1, products: 1, customers: 1 } });
		try {
			expect(sim.webhooks.timeouts).toEqual({ notifyMs: 10_000, syncMs: 3_000 });
		} finally {
			await sim.stop();
		}
	});
});
