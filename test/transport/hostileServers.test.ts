/**
 * The transport against servers that misbehave on purpose: redirects to another host, answers
 * that echo secrets, bodies that never finish, pages that never end, empty or odd bodies, and
 * Retry-After values that would make a client hammer the store.
 */
import type { ServerResponse } from 'node:http';
import { DateTime } from 'luxon';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeParameters,
} from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { CartComTrigger } from '../../nodes/CartCom/CartComTrigger.node';
import {
	CallBudget,
	configureTransport,
	resetCallBudgets,
	resetPageSizeCaps,
	signRouterRequest,
} from '../../nodes/CartCom/transport';
import {
	failureOf,
	routerCredentials,
	startStore,
	tokenCredentials,
	type Simulator,
} from '../helpers/fixtures';
import { sendJson, startHostileServer, type HostileServer } from '../helpers/hostileServer';
import { runCredentialTest, runNode, runPoll } from '../helpers/n8n';

const node = new CartCom();
const TOKEN = 'sim-token';

function fastTransport(overrides: Parameters<typeof configureTransport>[0] = {}) {
	configureTransport('defaults');
	configureTransport({
		baseDelayMs: 5,
		maxDelayMs: 40,
		minRetryAfterMs: 20,
		...(overrides as object),
	});
	resetCallBudgets();
	resetPageSizeCaps();
}

afterAll(() => configureTransport('defaults'));

const productPage = (ids: number[], extra: IDataObject = {}) => ({
	...extra,
	products: ids.map((id) => ({ id, item_name: `Product ${id}`, item_number: `SKU-${id}` })),
});

/** An order with items and no shipment yet, so that Create Shipment has to POST. */
function unshippedOrder(sim: Simulator) {
	const shipped = new Set(sim.store.list('order_shipments').map((shipment) => shipment.order_id));
	const withItems = new Set(sim.store.list('order_items').map((item) => item.order_id));
	return sim.store
		.list('orders')
		.find((order) => !shipped.has(order.id) && withItems.has(order.id))!;
}

describe('redirects are never followed', () => {
	let target: HostileServer;
	let redirector: HostileServer;

	beforeAll(async () => {
		// The second loopback address stands for another host; it answers like a store would.
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, productPage([1])),
		);
		redirector = await startHostileServer('127.0.0.1', (request, res) => {
			res.writeHead(302, { Location: `${target.url}${request.url}` });
			res.end();
		});
	});
	afterAll(async () => {
		await target.stop();
		await redirector.stop();
	});
	beforeEach(() => {
		fastTransport();
		target.requests.length = 0;
		redirector.requests.length = 0;
	});

	const tokenToRedirector = () => ({
		cartComApi: { storeDomain: redirector.url, accessToken: TOKEN },
	});
	const routerToRedirector = () => ({
		cartComRouterApi: {
			userName: 'sim-user',
			userSecret: 'sim-secret',
			siteId: '1',
			routerUrl: `${redirector.url}/api/v1`,
		},
	});

	it('the action node stops at the redirect, names the host and the field, and sends nothing to it', async () => {
		const error = await failureOf(
			runNode(node, {
				parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: 5 },
				credentials: tokenToRedirector(),
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('redirect');
		expect(error.message).toContain(`http://127.0.0.2:${target.port}`);
		expect(error.message).toContain('check Store Domain');
		expect(redirector.requests).toHaveLength(1);
		expect(target.requests).toEqual([]);
	});

	it('the router credential does not carry its user and signature to the redirect target', async () => {
		const error = await failureOf(
			runNode(node, {
				parameters: {
					authentication: 'centralApiRouter',
					resource: 'product',
					operation: 'getAll',
					returnAll: false,
					limit: 5,
				},
				credentials: routerToRedirector(),
			}),
		);
		expect(error.message).toContain('check API Router URL');
		expect(redirector.requests[0].headers['x-ac-pub-user']).toBe('sim-user');
		expect(target.requests).toEqual([]);
	});

	it('the trigger stops at the redirect too', async () => {
		const error = await failureOf(
			runPoll(new CartComTrigger(), {
				parameters: { event: 'orderCreated' },
				credentials: tokenToRedirector(),
				staticData: {},
				mode: 'trigger',
			}),
		);
		expect(error.message).toContain('redirect');
		expect(target.requests).toEqual([]);
	});

	it.each(['cartComApi', 'cartComRouterApi'] as const)(
		'the %s credential test reports the redirect and does not follow it',
		async (type) => {
			const data =
				type === 'cartComApi'
					? tokenToRedirector().cartComApi
					: routerToRedirector().cartComRouterApi;
			const result = await runCredentialTest(type, data);
			expect(result.statusCode).toBe(302);
			expect(result.ruleMessage).toMatch(/redirect \(302\).*not followed/);
			expect(target.requests).toEqual([]);
		},
	);
});

