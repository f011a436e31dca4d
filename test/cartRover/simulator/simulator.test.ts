import {
	extendedAmount,
	startCartRoverSimulator,
	statusDate,
	type CartRoverLevel,
	type CartRoverSimulator,
} from '../../simulator/cartRover';

type Json = Record<string, unknown>;

function client(sim: CartRoverSimulator) {
	return async (
		level: CartRoverLevel,
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: Json; headers: Headers }> => {
		const { user, key } = sim.keys[level];
		const response = await fetch(`${sim.url}/v1${path}`, {
			method,
			headers: {
				Authorization: `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`,
				'Content-Type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return {
			status: response.status,
			body: (await response.json()) as Json,
			headers: response.headers,
		};
	};
}

const newOrder = (custRef: string, extra: Json = {}): Json => ({
	cust_ref: custRef,
	ship_address_1: '1 Main St',
	ship_city: 'Austin',
	ship_zip: '78701',
	ship_country: 'US',
	items: [
		{ item: 'SKU-001', quantity: 2, price: 10, discount: 1 },
		{ item: 'SKU-002', quantity: '3', price: '4.50' },
	],
	sales_tax: 2,
	shipping_handling: 5,
	order_discount: 3,
	...extra,
});

describe('CartRover simulator', () => {
	let sim: CartRoverSimulator;
	let call: ReturnType<typeof client>;
	const now = new Date('2026-12-02T12:00:00Z');
	beforeAll(async () => {
		sim = await startCartRoverSimulator({ seed: 7, orders: 60, bucket: 'off', now: () => now });
		call = client(sim);
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.clearRequests());

	describe('auth and levels', () => {
		it('no or wrong keys: Invalid with HTTP 200, a process id, and nothing of the key recorded', async () => {
			const response = await fetch(`${sim.url}/v1/merchant/inventory`, {
				headers: { Authorization: `Basic ${Buffer.from('merchant-user:nope').toString('base64')}` },
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({
				success_code: false,
				error_code: 'Invalid',
				message: 'Invalid API User or API Key',
			});
			expect(response.headers.get('x-cartrover-process-id')).toMatch(/^crsim/);
			expect(JSON.stringify(sim.requests)).not.toContain('nope');
			expect(JSON.stringify(sim.requests)).not.toMatch(/Basic/);
		});

		it('keys of another level are refused CartRover-style', async () => {
			const { body } = await call('wms', 'GET', '/merchant/orders/list/any');
			expect(body).toMatchObject({ success_code: false, error_code: 'Invalid' });
			expect(body.message).toMatch(/keys are for the wms API/);
		});

		it('records the level and API user of each request', async () => {
			await call('merchant', 'GET', '/merchant/inventory?limit=1');
			expect(sim.requests[0]).toMatchObject({
				method: 'GET',
				path: '/v1/merchant/inventory',
				rawQuery: 'limit=1',
				query: { limit: '1' },
				level: 'merchant',
				apiUser: 'merchant-user',
				status: 200,
				errorCode: undefined,
			});
		});

		it('only GET and POST', async () => {
			const response = await fetch(`${sim.url}/v1/merchant/inventory`, { method: 'PUT' });
			expect(await response.json()).toMatchObject({ error_code: 'Invalid' });
		});
	});

	describe('cart orders', () => {
		it('create answers its fields at the top level and stores totals by the price rules', async () => {
			const { body, headers } = await call(
				'cart',
				'POST',
				'/cart/orders/cartrover',
				newOrder('C-1'),
			);
			expect(body).toEqual({
				success_code: true,
				cust_ref: 'C-1',
				order_number: expect.any(String),
			});
			// New-order create is not rate limited, so it has no hits header.
			expect(headers.get('x-cartrover-api-minute-hits-remaining')).toBeNull();
			const stored = sim.orderJson('C-1');
			// (10 − 1) × 2 = 18; 4.5 × 3 = 13.5; sub 31.5; grand 31.5 + 2 + 5 − 3 = 35.5
			expect(stored).toMatchObject({
				order_status: 'new',
				order_source: sim.cartSource,
				sub_total: '31.5000',
				grand_total: '35.5000',
				created_date_time: '2026-12-02T12:00:00+00:00',
			});
			expect((stored.items as Json[]).map((line) => line.extended_amount)).toEqual([
				'18.0000',
				'13.5000',
			]);
		});

		it('a duplicate cust_ref is a Failure (OrderDuplicate); missing fields are Invalid and named', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('C-2'));
			const duplicate = await call('cart', 'POST', '/cart/orders/cartrover', newOrder('C-2'));
			expect(duplicate.body).toEqual({
				success_code: false,
				error_code: 'Failure',
				message: 'OrderDuplicate',
			});
			const missing = await call('cart', 'POST', '/cart/orders/cartrover', {
				items: [{ item: 'A' }],
			});
			expect(missing.body).toEqual({
				success_code: false,
				error_code: 'Invalid',
				message:
					'Order missing required field(s): cust_ref, ship_address_1, ship_city, ship_zip, ship_country, items.quantity',
			});
		});

		it('batch: success and failed with index_pos', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('B-DUP'));
			const { body } = await call('cart', 'POST', '/cart/orders/batch', [
				newOrder('B-1', { cust_po_no: 'PO-B1' }),
				newOrder('B-DUP'),
				{ ...newOrder('x'), cust_ref: undefined },
			]);
			expect(body.response).toEqual({
				success: [{ cust_ref: 'B-1', cust_po_no: 'PO-B1' }],
				failed: [
					{ cust_ref: 'B-DUP', cust_po_no: null, message: 'OrderDuplicate', index_pos: 1 },
					{
						cust_ref: null,
						cust_po_no: null,
						message: 'Order missing required field(s): cust_ref',
						index_pos: 2,
					},
				],
			});
		});

		it('get: strings for numbers, Y/N flags, UTC timestamps; extras only when asked', async () => {
			await call(
				'cart',
				'POST',
				'/cart/orders/cartrover',
				newOrder('G-1', { extra_fields: { a: 1 } }),
			);
			const plain = (await call('cart', 'GET', '/cart/orders/G-1')).body.response as Json;
			expect(plain.extra_fields).toBeUndefined();
			expect(plain.sending_canceled).toBe('N');
			expect((plain.items as Json[])[0]).toMatchObject({
				quantity: '2',
				price: '10.0000',
				filtered_sku: 'N',
			});
			expect(plain.updated_date_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
			const extras = (await call('cart', 'GET', '/cart/orders/G-1?include_order_extras=Y')).body
				.response as Json;
			expect(extras.extra_fields).toEqual({ a: 1 });
		});

		it('status: the light form with shipments', async () => {
			const { body } = await call('cart', 'GET', '/cart/orders/status/G-1');
			expect(Object.keys(body.response as Json).sort()).toEqual(
				[
					'cust_po_no',
					'cust_ref',
					'delivered_to_wms_date',
					'order_status',
					'ship_country',
					'shipments',
					'updated_date_time',
				].sort(),
			);
		});

		it('a cart sees only its own source’s orders; the merchant sees every cart', async () => {
			const other = [...sim.orders.values()].find(
				(order) => order.order_source !== sim.cartSource,
			)!;
			expect((await call('cart', 'GET', `/cart/orders/${other.cust_ref}`)).body.error_code).toBe(
				'Invalid',
			);
			expect(
				(await call('merchant', 'GET', `/merchant/orders/${other.cust_ref}`)).body.success_code,
			).toBe(true);
		});

		it('update confirms tracking only for a shipped order', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('U-1'));
			const early = await call('cart', 'POST', '/cart/orders/update/U-1', {
				order_status: 'confirmed',
				shipments: [{ tracking_no: 'X' }],
			});
			expect(early.body).toMatchObject({ success_code: false, error_code: 'Invalid' });
			sim.advance('U-1', 'shipped', { tracking_no: '1ZTEST' });
			const wrong = await call('cart', 'POST', '/cart/orders/update/U-1', {
				order_status: 'confirmed',
				shipments: [{ tracking_no: 'OTHER' }],
			});
			expect(wrong.body.message).toMatch(/Unknown tracking_no/);
			const ok = await call('cart', 'POST', '/cart/orders/update/U-1', {
				order_status: 'confirmed',
				shipments: [{ tracking_no: '1ZTEST' }],
			});
			expect(ok.body).toEqual({ success_code: true });
			expect(sim.orders.get('U-1')?.order_status).toBe('confirmed');
		});

		it('wms_cancel cancels a new order and refuses a shipped one in its response', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('X-1'));
			expect((await call('cart', 'GET', '/cart/orders/wms_cancel/X-1')).body.response).toEqual({
				success: true,
				message: '',
			});
			expect(sim.orders.get('X-1')).toMatchObject({
				order_status: 'canceled',
				cancel_date: '2026-12-02T12:00:00+00:00',
			});
			const shipped = (await call('cart', 'GET', '/cart/orders/wms_cancel/U-1')).body
				.response as Json;
			expect(shipped.success).toBe(false);
		});
	});

	describe('lists', () => {
		const list = async (level: CartRoverLevel, path: string) =>
			(await call(level, 'GET', path)).body.response as Json[];

		it('each status filter returns exactly its orders, in record_no order', async () => {
			const all = await list('merchant', '/merchant/orders/list/any?limit=100');
			const byStatus = (statuses: string[]) =>
				all
					.filter((order) => statuses.includes(order.order_status as string))
					.map((order) => order.cust_ref);
			for (const [filter, statuses] of [
				['new', ['new']],
				['at_wms', ['at_wms']],
				['shipped', ['shipped']],
				['confirmed', ['confirmed']],
				['error', ['error']],
				['canceled', ['canceled']],
				['new_or_at_wms', ['new', 'at_wms']],
				['shipped_or_confirmed', ['shipped', 'confirmed']],
			] as const) {
				const refs = (await list('merchant', `/merchant/orders/list/${filter}?limit=100`)).map(
					(order) => order.cust_ref,
				);
				expect(refs).toEqual(byStatus([...statuses]));
				expect(refs.length).toBeGreaterThan(0);
			}
			const recordNos = all.map((order) => Number(order.record_no));
			expect(recordNos).toEqual([...recordNos].sort((a, b) => a - b));
			expect(all[0]).toMatchObject({
				total_qty: expect.any(String),
				num_to_ship: expect.any(String),
			});
			expect((await call('merchant', 'GET', '/merchant/orders/list/bogus')).body.error_code).toBe(
				'Invalid',
			);
		});

		it('from_date/to_date filter on the date the status implies (inclusive)', async () => {
			const shipped = [...sim.orders.values()].filter((order) => order.order_status === 'shipped');
			const pivot = shipped.map(statusDate).sort()[Math.floor(shipped.length / 2)];
			const expected = shipped
				.filter((order) => statusDate(order) >= pivot)
				.map((order) => order.cust_ref);
			const refs = (
				await list(
					'merchant',
					`/merchant/orders/list/shipped?limit=100&from_date=${encodeURIComponent(pivot)}`,
				)
			).map((order) => order.cust_ref);
			expect(new Set(refs)).toEqual(new Set(expected));
			const upTo = (
				await list(
					'merchant',
					`/merchant/orders/list/shipped?limit=100&to_date=${encodeURIComponent(pivot)}`,
				)
			).map((order) => order.cust_ref);
			expect(upTo.length + refs.length).toBe(shipped.length + 1);
		});

		it('a raw + in from_date is read as a space: the offset is lost and the answer is wrong', async () => {
			const at = [...sim.orders.values()].map(statusDate).sort()[20];
			// The same instant, written five hours ahead with its offset.
			const local = new Date(Date.parse(at) + 5 * 3_600_000).toISOString().slice(0, 19) + '+05:00';
			const encoded = await list(
				'merchant',
				`/merchant/orders/list/any?limit=100&from_date=${local.replace('+', '%2B')}`,
			);
			const raw = await list('merchant', `/merchant/orders/list/any?limit=100&from_date=${local}`);
			expect(sim.requests[sim.requests.length - 1].query.from_date).toBe(local.replace('+', ' '));
			expect(encoded.length).toBeGreaterThan(raw.length);
		});

		it('pages of limit (default 20, at most 100) from page 1; past the end is empty', async () => {
			expect(await list('merchant', '/merchant/orders/list/any')).toHaveLength(20);
			expect(await list('merchant', '/merchant/orders/list/any?limit=500')).toHaveLength(
				Math.min(100, sim.orders.size),
			);
			const page2 = await list('merchant', '/merchant/orders/list/any?limit=10&page=2');
			const first20 = await list('merchant', '/merchant/orders/list/any?limit=20');
			expect(page2.map((order) => order.cust_ref)).toEqual(
				first20.slice(10).map((order) => order.cust_ref),
			);
			expect(await list('merchant', '/merchant/orders/list/any?page=99')).toEqual([]);
		});

		it('the cart list has only the cart’s source; the merchant list filters by order_source', async () => {
			const cart = await list('cart', '/cart/orders/list/any?limit=100');
			expect(new Set(cart.map((order) => order.order_source))).toEqual(new Set([sim.cartSource]));
			const other = await list(
				'merchant',
				'/merchant/orders/list/any?limit=100&order_source=sim-marketplace',
			);
			expect(other.length).toBeGreaterThan(0);
			expect(new Set(other.map((order) => order.order_source))).toEqual(
				new Set(['sim-marketplace']),
			);
		});
	});

	describe('seeded data', () => {
		it('follows the price rules on every order', () => {
			for (const order of sim.orders.values()) {
				let subTotal = 0;
				for (const line of order.items) {
					expect(line.extended_amount).toBeCloseTo(extendedAmount(line), 2);
					subTotal += line.extended_amount;
				}
				expect(order.sub_total).toBeCloseTo(subTotal, 2);
				expect(order.grand_total).toBeCloseTo(
					order.sub_total + order.sales_tax + order.shipping_handling - order.order_discount,
					2,
				);
			}
		});

		it('spreads orders over every status, with every status date in the past', () => {
			const statuses = new Set([...sim.orders.values()].map((order) => order.order_status));
			expect(statuses).toEqual(
				new Set(['new', 'at_wms', 'shipped', 'confirmed', 'error', 'canceled']),
			);
			const seeded = [...sim.orders.values()].filter((order) => /^SIM-/.test(order.cust_ref));
			for (const order of seeded) expect(Date.parse(statusDate(order))).toBeLessThan(now.getTime());
		});

		it('is the same for the same seed and clock', async () => {
			const again = await startCartRoverSimulator({ seed: 7, orders: 60, now: () => now });
			try {
				const first = [...sim.orders.keys()].filter((ref) => /^SIM-/.test(ref));
				expect(first.map((ref) => sim.orderJson(ref))).toEqual(
					first.map((ref) => again.orderJson(ref)),
				);
			} finally {
				await again.close();
			}
		});
	});

	describe('inventory, products, carts, ship methods', () => {
		it('inventory: string quantities, aliases as a map or [], warehouses keyed by pk', async () => {
			const records = (await call('merchant', 'GET', '/merchant/inventory?limit=100')).body
				.response as Json[];
			expect(records.length).toBe(24);
			expect(records.some((record) => Array.isArray(record.aliases))).toBe(true);
			const mapped = records.find((record) => !Array.isArray(record.aliases))!;
			expect(mapped.aliases).toEqual({ UPC: expect.any(String), ALT_CODE: expect.any(String) });
			expect(typeof mapped.qty_available).toBe('string');
			expect(Object.keys(mapped.warehouses as Json).every((pk) => /^\d+$/.test(pk))).toBe(true);
		});

		it('one SKU by its encoded path; the product with aliases as an array', async () => {
			const sku = encodeURIComponent('TEE/RED+L');
			expect(
				((await call('merchant', 'GET', `/merchant/inventory/${sku}`)).body.response as Json).sku,
			).toBe('TEE/RED+L');
			const product = (await call('merchant', 'GET', `/merchant/product/${sku}`)).body
				.response as Json;
			expect(product.aliases).toEqual(
				expect.arrayContaining([{ code_type: 'UPC', code: expect.any(String) }]),
			);
			expect(product.last_updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect((await call('merchant', 'GET', '/merchant/product/TEE/RED+L')).body.error_code).toBe(
				'Invalid',
			);
		});

		it('carts, cart types, ship method mappings (read and update), WMS ship methods', async () => {
			expect(((await call('merchant', 'GET', '/cart/list')).body.response as Json[]).length).toBe(
				2,
			);
			expect(
				((await call('cart', 'GET', '/cart/listall')).body.response as Json[]).length,
			).toBeGreaterThan(3);
			const update = await call('cart', 'POST', `/cart/shipmethod/${sim.cartSource}`, [
				{ cart_code: 'GROUND', wms_code: '03' },
				{ cart_code: 'PICKUP', wms_code: null },
			]);
			expect(update.body.success_code).toBe(true);
			const mappings = (await call('cart', 'GET', `/cart/shipmethod/list/${sim.cartSource}`)).body
				.response;
			expect(mappings).toEqual(
				expect.arrayContaining([
					{ cart_code: 'GROUND', wms_code: '03' },
					{ cart_code: 'PICKUP', wms_code: null },
				]),
			);
			expect(
				(await call('cart', 'POST', `/cart/shipmethod/${sim.cartSource}`, [{ wms_code: 'x' }])).body
					.error_code,
			).toBe('Invalid');
			expect((await call('wms', 'GET', '/wms/shipmethod/list')).body.response).toEqual(
				expect.arrayContaining([{ carrier: 'FEDEX', code: '50', description: 'FedEx Ground' }]),
			);
		});
	});

	describe('advance and the control routes', () => {
		it('walks new → at_wms → shipped → confirmed, keeping earlier dates', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('A-1'));
			sim.advance('A-1', 'at_wms');
			sim.advance('A-1', 'shipped');
			const order = sim.orders.get('A-1')!;
			expect(order.delivered_to_wms_date).toBe('2026-12-02T12:00:00+00:00');
			expect(order.shipments).toHaveLength(1);
			expect(order.shipments[0].tracking_no).toMatch(/^1Z/);
			expect(() => sim.advance('A-1', 'at_wms')).toThrow(/cannot go from shipped to at_wms/);
		});

		it('POST /_control/advance and GET /_control/orders', async () => {
			await call('cart', 'POST', '/cart/orders/cartrover', newOrder('A-2'));
			const moved = await fetch(`${sim.url}/_control/advance`, {
				method: 'POST',
				body: JSON.stringify({ cust_ref: 'A-2', to: 'error' }),
			});
			expect(((await moved.json()) as Json).order_status).toBe('error');
			const bad = await fetch(`${sim.url}/_control/advance`, {
				method: 'POST',
				body: JSON.stringify({ cust_ref: 'A-2', to: 'confirmed' }),
			});
			expect(bad.status).toBe(400);
			const orders = (await (await fetch(`${sim.url}/_control/orders`)).json()) as Json[];
			expect(orders.find((order) => order.cust_ref === 'A-2')?.order_status).toBe('error');
			expect(sim.requests.some((request) => request.path.startsWith('/_control'))).toBe(false);
		});

		it('the Date header follows the injected clock', async () => {
			const { headers } = await call('merchant', 'GET', '/merchant/inventory?limit=1');
			expect(headers.get('date')).toBe(now.toUTCString());
		});
	});
});

