/**
 * Behaviour tests of the offline Cart.com API simulator (test/simulator), checked over real HTTP
 * with Node's fetch against Cart.com's public API docs (github.com/AmeriCommerce/rest-api).
 */
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { startSimulator, type SimRecord, type Simulator } from '.';

const TOKEN = 'test-token-123';
const ZONE = 'America/Chicago';

interface ApiResult<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	json: T;
	text: string;
}

async function call<T = Record<string, unknown>>(
	sim: Simulator,
	path: string,
	init: {
		method?: string;
		body?: unknown;
		rawBody?: string;
		headers?: Record<string, string>;
	} = {},
): Promise<ApiResult<T>> {
	const headers: Record<string, string> = { 'X-AC-Auth-Token': TOKEN, ...init.headers };
	let body: string | undefined = init.rawBody;
	if (init.body !== undefined) {
		body = JSON.stringify(init.body);
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(`${sim.apiBase}${path}`, {
		method: init.method ?? 'GET',
		headers,
		body,
	});
	const text = await response.text();
	let json: unknown = undefined;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, json: json as T, text };
}

const instant = (value: unknown): number =>
	DateTime.fromISO(String(value), { setZone: true }).toMillis();
const ids = (records: SimRecord[]): number[] => records.map((record) => record.id as number);
const records = (result: ApiResult, key: string): SimRecord[] => result.json[key] as SimRecord[];