describe('a write answered with a redirect is an error, never a success', () => {
	let sim: Simulator;
	let target: HostileServer;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 30, products: 5, customers: 5 } });
		target = await startHostileServer('127.0.0.2', (_request, res) =>
			sendJson(res, 200, { id: 1, ok: true }),
		);
	});
	afterAll(async () => {
		await sim.stop();
		await target.stop();
	});
	beforeEach(() => {
		sim.clearRequests();
		target.requests.length = 0;
	});

	const order = () => unshippedOrder(sim);
	const writes: Array<[string, () => IDataObject, RegExp]> = [
		[
			'Inventory → Set',
			() => ({
				resource: 'inventory',
				operation: 'set',
				identifierType: 'product_id',
				identifierValue: '1',
				quantity: 3,
			}),
			/\/inventory\/set/,
		],
		[
			'Manufacturer → Create',
			() => ({
				resource: 'manufacturer',
				operation: 'create',
				additionalFields: { name: 'Redirected Brand' },
			}),
			/\/manufacturers$/,
		],
		[
			'Order → Create Shipment',
			() => ({
				resource: 'order',
				operation: 'createShipment',
				recordId: { __rl: true, mode: 'id', value: String(order().id) },
				trackingNumbers: '1Z-REDIRECT',
			}),
			/\/order_shipments$/,
		],
		[
			'Email Template → Send',
			() => ({
				resource: 'emailTemplate',
				operation: 'send',
				recordId: { __rl: true, mode: 'id', value: '1' },
				sendOptions: { emailAddress: 'jane@example.com' },
			}),
			/\/email_templates\/1\/send/,
		],
	];

	describe.each([301, 302, 303])('answered %i', (status) => {
		it.each(writes)('%s fails and reports nothing as written', async (_label, parameters, path) => {
			sim.scriptFaults([
				{
					match: { method: 'POST', path },
					respond: { status, headers: { Location: `${target.url}/api/v1/anything` } },
				},
			]);
			const error = await failureOf(
				runNode(node, {
					parameters: parameters() as INodeParameters,
					credentials: tokenCredentials(sim),
				}),
			);
			expect(error.message).toContain(`redirect (${status})`);
			expect(target.requests).toEqual([]);
			expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
		});
	});
});