describe('the simulator’s leaky bucket and error statuses', () => {
	it('refuses with RateLimit on HTTP 200 when the bucket is full, counts down the hits header, and drains', async () => {
		const sim = await startCartRoverSimulator({ bucket: { capacity: 3, leakMs: 100 } });
		try {
			const call = client(sim);
			const remaining: Array<string | null> = [];
			for (let i = 0; i < 4; i++) {
				const { headers, body } = await call('merchant', 'GET', '/merchant/inventory?limit=1');
				remaining.push(headers.get('x-cartrover-api-minute-hits-remaining'));
				if (i === 3)
					expect(body).toEqual({
						success_code: false,
						error_code: 'RateLimit',
						message: 'Over API Limit. Please slow down requests.',
					});
			}
			expect(remaining).toEqual(['2', '1', '0', '0']);
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect((await call('merchant', 'GET', '/merchant/inventory?limit=1')).body.success_code).toBe(
				true,
			);
			// New-order create is not metered, even with a full bucket.
			for (let i = 0; i < 3; i++) await call('merchant', 'GET', '/merchant/inventory?limit=1');
			expect(
				(await call('cart', 'POST', '/cart/orders/cartrover', newOrder('RL-1'))).body.success_code,
			).toBe(true);
		} finally {
			await sim.close();
		}
	});

	it('with errorStatus "http", errors come with 4xx statuses', async () => {
		const sim = await startCartRoverSimulator({
			errorStatus: 'http',
			bucket: { capacity: 1, leakMs: 10_000 },
		});
		try {
			const call = client(sim);
			expect((await call('merchant', 'GET', '/merchant/orders/NOPE')).status).toBe(400);
			expect((await call('merchant', 'GET', '/merchant/orders/NOPE')).status).toBe(429);
			expect((await call('wms', 'GET', '/merchant/orders/NOPE')).status).toBe(403);
		} finally {
			await sim.close();
		}
	});
});