describe('Cart.com simulator', () => {
	let sim: Simulator;
	let clock = DateTime.fromISO('2024-06-15T17:00:00.123Z');

	beforeAll(async () => {
		sim = await startSimulator({ accessToken: TOKEN, now: () => clock, timeZone: ZONE });
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		clock = clock.plus({ minutes: 1 });
	});

	describe('auth', () => {
		it('accepts the access token and rejects a missing or wrong one with the documented 401 body', async () => {
			expect((await call(sim, '/products?count=1')).status).toBe(200);
			const missing = await fetch(`${sim.apiBase}/products?count=1`);
			expect(missing.status).toBe(401);
			expect(await missing.json()).toEqual({
				status_code: 401,
				message: 'Unauthorized',
				details: 'Invalid or missing access token.',
			});
			const wrong = await call(sim, '/products', {
				headers: { 'X-AC-Auth-Token': 'nope-secret-value' },
			});
			expect(wrong.status).toBe(401);
			expect(wrong.text).not.toContain('nope-secret-value');
			expect(wrong.text).not.toContain(TOKEN);
		});

		it('verifies the Central API Router HMAC over the exact on-wire path and query', async () => {
			const target = '/api/v1/orders?count=2&updated_at=gte%3A2024-01-01T00%3A00%3A00Z';
			const sign = (secret: string, method = 'GET', pathAndQuery = target): string =>
				createHmac('sha256', Buffer.from(secret, 'utf8'))
					.update(`${method}&${pathAndQuery}&sim-user`)
					.digest('base64');
			const send = (signature: string, siteId = '1', path = target): Promise<Response> =>
				fetch(`${sim.url}${path}`, {
					headers: {
						'X-AC-PUB-Site-ID': siteId,
						'X-AC-PUB-User': 'sim-user',
						'X-AC-PUB-Auth-Signature': signature,
					},
				});
			const ok = await send(sign('sim-secret'));
			expect(ok.status).toBe(200);
			const body = (await ok.json()) as { orders: SimRecord[] };
			expect(body.orders).toHaveLength(2);
			expect((await send(sign('wrong-secret'))).status).toBe(401);
			expect((await send(sign('sim-secret'), '2')).status).toBe(401);
			// Signing the decoded query instead of the wire form must fail.
			expect(
				(
					await send(
						sign('sim-secret', 'GET', '/api/v1/orders?count=2&updated_at=gte:2024-01-01T00:00:00Z'),
					)
				).status,
			).toBe(401);
			// No query: no '?' in the signed string.
			expect(
				(
					await send(
						sign('sim-secret', 'GET', '/api/v1/order_statuses'),
						'1',
						'/api/v1/order_statuses',
					)
				).status,
			).toBe(200);
		});
	});

	describe('paging', () => {
		it('pages with an absolute next_page, previous_page, and 404 past the end', async () => {
			const first = await call(sim, '/customers?count=10');
			expect(first.status).toBe(200);
			expect(first.json.total_count).toBe(25);
			expect(first.json.next_page).toBe(`${sim.url}/api/v1/customers?page=2&count=10`);
			expect(first.json).not.toHaveProperty('previous_page');
			expect(ids(records(first, 'customers'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

			const third = await call(sim, '/customers?count=10&page=3');
			expect(ids(records(third, 'customers'))).toEqual([21, 22, 23, 24, 25]);
			expect(third.json).not.toHaveProperty('next_page');
			expect(third.json.previous_page).toBe(`${sim.url}/api/v1/customers?page=2&count=10`);

			const past = await call(sim, '/customers?count=10&page=4');
			expect(past.status).toBe(404);
			expect(past.json).toEqual({
				status_code: 404,
				message: 'NotFound',
				details: 'No resource matches the URL specified.',
			});
		});

		it('follows next_page through every order exactly once', async () => {
			const seen: number[] = [];
			let url: string | undefined = `${sim.apiBase}/orders?count=7`;
			while (url) {
				const response = await fetch(url, { headers: { 'X-AC-Auth-Token': TOKEN } });
				expect(response.status).toBe(200);
				const body = (await response.json()) as { orders: SimRecord[]; next_page?: string };
				seen.push(...ids(body.orders));
				url = body.next_page;
			}
			expect(seen).toEqual(ids(sim.store.list('orders')));
			expect(seen).toHaveLength(60);
		});

		it('clamps count to maxPageSize', async () => {
			sim.options.maxPageSize = 4;
			try {
				const page = await call(sim, '/products?count=5000');
				expect(records(page, 'products')).toHaveLength(4);
				expect(page.json.next_page).toBe(`${sim.url}/api/v1/products?page=2&count=4`);
			} finally {
				sim.options.maxPageSize = 1000;
			}
		});

		it('returns 200 with an empty list for an empty filtered first page', async () => {
			const empty = await call(sim, '/orders?customer_id=999999');
			expect(empty.status).toBe(200);
			expect(empty.json).toEqual({ total_count: 0, orders: [] });
			expect((await call(sim, '/orders?customer_id=999999&page=2')).status).toBe(404);
		});

		it('keeps filters in next_page only when nextPageKeepsFilters is set', async () => {
			sim.options.nextPageKeepsFilters = true;
			try {
				const page = await call(sim, '/orders?count=2&order_status_id=3');
				const next = new URL(page.json.next_page as string);
				expect(next.searchParams.get('order_status_id')).toBe('3');
				expect(next.searchParams.get('page')).toBe('2');
			} finally {
				sim.options.nextPageKeepsFilters = false;
			}
		});
	});

	describe('filters and sorting', () => {
		it('filters by eq and case-insensitive like', async () => {
			const shipped = await call(sim, '/orders?order_status_id=3&count=1000');
			const expected = sim.store.list('orders').filter((order) => order.order_status_id === 3);
			expect(expected.length).toBeGreaterThan(0);
			expect(ids(records(shipped, 'orders'))).toEqual(ids(expected));

			const tees = await call(sim, '/products?item_name=like:TEE&count=1000');
			const expectedTees = sim.store
				.list('products')
				.filter((product) => String(product.item_name).toLowerCase().includes('tee'));
			expect(expectedTees.length).toBeGreaterThan(0);
			expect(ids(records(tees, 'products'))).toEqual(ids(expectedTees));
		});

		it('compares dates as instants across -05:00/-06:00 offsets and UTC filters', async () => {
			const all = sim.store.list('orders');
			const offsets = new Set(all.map((order) => String(order.updated_at).slice(-6)));
			expect(offsets).toEqual(new Set(['-05:00', '-06:00']));
			const cutoff = '2024-01-10T00:00:00Z';
			const result = await call(
				sim,
				`/orders?updated_at=gte:${encodeURIComponent(cutoff)}&count=1000`,
			);
			const expected = all.filter((order) => instant(order.updated_at) >= Date.parse(cutoff));
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(all.length);
			expect(ids(records(result, 'orders'))).toEqual(ids(expected));

			// 10:00-06:00 is 16:00Z; 10:30:00.5-05:00 is 15:30:00.5Z: only the first is after 15:45Z.
			const late = sim.store.create('webhooks', {
				event_type: 'A',
				url: 'https://x',
				updated_at: '2024-03-01T10:00:00-06:00',
			});
			const early = sim.store.create('webhooks', {
				event_type: 'B',
				url: 'https://y',
				updated_at: '2024-03-01T10:30:00.5-05:00',
			});
			const hooks = await call(
				sim,
				'/webhooks?updated_at=gt:2024-03-01T15:45:00Z AND lt:2024-03-02T00:00:00Z',
			);
			expect(ids(records(hooks, 'webhooks'))).toEqual([late.id]);
			sim.store.remove('webhooks', late.id as number);
			sim.store.remove('webhooks', early.id as number);
		});

		it('supports AND/OR on one field and OR-prefixed params', async () => {
			const products = sim.store.list('products');
			const between = await call(sim, '/products?price=gt:10+AND+lte:20&count=1000');
			expect(ids(records(between, 'products'))).toEqual(
				ids(products.filter((p) => (p.price as number) > 10 && (p.price as number) <= 20)),
			);
			const either = await call(sim, '/products?item_name=like:mug+OR+like:cap&count=1000');
			const expectedEither = products.filter((p) => /mug|cap/i.test(String(p.item_name)));
			expect(expectedEither.length).toBeGreaterThan(1);
			expect(ids(records(either, 'products'))).toEqual(ids(expectedEither));
			const orParam = await call(sim, '/products?weight=OR+gt:1&price=lt:12&count=1000');
			const expectedOr = products.filter(
				(p) => (p.weight as number) > 1 || (p.price as number) < 12,
			);
			expect(ids(records(orParam, 'products'))).toEqual(ids(expectedOr));
			expect(expectedOr.length).toBeGreaterThan(
				expectedOr.filter((p) => (p.price as number) < 12).length,
			);
		});

		it('reads the query as one expression without parentheses: AND binds tighter than OR across params', async () => {
			const products = sim.store.list('products');
			const price = (p: Record<string, unknown>) => p.price as number;
			const weight = (p: Record<string, unknown>) => p.weight as number;
			// price<12 OR (price>30 AND weight>1): the OR of one param does not stay inside it.
			const mixed = await call(sim, '/products?price=lt:12+OR+gt:30&weight=gt:1&count=1000');
			const expected = products.filter((p) => price(p) < 12 || (price(p) > 30 && weight(p) > 1));
			const perFieldReading = products.filter(
				(p) => (price(p) < 12 || price(p) > 30) && weight(p) > 1,
			);
			expect(ids(expected)).not.toEqual(ids(perFieldReading));
			expect(ids(records(mixed, 'products'))).toEqual(ids(expected));
			// With the lenient reading configured, the same query keeps the OR inside its param.
			sim.options.filterPrecedence = 'per-field';
			try {
				const lenient = await call(sim, '/products?price=lt:12+OR+gt:30&weight=gt:1&count=1000');
				expect(ids(records(lenient, 'products'))).toEqual(ids(perFieldReading));
			} finally {
				sim.options.filterPrecedence = 'flat';
			}
		});

		it('sorts by several fields with a stable id tie-break', async () => {
			const sorted = records(
				await call(sim, '/orders?sort=-order_status_id,customer_id&count=1000'),
				'orders',
			);
			const expected = sim.store
				.list('orders')
				.sort(
					(a, b) =>
						(b.order_status_id as number) - (a.order_status_id as number) ||
						(a.customer_id as number) - (b.customer_id as number) ||
						(a.id as number) - (b.id as number),
				);
			expect(ids(sorted)).toEqual(ids(expected));
			const byDate = records(await call(sim, '/orders?sort=updated_at&count=1000'), 'orders');
			const times = byDate.map((order) => instant(order.updated_at));
			expect(times).toEqual([...times].sort((a, b) => a - b));
		});
	});

	describe('projection and expansion', () => {
		it('projects fields and always keeps id', async () => {
			const page = records(
				await call(sim, '/orders?fields=updated_at,grand_total&count=3'),
				'orders',
			);
			expect(page.map((order) => Object.keys(order))).toEqual([
				['id', 'updated_at', 'grand_total'],
				['id', 'updated_at', 'grand_total'],
				['id', 'updated_at', 'grand_total'],
			]);
		});

		it('expands nested collections and serves them as sub-resources', async () => {
			const shipment = sim.store.list('order_shipments')[0];
			const orderId = shipment.order_id as number;
			const expectedItems = ids(
				sim.store.list('order_items').filter((item) => item.order_id === orderId),
			);
			const order = (await call(sim, `/orders/${orderId}?expand=items,shipments,payments`)).json;
			expect(ids(order.items as SimRecord[])).toEqual(expectedItems);
			expect(ids(order.shipments as SimRecord[])).toEqual([shipment.id]);
			expect((order.shipments as SimRecord[])[0].items).toEqual(shipment.items);

			const listed = await call(sim, `/orders/${orderId}/items`);
			expect(listed.json.total_count).toBe(expectedItems.length);
			expect(ids(records(listed, 'items'))).toEqual(expectedItems);

			const filled = (await call(sim, `/orders/${orderId}/filled`)).json;
			expect(Object.keys(filled)).toEqual(
				expect.arrayContaining(['items', 'payments', 'shipments', 'custom_fields']),
			);

			const plain = (await call(sim, `/orders/${orderId}`)).json;
			expect(plain).not.toHaveProperty('items');

			const variantProduct = sim.store
				.list('products')
				.find((product) => product.use_variant_inventory === true) as SimRecord;
			const rows = await call(sim, `/products/${variantProduct.id as number}/variant_inventory`);
			expect(ids(records(rows, 'variant_inventory'))).toEqual(
				ids(
					sim.store.list('variant_inventory').filter((row) => row.product_id === variantProduct.id),
				),
			);
			const expanded = records(
				await call(sim, `/products?ids=${variantProduct.id as number}&expand=variants,pricing`),
				'products',
			)[0];
			expect((expanded.variants as SimRecord[]).length).toBeGreaterThanOrEqual(2);
		});

		it('uses the documented records keys', async () => {
			expect(Object.keys((await call(sim, '/order_items?count=1')).json)).toContain('items');
			expect(Object.keys((await call(sim, '/order_payments?count=1')).json)).toContain('payments');
			expect(Object.keys((await call(sim, '/order_shipments?count=1')).json)).toContain(
				'shipments',
			);
			expect(Object.keys((await call(sim, '/shipping_provider_services?count=1')).json)).toContain(
				'services',
			);
			sim.options.recordsKeys = 'path';
			try {
				expect(Object.keys((await call(sim, '/order_shipments?count=1')).json)).toContain(
					'order_shipments',
				);
				expect(Object.keys((await call(sim, '/order_items?count=1')).json)).toContain('items');
			} finally {
				sim.options.recordsKeys = 'collection';
			}
		});

		it('serves select_many, .json suffixes, and 404/405 for unknown paths and read-only resources', async () => {
			const many = await call(sim, '/customers/select_many?ids=9,1,5');
			expect(ids(records(many, 'customers'))).toEqual([1, 5, 9]);
			expect((await call(sim, '/customers/select_many')).status).toBe(400);
			expect(records(await call(sim, '/customers.json?count=2'), 'customers')).toHaveLength(2);
			const unknown = await call(sim, '/not_a_resource');
			expect(unknown.status).toBe(404);
			expect(unknown.json).toEqual({
				status_code: 404,
				message: 'NotFound',
				details: 'No resource matches the URL specified.',
			});
			expect((await call(sim, '/stores', { method: 'POST', body: { name: 'x' } })).status).toBe(
				405,
			);
			expect((await call(sim, '/stores/1')).json.name).toBe('Sim Outfitters');
			// "Other resources" are generic tables.
			const blog = await call(sim, '/blogs', {
				method: 'POST',
				body: { store_id: 1, name: 'Hello', is_published: true },
			});
			expect(blog.status).toBe(201);
			expect(records(await call(sim, '/blogs'), 'blogs')).toEqual([blog.json]);
		});
	});

	describe('writes', () => {
		it('creates (201), upserts by id (200), updates (PUT) and deletes (204), counting each write', async () => {
			const before = sim.store.writeCount('manufacturers');
			const created = await call(sim, '/manufacturers', {
				method: 'POST',
				body: { name: 'Test Maker', brand_code: 'TM', my_custom: { a: 1 } },
			});
			expect(created.status).toBe(201);
			const id = created.json.id as number;
			expect(id).toBe(7);
			expect(created.json.my_custom).toEqual({ a: 1 });
			expect(created.json.created_at).toBe(clock.setZone(ZONE).toISO({ includeOffset: true }));
			expect(sim.store.writeCount('manufacturers')).toBe(before + 1);

			clock = clock.plus({ seconds: 30 });
			const upserted = await call(sim, '/manufacturers', {
				method: 'POST',
				body: { id, brand_code: 'TM2' },
			});
			expect(upserted.status).toBe(200);
			expect(upserted.json).toMatchObject({
				id,
				name: 'Test Maker',
				brand_code: 'TM2',
				my_custom: { a: 1 },
			});
			expect(instant(upserted.json.updated_at)).toBe(clock.toMillis());

			const put = await call(sim, `/manufacturers/${id}`, {
				method: 'PUT',
				body: { name: 'Renamed' },
			});
			expect(put.status).toBe(200);
			expect(sim.store.get('manufacturers', id)?.name).toBe('Renamed');
			expect(
				(await call(sim, '/manufacturers/999', { method: 'PUT', body: { name: 'x' } })).status,
			).toBe(404);

			const deleted = await call(sim, `/manufacturers/${id}`, { method: 'DELETE' });
			expect(deleted.status).toBe(204);
			expect(deleted.text).toBe('');
			expect((await call(sim, `/manufacturers/${id}`)).status).toBe(404);
			expect(sim.store.writeCount('manufacturers')).toBe(before + 4);

			clock = clock.plus({ seconds: 5 });
			const touched = sim.store.touch('manufacturers', 1);
			expect(instant(touched.updated_at)).toBe(clock.toMillis());
			expect(sim.store.writeCount('manufacturers')).toBe(before + 5);
		});

		it('validates required fields (400), types and references (409) and JSON bodies (400)', async () => {
			const missing = await call(sim, '/orders', { method: 'POST', body: { order_status_id: 1 } });
			expect(missing.status).toBe(400);
			expect(missing.json).toEqual({
				status_code: 400,
				message: 'Bad Request',
				details: 'customer_id is required',
			});
			const product = {
				item_name: 'X',
				price: '12.50',
				product_status_id: 1,
				primary_category_id: 1,
			};
			const wrongType = await call(sim, '/products', { method: 'POST', body: product });
			expect(wrongType.status).toBe(409);
			expect(wrongType.json.details).toBe('price must be a number');
			const badReference = await call(sim, '/products', {
				method: 'POST',
				body: { ...product, price: 12.5, product_status_id: 99 },
			});
			expect(badReference.status).toBe(409);
			const notJson = await call(sim, '/products', {
				method: 'POST',
				rawBody: '{"item_name":',
				headers: { 'Content-Type': 'application/json' },
			});
			expect(notJson.status).toBe(400);
			const good = await call(sim, '/products', {
				method: 'POST',
				body: { ...product, price: 12.5, item_number: 'NEW-1' },
			});
			expect(good.status).toBe(201);
			expect(good.json).toMatchObject({
				item_number: 'NEW-1',
				price: 12.5,
				quantity_on_hand: 0,
				use_variant_inventory: false,
			});
		});

		it('upserts shipments by (order_id, shipment_name), checks items, and bumps the order', async () => {
			const order = sim.store.list('orders').find((o) => o.order_status_id === 2) as SimRecord;
			const orderId = order.id as number;
			const item = sim.store.list('order_items').find((i) => i.order_id === orderId) as SimRecord;
			const foreignItem = sim.store
				.list('order_items')
				.find((i) => i.order_id !== orderId) as SimRecord;
			const shipmentsBefore = sim.store
				.list('order_shipments')
				.filter((s) => s.order_id === orderId).length;
			const body = {
				order_id: orderId,
				shipment_name: 'Box 1',
				shipped_at: '2024-06-15T05:00:00Z',
				tracking_numbers: '1Z1',
				shipping_method: 'UPS Ground',
				items: [{ id: item.id, quantity_shipped: 1 }],
			};
			const created = await call(sim, '/order_shipments', { method: 'POST', body });
			expect(created.status).toBe(201);
			expect(created.json.shipped_at).toBe('2024-06-15T00:00:00-05:00');
			expect(created.json.items).toEqual([
				{
					id: item.id,
					quantity_shipped: 1,
					product_id: item.product_id,
					item_name: item.item_name,
					item_nr: item.item_number,
				},
			]);
			expect(instant(sim.store.get('orders', orderId)?.updated_at)).toBe(clock.toMillis());

			const again = await call(sim, '/order_shipments', {
				method: 'POST',
				body: { ...body, tracking_numbers: '1Z2' },
			});
			expect(again.status).toBe(200);
			expect(again.json.id).toBe(created.json.id);
			expect(again.json.tracking_numbers).toBe('1Z2');
			expect(sim.store.list('order_shipments').filter((s) => s.order_id === orderId)).toHaveLength(
				shipmentsBefore + 1,
			);

			const foreign = await call(sim, '/order_shipments', {
				method: 'POST',
				body: {
					...body,
					shipment_name: 'Box 2',
					items: [{ id: foreignItem.id, quantity_shipped: 1 }],
				},
			});
			expect(foreign.status).toBe(409);
		});

		it('requires id, product_id and variant_group_id on each variants[] entry of a variant row (acapi.yaml)', async () => {
			const option = sim.store.list('product_variants')[0];
			const body = (variants: unknown[]) => ({
				product_id: option.product_id,
				item_number: 'ROW-X',
				variants,
			});
			const idOnly = await call(sim, '/variant_inventory', {
				method: 'POST',
				body: body([{ id: option.id }]),
			});
			expect(idOnly.status).toBe(400);
			expect(idOnly.json.details).toBe('variants[0].product_id is required');
			const wrongGroup = {
				id: option.id,
				product_id: option.product_id,
				variant_group_id: (option.variant_group_id as number) + 1,
			};
			expect(
				(await call(sim, '/variant_inventory', { method: 'POST', body: body([wrongGroup]) }))
					.status,
			).toBe(409);
			const complete = {
				id: option.id,
				product_id: option.product_id,
				variant_group_id: option.variant_group_id,
			};
			const created = await call(sim, '/variant_inventory', {
				method: 'POST',
				body: body([complete]),
			});
			expect(created.status).toBe(201);
			// Leave the seed as the other tests of this store expect it.
			expect(
				(await call(sim, `/variant_inventory/${created.json.id as number}`, { method: 'DELETE' }))
					.status,
			).toBe(204);
		});

		it('changes order status via PUT /orders/{id}/status', async () => {
			const order = sim.store.list('orders').find((o) => o.order_status_id !== 3) as SimRecord;
			const result = await call(sim, `/orders/${order.id as number}/status`, {
				method: 'PUT',
				body: { order_status_id: 3 },
			});
			expect(result.status).toBe(200);
			expect(result.json).toMatchObject({
				order_status_id: 3,
				previous_order_status_id: order.order_status_id,
			});
			expect(sim.store.get('orders', order.id as number)?.order_status_id).toBe(3);
			expect(instant(result.json.order_status_last_changed_at)).toBe(clock.toMillis());
			expect(
				(
					await call(sim, `/orders/${order.id as number}/status`, {
						method: 'PUT',
						body: { order_status_id: 77 },
					})
				).status,
			).toBe(404);
		});
	});

	describe('inventory', () => {
		it('reads and changes stock by SKU and GTIN, variant rows first', async () => {
			const row = sim.store.list('variant_inventory')[0];
			const read = await call(
				sim,
				`/inventory?item_number=${encodeURIComponent(String(row.item_number).toLowerCase())}`,
			);
			expect(read.json).toEqual({
				product_id: row.product_id,
				variant_inventory_id: row.id,
				item_number: row.item_number,
				item_name: sim.store.get('products', row.product_id as number)?.item_name,
				gtin: row.gtin,
				quantity: row.inventory,
			});
			const writesBefore = sim.store.writeCount('variant_inventory');
			const set = await call(sim, '/inventory/set', {
				method: 'POST',
				body: { item_number: row.item_number, quantity: 10 },
			});
			expect(set.json.quantity).toBe(10);
			const added = await call(sim, '/inventory/add', {
				method: 'POST',
				body: { gtin: row.gtin, quantity: 5 },
			});
			expect(added.json.quantity).toBe(15);
			const removed = await call(sim, '/inventory/remove', {
				method: 'POST',
				body: { variant_inventory_id: row.id, quantity: 3 },
			});
			expect(removed.json.quantity).toBe(12);
			expect(sim.store.get('variant_inventory', row.id as number)?.inventory).toBe(12);
			expect(instant(sim.store.get('variant_inventory', row.id as number)?.updated_at)).toBe(
				clock.toMillis(),
			);
			expect(sim.store.writeCount('variant_inventory')).toBe(writesBefore + 3);

			const simple = sim.store
				.list('products')
				.find((p) => p.use_variant_inventory === false) as SimRecord;
			const simpleSet = await call(sim, '/inventory/set', {
				method: 'POST',
				body: { gtin: simple.gtin, quantity: 7 },
			});
			expect(simpleSet.json).toMatchObject({
				product_id: simple.id,
				variant_inventory_id: null,
				quantity: 7,
			});
			expect(sim.store.get('products', simple.id as number)?.quantity_on_hand).toBe(7);

			const parent = sim.store.get('products', row.product_id as number) as SimRecord;
			expect(
				(
					await call(sim, '/inventory/set', {
						method: 'POST',
						body: { item_number: parent.item_number, quantity: 1 },
					})
				).status,
			).toBe(409);
			expect((await call(sim, '/inventory?item_number=NO-SUCH-SKU')).status).toBe(404);
			expect(
				(await call(sim, '/inventory/set', { method: 'POST', body: { quantity: 1 } })).status,
			).toBe(400);
			expect((await call(sim, '/inventory/settings')).json.remove_from_inventory_when).toBe(
				'Ordered',
			);
		});
	});

	describe('loose lookups (option lookupMatching)', () => {
		afterEach(() => (sim.options.lookupMatching = 'exact'));

		it("'contains' reads eq and bare conditions as like, in lists and in /inventory", async () => {
			const product = sim.store.list('products')[0];
			const prefix = String(product.item_number).slice(0, 4);
			const containing = sim.store
				.list('products')
				.filter((p) => String(p.item_number).toLowerCase().includes(prefix.toLowerCase()));
			expect(records(await call(sim, `/products?item_number=eq:${prefix}`), 'products')).toEqual(
				[],
			);
			sim.options.lookupMatching = 'contains';
			expect(
				ids(records(await call(sim, `/products?item_number=eq:${prefix}`), 'products')),
			).toEqual(ids(containing));
			expect(
				ids(records(await call(sim, `/products?item_number=${prefix}&count=500`), 'products')),
			).toEqual(ids(containing));
			const price = records(await call(sim, '/products?price=gt:1000000'), 'products');
			expect(price).toEqual([]); // other operators stay as they are
			const loose = await call(sim, `/inventory?item_number=${prefix}`);
			expect(String(loose.json.item_number).toLowerCase()).toContain(prefix.toLowerCase());
		});

		it("'ignored' drops list filters and answers /inventory with the first variant row", async () => {
			sim.options.lookupMatching = 'ignored';
			const all = records(
				await call(sim, '/products?item_number=eq:NO-SUCH-SKU&count=1000'),
				'products',
			);
			expect(all).toHaveLength(sim.store.count('products'));
			const firstRow = sim.store.list('variant_inventory')[0];
			expect(
				(await call(sim, '/inventory?item_number=NO-SUCH-SKU')).json.variant_inventory_id,
			).toBe(firstRow.id);
		});
	});

	describe('requests, hooks and faults', () => {
		it('records requests with the raw query and runs onRequest hooks before serving', async () => {
			sim.clearRequests();
			const unsubscribe = sim.onRequest((request) => {
				if (request.path === '/api/v1/coupon_codes')
					sim.store.create('coupon_codes', { campaign_code: 'HOOK', coupon_code: 'HOOK-1' });
			});
			const result = await call(sim, '/coupon_codes?campaign_code=HOOK&x=a+b%2Cc');
			unsubscribe();
			expect(records(result, 'coupon_codes').map((c) => c.coupon_code)).toEqual(['HOOK-1']);
			expect(sim.requests).toHaveLength(1);
			expect(sim.requests[0]).toMatchObject({
				method: 'GET',
				path: '/api/v1/coupon_codes',
				rawQuery: 'campaign_code=HOOK&x=a+b%2Cc',
				status: 200,
			});
			expect(sim.requests[0].query.get('x')).toBe('a b,c');
		});

		it('applies scripted faults in order to matching requests', async () => {
			sim.scriptFaults([
				{ match: { path: /\/products$/ }, status: 503 },
				{ match: { method: 'GET', path: /\/orders$/ }, status: 429, retryAfter: '7' },
				{ match: { path: /\/customers$/ }, malformed: true },
				{ match: { path: /\/categories$/ }, reset: true },
			]);
			expect((await call(sim, '/orders?count=1')).status).toBe(429);
			const limited = sim.requests[sim.requests.length - 1];
			expect(limited.status).toBe(429);
			expect((await call(sim, '/products?count=1')).status).toBe(503);
			expect((await call(sim, '/products?count=1')).status).toBe(200);
			const malformed = await call(sim, '/customers?count=1');
			expect(malformed.status).toBe(200);
			expect(() => JSON.parse(malformed.text)).toThrow();
			await expect(
				fetch(`${sim.apiBase}/categories`, { headers: { 'X-AC-Auth-Token': TOKEN } }),
			).rejects.toThrow();
			expect((await call(sim, '/orders?count=1')).status).toBe(200);
		});

		it('can apply a write before failing, exposing blind retries in writeCount', async () => {
			const before = sim.store.writeCount('coupon_codes');
			sim.scriptFaults([{ match: { method: 'POST' }, status: 500, applyWrite: true }]);
			const body = { campaign_code: 'RETRY', coupon_code: 'RETRY-1' };
			expect((await call(sim, '/coupon_codes', { method: 'POST', body })).status).toBe(500);
			expect((await call(sim, '/coupon_codes', { method: 'POST', body })).status).toBe(201);
			expect(sim.store.writeCount('coupon_codes')).toBe(before + 2);
			expect(
				sim.store.list('coupon_codes').filter((c) => c.coupon_code === 'RETRY-1'),
			).toHaveLength(2);
		});

		it('draws random faults from options.faults', async () => {
			sim.options.faults = { errorRate: 1 };
			try {
				const statuses = await Promise.all(
					[1, 2, 3, 4].map(() => call(sim, '/order_statuses').then((r) => r.status)),
				);
				for (const status of statuses) expect([500, 503]).toContain(status);
			} finally {
				sim.options.faults = {};
			}
			expect((await call(sim, '/order_statuses')).status).toBe(200);
		});
	});

	describe('latency', () => {
		it('delays every response by latencyMs', async () => {
			sim.options.latencyMs = 150;
			try {
				const started = Date.now();
				expect((await call(sim, '/order_statuses')).status).toBe(200);
				expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			} finally {
				sim.options.latencyMs = 0;
			}
		});
	});

	describe('rate limit', () => {
		it('reports X-AC-Call-Limit and answers 429 with Retry-After seconds over the limit', async () => {
			const limited = await startSimulator({
				accessToken: TOKEN,
				rateLimit: { limit: 3, windowMs: 1000 },
				sizes: { orders: 5, products: 5 },
			});
			try {
				const headers: string[] = [];
				for (let i = 0; i < 3; i++) {
					const result = await call(limited, '/order_statuses');
					expect(result.status).toBe(200);
					headers.push(result.headers.get('x-ac-call-limit') as string);
				}
				expect(headers).toEqual(['1/3', '2/3', '3/3']);
				const over = await call(limited, '/order_statuses');
				expect(over.status).toBe(429);
				expect(over.headers.get('retry-after')).toBe('1');
				expect(over.headers.get('x-ac-call-limit')).toBe('3/3');
				expect(over.json.status_code).toBe(429);
				await new Promise((resolve) => setTimeout(resolve, 1100));
				const after = await call(limited, '/order_statuses');
				expect(after.status).toBe(200);
				expect(after.headers.get('x-ac-call-limit')).toBe('1/3');
			} finally {
				await limited.stop();
			}
		});

		it('can send Retry-After as an HTTP-date', async () => {
			const limited = await startSimulator({
				accessToken: TOKEN,
				rateLimit: { limit: 1, windowMs: 5000, retryAfter: 'http-date' },
				sizes: { orders: 1, products: 1 },
			});
			try {
				expect((await call(limited, '/order_statuses')).status).toBe(200);
				const over = await call(limited, '/order_statuses');
				expect(over.status).toBe(429);
				const retryAt = Date.parse(over.headers.get('retry-after') as string);
				expect(retryAt - Date.now()).toBeGreaterThan(2000);
				expect(retryAt - Date.now()).toBeLessThan(7000);
			} finally {
				await limited.stop();
			}
		});
	});

	describe('seed data', () => {
		it('is deterministic for a seed and differs between seeds', async () => {
			const fixed = () => DateTime.fromISO('2024-06-15T12:00:00Z');
			const [a, b, c] = await Promise.all([
				startSimulator({ seed: 7, now: fixed }),
				startSimulator({ seed: 7, now: fixed }),
				startSimulator({ seed: 8, now: fixed }),
			]);
			try {
				for (const resource of [
					'orders',
					'order_items',
					'products',
					'variant_inventory',
					'customers',
				]) {
					expect(b.store.list(resource)).toEqual(a.store.list(resource));
				}
				expect(c.store.list('orders')).not.toEqual(a.store.list('orders'));
			} finally {
				await Promise.all([a.stop(), b.stop(), c.stop()]);
			}
		});

		it('has realistic, consistent records', () => {
			const products = sim.store.list('products').filter((p) => (p.id as number) <= 30); // seeded ones only
			const skus = [
				...products.map((p) => p.item_number),
				...sim.store.list('variant_inventory').map((r) => r.item_number),
			];
			expect(new Set(skus).size).toBe(skus.length);
			const gtins = [
				...products.map((p) => p.gtin),
				...sim.store.list('variant_inventory').map((r) => r.gtin),
			];
			expect(gtins.every((gtin) => /^\d{12}$/.test(String(gtin)))).toBe(true);
			expect(new Set(gtins).size).toBe(gtins.length);
			expect(sim.store.list('orders')[0].id).toBe(100001);
			const itemOwners = new Set(sim.store.list('order_items').map((item) => item.order_id));
			expect(sim.store.list('orders').every((order) => itemOwners.has(order.id))).toBe(true);
			const fractionDigits = new Set(
				sim.store
					.list('orders')
					.map((order) => /\.(\d+)[-+]/.exec(String(order.created_at))?.[1].length ?? 0),
			);
			expect(fractionDigits.has(0)).toBe(true);
			expect(fractionDigits.size).toBeGreaterThanOrEqual(3);
			expect(sim.store.list('warehouses').filter((w) => w.is_default)).toHaveLength(1);
			expect(sim.store.list('order_statuses').find((s) => s.is_shipped)?.name).toBe('Shipped');
		});
	});
});