describe('filter values cannot add conditions', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 0, products: 12, customers: 12 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it('a SKU with a line-broken OR does not reach another product’s price', async () => {
		const victim = sim.store.list('products')[2];
		const priceBefore = victim.price;
		const error = await failureOf(
			runNode(node, {
				parameters: {
					resource: 'product',
					operation: 'updatePrice',
					priceTarget: 'product',
					identifyBy: 'sku',
					sku: `DOES-NOT-EXIST\nOR\neq:${String(victim.item_number)}`,
					price: 0.01,
				},
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('SKU');
		expect(sim.requests).toEqual([]);
		expect(sim.store.get('products', victim.id as number)?.price).toBe(priceBefore);
	});

	it.each([
		['a tab-separated OR', 'x\tOR\tlike:@'],
		['a lower-case or', 'x or like:@'],
		['a no-break space AND', 'x\u00a0AND\u00a0like:@'],
		['a control character', 'jane@example.com\u0000'],
	])(
		'an e-mail filter with %s is refused, naming the field, before any request',
		async (_label, email) => {
			const error = await failureOf(
				runNode(node, {
					parameters: {
						resource: 'customer',
						operation: 'getAll',
						returnAll: true,
						filters: { email },
					},
					credentials: tokenCredentials(sim),
				}),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('email');
			expect(sim.requests).toEqual([]);
		},
	);

	it('single words stay plain values: OR (Oregon) as a state, AND-ROID as a name', async () => {
		await runNode(node, {
			parameters: {
				resource: 'address',
				operation: 'getAll',
				returnAll: true,
				customFilters: { conditions: [{ field: 'state', operator: 'eq', value: 'OR' }] },
			},
			credentials: tokenCredentials(sim),
		});
		await runNode(node, {
			parameters: {
				resource: 'manufacturer',
				operation: 'getAll',
				returnAll: true,
				filters: { name: 'AND-ROID' },
			},
			credentials: tokenCredentials(sim),
		});
		expect(sim.requests.map((request) => request.rawQuery)).toEqual([
			expect.stringContaining('state=eq%3AOR'),
			expect.stringContaining('name=like%3AAND-ROID'),
		]);
	});
});

describe('an order status change is never sent twice', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 20, customers: 10, products: 10 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	/** An order and a status it does not have yet. */
	function orderToMove() {
		const order = sim.store
			.list('orders')
			.find(
				(candidate) =>
					!sim.requests.some((r) => r.path.includes(`/orders/${String(candidate.id)}/`)),
			)!;
		const statuses = sim.store.list('order_statuses').map((status) => status.id as number);
		const target = statuses.find((id) => id !== order.order_status_id)!;
		return { order, target };
	}
	const statusPuts = () =>
		sim.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/status'));
	const updateStatus = (orderId: unknown, statusId: number) =>
		runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'updateStatus',
				recordId: { __rl: true, mode: 'id', value: String(orderId) },
				statusId,
			},
			credentials: tokenCredentials(sim),
		});

	it.each([
		['a 500', { status: 500 }],
		['a reset connection', { reset: true }],
	])(
		'after %s that the store applied, the order is read again, not sent again',
		async (_label, fault) => {
			const { order, target } = orderToMove();
			sim.scriptFaults([
				{ match: { method: 'PUT', path: /\/status$/ }, applyWrite: true, ...fault },
			]);
			const [item] = await updateStatus(order.id, target);
			expect(statusPuts()).toHaveLength(1);
			expect(item.json).toMatchObject({
				id: order.id,
				order_status_id: target,
				status_changed: true,
			});
			const stored = sim.store.get('orders', order.id as number)!;
			expect(stored.order_status_id).toBe(target);
			// A second PUT would have overwritten it with the new status.
			expect(stored.previous_order_status_id).toBe(order.order_status_id);
		},
	);

	it('after a 500 the store did not apply, it fails saying so, and sends nothing more', async () => {
		const { order, target } = orderToMove();
		sim.scriptFaults([{ match: { method: 'PUT', path: /\/status$/ }, status: 500 }]);
		const error = await failureOf(updateStatus(order.id, target));
		expect(error.description).toContain('not applied');
		expect(statusPuts()).toHaveLength(1);
		expect(sim.store.get('orders', order.id as number)?.order_status_id).toBe(
			order.order_status_id,
		);
	});
});

describe('empty and odd answers', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 0, products: 5, customers: 0 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		fastTransport();
		sim.clearRequests();
	});

	const manufacturerId = () => sim.store.list('manufacturers')[0].id as number;

	it.each([
		['204 No Content', { status: 204 }],
		['an empty 200', { status: 200, body: '' }],
		['a 200 with null', { status: 200, body: 'null' }],
	])(
		'an update answered with %s still gives one paired item per input item',
		async (_label, respond) => {
			const id = manufacturerId();
			sim.scriptFaults([
				{ match: { method: 'PUT' }, respond, applyWrite: true },
				{ match: { method: 'PUT' }, respond, applyWrite: true },
			]);
			const items = await runNode(node, {
				parameters: {
					resource: 'manufacturer',
					operation: 'update',
					recordId: { __rl: true, mode: 'id', value: String(id) },
					updateFields: { description: 'Written' },
				},
				credentials: tokenCredentials(sim),
				input: [{}, {}],
			});
			expect(items.map((item) => item.json)).toEqual([
				{ id, success: true },
				{ id, success: true },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(sim.store.get('manufacturers', id)?.description).toBe('Written');
		},
	);

	it('Inventory → Set and Update Price answered 204 report what was written, paired', async () => {
		const product = sim.store.list('products')[0];
		sim.scriptFaults([
			{
				match: { method: 'POST', path: /inventory\/set/ },
				respond: { status: 204 },
				applyWrite: true,
			},
			{
				match: { method: 'PUT', path: /products\/\d+$/ },
				respond: { status: 204 },
				applyWrite: true,
			},
		]);
		const [stock] = await runNode(node, {
			parameters: {
				resource: 'inventory',
				operation: 'set',
				identifierType: 'product_id',
				identifierValue: String(product.id),
				quantity: 7,
			},
			credentials: tokenCredentials(sim),
		});
		expect(stock.json).toEqual({
			product_id: product.id,
			change: 'set',
			quantity_sent: 7,
			success: true,
		});
		const [price] = await runNode(node, {
			parameters: {
				resource: 'product',
				operation: 'updatePrice',
				priceTarget: 'product',
				identifyBy: 'id',
				product: { __rl: true, mode: 'id', value: String(product.id) },
				price: 12.5,
			},
			credentials: tokenCredentials(sim),
		});
		expect(price.json).toEqual({ id: product.id, price: 12.5, success: true });
		expect(sim.store.get('products', product.id as number)).toMatchObject({
			quantity_on_hand: 7,
			price: 12.5,
		});
	});

	it('a tier price row and a product created without an answer are read back, not created again', async () => {
		const product = sim.store.list('products')[1];
		sim.scriptFaults([
			{
				match: { method: 'POST', path: /product_pricing$/ },
				respond: { status: 201 },
				applyWrite: true,
			},
		]);
		const [row] = await runNode(node, {
			parameters: {
				resource: 'product',
				operation: 'updatePrice',
				priceTarget: 'pricingRow',
				identifyBy: 'id',
				product: { __rl: true, mode: 'id', value: String(product.id) },
				price: 9.5,
				startingQuantity: 10,
			},
			credentials: tokenCredentials(sim),
		});
		const rows = sim.store
			.list('product_pricing')
			.filter(
				(candidate) => candidate.product_id === product.id && candidate.starting_quantity === 10,
			);
		expect(rows).toHaveLength(1);
		expect(row.json).toMatchObject({ id: rows[0].id, price: 9.5 });

		sim.clearRequests();
		sim.scriptFaults([
			{ match: { method: 'POST', path: /products$/ }, respond: { status: 201 }, applyWrite: true },
		]);
		const [upserted] = await runNode(node, {
			parameters: {
				resource: 'product',
				operation: 'upsert',
				itemNumber: 'NO-ANSWER-1',
				itemName: 'Answered Empty',
				price: '5',
				mode: 'publish',
				variants: '[]',
				additionalFields: { productStatusId: 1, primaryCategoryId: 1 },
			},
			credentials: tokenCredentials(sim),
		});
		const created = sim.store
			.list('products')
			.filter((candidate) => candidate.item_number === 'NO-ANSWER-1');
		expect(created).toHaveLength(1);
		expect(upserted.json).toMatchObject({ action: 'created', product_id: created[0].id });
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('a create answered without its record is an error that says not to run it again blindly', async () => {
		sim.scriptFaults([{ match: { method: 'POST' }, respond: { status: 201 }, applyWrite: true }]);
		const items = await runNode(node, {
			parameters: {
				resource: 'manufacturer',
				operation: 'create',
				additionalFields: { name: 'No Body Brand' },
			},
			credentials: tokenCredentials(sim),
			continueOnFail: true,
		});
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(String(items[0].json.error)).toContain('answered without the record');
		expect(String(items[0].json.description)).toContain('Do not run this again blindly');
	});

	it.each([
		['an empty body', ''],
		['null', 'null'],
		['an array', '[]'],
		['a string', '"ok"'],
	])('a read answered with %s is retried, then a clear error', async (_label, body) => {
		fastTransport({ maxRetries: 2 });
		const id = manufacturerId();
		sim.scriptFaults(
			Array.from({ length: 3 }, () => ({
				match: { method: 'GET' },
				respond: { status: 200, body },
			})),
		);
		const error = await failureOf(
			runNode(node, {
				parameters: {
					resource: 'manufacturer',
					operation: 'get',
					recordId: { __rl: true, mode: 'id', value: String(id) },
				},
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/returned (an empty answer|an answer that is not a JSON object)/);
		expect(sim.requests).toHaveLength(3);
	});

	it('an update answered with an odd body is not repeated and says it may have been applied', async () => {
		const id = manufacturerId();
		sim.scriptFaults([
			{ match: { method: 'PUT' }, respond: { status: 200, body: '"ok"' }, applyWrite: true },
		]);
		const error = await failureOf(
			runNode(node, {
				parameters: {
					resource: 'manufacturer',
					operation: 'update',
					recordId: { __rl: true, mode: 'id', value: String(id) },
					updateFields: { description: 'Odd answer' },
				},
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error.message).toContain('an answer that is not a JSON object');
		expect(error.description).toContain('may have been applied');
		expect(sim.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
	});

	it('an empty 200 on a list is not "no records": it is retried, then fails', async () => {
		fastTransport({ maxRetries: 1 });
		sim.scriptFaults(
			Array.from({ length: 2 }, () => ({
				match: { method: 'GET' },
				respond: { status: 200, body: '' },
			})),
		);
		const error = await failureOf(
			runNode(node, {
				parameters: { resource: 'manufacturer', operation: 'getAll', returnAll: true },
				credentials: tokenCredentials(sim),
			}),
		);
		expect(error.message).toContain('empty answer');
		expect(sim.requests).toHaveLength(2);
	});
});

describe('a shipment created without an answer', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 30, products: 5, customers: 5 } });
	});
	afterAll(async () => await sim.stop());

	it('is read back from the order and reported once, with no second POST', async () => {
		const order = unshippedOrder(sim);
		sim.clearRequests();
		sim.scriptFaults([
			{
				match: { method: 'POST', path: /order_shipments$/ },
				respond: { status: 201 },
				applyWrite: true,
			},
		]);
		const [item] = await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'createShipment',
				recordId: { __rl: true, mode: 'id', value: String(order.id) },
				trackingNumbers: '1Z-EMPTY-201',
			},
			credentials: tokenCredentials(sim),
		});
		const stored = sim.store
			.list('order_shipments')
			.filter((shipment) => shipment.order_id === order.id);
		expect(stored).toHaveLength(1);
		expect(item.json).toMatchObject({
			id: stored[0].id,
			tracking_numbers: '1Z-EMPTY-201',
			created: true,
		});
		expect(sim.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});

describe('secrets in any encoding never reach an error or an item', () => {
	// Characters that JSON, URL and form encoding all change, in a token and a router secret.
	const token = 'tok/en+with="quotes"\\and spaces';
	const router = { userName: 'me', userSecret: 'sec+ret/=="x"', siteId: '1' };
	let echo: HostileServer;

	beforeAll(async () => {
		// A store that puts everything it received into its error: headers and URL, raw and encoded.
		echo = await startHostileServer('127.0.0.1', (request, res) => {
			const headers = JSON.stringify(request.headers);
			sendJson(res, 400, {
				status_code: 400,
				message: `Bad Request ${request.headers['x-ac-auth-token'] ?? request.headers['x-ac-pub-auth-signature']}`,
				details: `${headers} ${encodeURIComponent(headers)} ${request.url} ${Buffer.from(headers).toString('base64')}`,
			});
		});
	});
	afterAll(async () => await echo.stop());
	beforeEach(() => fastTransport());

	function forms(secret: string): string[] {
		return [
			secret,
			JSON.stringify(secret).slice(1, -1),
			encodeURIComponent(secret),
			encodeURIComponent(secret).replace(/%20/g, '+'),
		];
	}
	function expectNoSecret(text: string, secrets: string[]) {
		for (const secret of secrets)
			for (const form of forms(secret)) expect(text).not.toContain(form);
	}

	it('the access token, raw, JSON-escaped or URL-encoded', async () => {
		const credentials = { cartComApi: { storeDomain: echo.url, accessToken: token } };
		const parameters = {
			resource: 'product',
			operation: 'get',
			recordId: { __rl: true, mode: 'id', value: '1' },
		};
		const error = await failureOf(runNode(node, { parameters, credentials }));
		expect(echo.requests[0].headers['x-ac-auth-token']).toBe(token);
		expectNoSecret(
			`${error.message} ${error.description} ${JSON.stringify(error)} ${JSON.stringify((error as { cause?: unknown }).cause ?? null)}`,
			[token],
		);
		const items = await runNode(node, { parameters, credentials, continueOnFail: true });
		expectNoSecret(JSON.stringify(items), [token]);
	});

	it('the router signature (replayable) and a two-letter user name', async () => {
		const credentials = { cartComRouterApi: { ...router, routerUrl: `${echo.url}/api/v1` } };
		const parameters = {
			authentication: 'centralApiRouter',
			resource: 'product',
			operation: 'get',
			recordId: { __rl: true, mode: 'id', value: '1' },
		};
		echo.requests.length = 0;
		const error = await failureOf(runNode(node, { parameters, credentials }));
		const signature = String(echo.requests[0].headers['x-ac-pub-auth-signature']);
		expect(signature).toBe(signRouterRequest('GET', echo.requests[0].url, 'me', router.userSecret));
		const text = `${error.message} ${error.description} ${JSON.stringify(error)}`;
		expectNoSecret(text, [signature, router.userSecret]);
		expect(text).not.toMatch(/\bme\b/);
		const items = await runNode(node, { parameters, credentials, continueOnFail: true });
		expectNoSecret(JSON.stringify(items), [signature, router.userSecret]);
	});
});

describe('paging that never ends', () => {
	let server: HostileServer;
	let handler: (url: URL, res: ServerResponse) => void;
	beforeAll(async () => {
		server = await startHostileServer('127.0.0.1', (request, res) =>
			handler(new URL(request.url, 'http://x'), res),
		);
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		fastTransport();
		server.requests.length = 0;
	});
	const credentials = () => ({ cartComApi: { storeDomain: server.url, accessToken: TOKEN } });
	const getMany = (extra: IDataObject, inspect?: Parameters<typeof runNode>[1]['inspect']) =>
		runNode(node, {
			parameters: { resource: 'product', operation: 'getAll', simplify: false, ...extra },
			credentials: credentials(),
			inspect,
		});

	it.each([
		['Return All', { returnAll: true }],
		['a Limit above what exists', { returnAll: false, limit: 50 }],
	])(
		'a server that ignores page and always says next_page: %s stops after the first repeated page',
		async (_label, parameters) => {
			handler = (_url, res) =>
				sendJson(
					res,
					200,
					productPage([1, 2, 3], { next_page: `${server.url}/api/v1/products?page=2` }),
				);
			const items = await getMany(parameters);
			expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
			expect(server.requests).toHaveLength(2);
		},
	);

	it('short pages from a server that ignores page teach no page cap: the next read asks for 1,000 again', async () => {
		handler = (_url, res) =>
			sendJson(
				res,
				200,
				productPage([1, 2, 3], { next_page: `${server.url}/api/v1/products?page=2` }),
			);
		await getMany({ returnAll: true });
		handler = (_url, res) => sendJson(res, 200, productPage([1, 2, 3]));
		await getMany({ returnAll: true });
		const pages = server.requests.map((request) => {
			const query = new URL(request.url, 'http://x').searchParams;
			return `${query.get('count')}@${query.get('page')}`;
		});
		expect(pages).toEqual(['1000@1', '3@2', '1000@1']);
	});

	it('never reads past ceil(total_count / count) pages, even if next_page goes on', async () => {
		let next = 1;
		handler = (url, res) => {
			const count = Number(url.searchParams.get('count'));
			const ids = Array.from({ length: count }, () => next++);
			sendJson(res, 200, productPage(ids, { total_count: 250, next_page: 'more' }));
		};
		const items = await getMany({ returnAll: true, options: { pageSize: 100 } });
		expect(server.requests).toHaveLength(3);
		expect(items).toHaveLength(300);
	});

	it('warns when total_count says more records exist than were read after a full last page', async () => {
		handler = (_url, res) => sendJson(res, 200, productPage([1, 2], { total_count: 9 }));
		let hints: Array<{ message: string }> = [];
		const items = await getMany({ returnAll: true, options: { pageSize: 2 } }, (context) => {
			hints = context.hints as Array<{ message: string }>;
		});
		expect(items).toHaveLength(2);
		expect(hints.map((hint) => hint.message)).toEqual([
			expect.stringContaining('reported 9 records, but reading ended after 2'),
		]);
	});

	it('reads paging metadata tolerantly: total_count null or "3", next_page as a number', async () => {
		const pages: IDataObject[] = [
			{ total_count: null, next_page: 2, products: [{ id: 1 }] },
			{ total_count: '3', next_page: 3, products: [{ id: 2 }] },
			{ total_count: '3', products: [{ id: 3 }] },
		];
		handler = (url, res) => sendJson(res, 200, pages[Number(url.searchParams.get('page')) - 1]);
		const items = await getMany({ returnAll: true, options: { pageSize: 1 } });
		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});
});

describe('time bounds', () => {
	let server: HostileServer;
	beforeAll(async () => {
		// Sends the headers and then one byte every 100 ms, forever: never idle, never complete.
		server = await startHostileServer('127.0.0.1', (_request, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"products":[');
			const drip = setInterval(() => {
				if (res.destroyed) clearInterval(drip);
				else res.write(' ');
			}, 100);
			res.on('close', () => clearInterval(drip));
		});
	});
	afterAll(async () => await server.stop());
	const credentials = () => ({ cartComApi: { storeDomain: server.url, accessToken: TOKEN } });

	it('a trickled read is abandoned at the per-attempt deadline, retried, then fails', async () => {
		fastTransport({ attemptDeadlineMs: 300, maxRetries: 1 });
		server.requests.length = 0;
		const started = performance.now();
		const error = await failureOf(
			runNode(node, {
				parameters: { resource: 'product', operation: 'getAll', returnAll: true },
				credentials: credentials(),
			}),
		);
		expect(error.message).toContain('EDEADLINE');
		expect(server.requests).toHaveLength(2);
		expect(performance.now() - started).toBeLessThan(5_000);
	}, 15_000);

	it('a trickled write is abandoned once, not repeated, and reported as possibly applied', async () => {
		fastTransport({ attemptDeadlineMs: 300, maxRetries: 3 });
		server.requests.length = 0;
		const error = await failureOf(
			runNode(node, {
				parameters: {
					resource: 'inventory',
					operation: 'set',
					identifierType: 'product_id',
					identifierValue: '1',
					quantity: 2,
				},
				credentials: credentials(),
			}),
		);
		expect(error.description).toContain('may already have been applied');
		expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	}, 15_000);

	it('the call budget keeps counting when the host clock steps back an hour', () => {
		const wallClock = jest.spyOn(Date, 'now');
		try {
			const start = 1_700_000_000_000;
			wallClock.mockReturnValue(start);
			const budget = new CallBudget();
			budget.settle({ used: 0, limit: 1 });
			expect(budget.tryTake()).toBe(0);
			wallClock.mockReturnValue(start - 3_600_000);
			// The slot frees at the end of the 10 s window, not an hour later.
			expect(budget.tryTake()).toBeLessThanOrEqual(10_200);
		} finally {
			wallClock.mockRestore();
		}
	});
});

describe('Retry-After that would hammer the store', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 0, products: 5, customers: 0 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		fastTransport({ minRetryAfterMs: 300 });
		sim.clearRequests();
	});
	const getMany = () =>
		runNode(node, {
			parameters: { resource: 'product', operation: 'getAll', returnAll: true },
			credentials: tokenCredentials(sim),
		});

	it.each([
		['an HTTP date in the past', DateTime.utc().minus({ minutes: 5 }).toHTTP()!],
		['0 seconds', '0'],
	])(
		'a 429 with Retry-After %s still waits at least one window slot',
		async (_label, retryAfter) => {
			sim.scriptFaults([{ status: 429, retryAfter }]);
			await getMany();
			const [limited, retried] = sim.requests;
			expect(limited.status).toBe(429);
			expect(retried.at - limited.at).toBeGreaterThanOrEqual(290);
		},
	);

	it('a store that keeps answering 429 gets a bounded number of tries and a clear error', async () => {
		fastTransport({ minRetryAfterMs: 5, maxRetries: 3 });
		sim.scriptFaults(Array.from({ length: 4 }, () => ({ status: 429, retryAfter: '0' })));
		const error = await failureOf(getMany());
		expect(sim.requests).toHaveLength(4);
		expect(error.description).toContain('still answered 429 after 4 attempts');
	});
});

describe('a credential test without a redirect', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 0, products: 3, customers: 0 } });
	});
	afterAll(async () => await sim.stop());

	it('the credential test of a working router credential still passes', async () => {
		const result = await runCredentialTest(
			'cartComRouterApi',
			routerCredentials(sim).cartComRouterApi,
		);
		expect(result.statusCode).toBe(200);
	});
});
