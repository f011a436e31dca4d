/**
 * Cart routes of docs/api-carting.md against the simulator's store: items added, changed, removed,
 * totals, shipping, coupon, payment methods and checkout, which must never be sent twice.
 */
import { startStore, type Simulator } from '../helpers/fixtures';
import { API, byId, expectInputError, jsonOf, run, runFailing } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore();
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.clearRequests());

const CARD = '4111111111111111';

function newCart(): number {
	return sim.store.create('carts', { store_id: 1, customer_id: null, associated_order_id: null })
		.id as number;
}

function pricedProduct() {
	return sim.store
		.list('products')
		.find((p) => typeof p.price === 'number' && (p.price as number) > 0)!;
}

async function addTwo(cartId: number) {
	const product = pricedProduct();
	await run(sim, {
		resource: 'cart',
		operation: 'addItems',
		cartId: byId(cartId),
		cartItems: { rows: [{ productId: String(product.id), quantity: 2, variantIds: '' }] },
	});
	return product;
}

const checkout = (cartId: number, extra: Record<string, unknown> = {}) => ({
	resource: 'cart',
	operation: 'placeOrder',
	cartId: byId(cartId),
	customerFirstName: 'Jo',
	customerLastName: 'Doe',
	customerEmail: `jo-${cartId}@example.com`,
	billing_name: 'Jo Doe',
	billing_address_line_1: '1 Main St',
	billing_city: 'Beaumont',
	billing_state: 'TX',
	billing_postal_code: '77702',
	billing_country: 'US',
	cardNumber: CARD,
	cardName: 'Jo Doe',
	cardExpirationMonth: '12',
	cardExpirationYear: '2030',
	cardCvv: '987',
	...extra,
});

describe('Cart items', () => {
	it('Add Items puts the product in the cart; the answer has the new totals', async () => {
		const cartId = newCart();
		const product = await addTwo(cartId);
		expect(sim.requests[0]).toMatchObject({
			method: 'POST',
			path: `${API}/carts/${cartId}/items`,
			body: { items: [{ product_id: product.id, quantity: 2 }] },
		});
		const lines = sim.store.list('cart_items').filter((row) => row.cart_id === cartId);
		expect(lines).toEqual([expect.objectContaining({ product_id: product.id, quantity: 2 })]);
	});

	it('Update Items sets quantities; Remove Items removes the listed lines only', async () => {
		const cartId = newCart();
		await addTwo(cartId);
		const line = sim.store.list('cart_items').find((row) => row.cart_id === cartId)!;
		const items = await run(sim, {
			resource: 'cart',
			operation: 'updateItems',
			cartId: byId(cartId),
			cartItemQuantities: { rows: [{ cartItemId: String(line.id), quantity: 5 }] },
		});
		expect(sim.store.get('cart_items', line.id as number)?.quantity).toBe(5);
		expect(items[0].json.subtotal).toBeCloseTo(5 * (line.price as number));
		await run(sim, {
			resource: 'cart',
			operation: 'removeItems',
			cartId: byId(cartId),
			cartItemIds: String(line.id),
		});
		expect(sim.store.get('cart_items', line.id as number)).toBeUndefined();
	});

	it('Remove Items never sends an empty body (which would empty the cart) by accident', async () => {
		const cartId = newCart();
		await addTwo(cartId);
		await expectInputError(
			sim,
			{ resource: 'cart', operation: 'removeItems', cartId: byId(cartId), cartItemIds: ' , ' },
			'Cart Item IDs',
		);
		expect(sim.store.list('cart_items').filter((row) => row.cart_id === cartId)).toHaveLength(1);
		await run(sim, {
			resource: 'cart',
			operation: 'removeItems',
			cartId: byId(cartId),
			removeWhich: 'all',
		});
		expect(sim.store.list('cart_items').filter((row) => row.cart_id === cartId)).toHaveLength(0);
	});
});

describe('Cart shipping, totals, coupon, payment methods', () => {
	it('rates are one item each; the chosen one shows in the totals', async () => {
		const cartId = newCart();
		await addTwo(cartId);
		const rates = await run(sim, {
			resource: 'cart',
			operation: 'getShippingRates',
			cartId: byId(cartId),
			city: 'Round Rock',
			state: 'TX',
			postalCode: '78681',
			country: 'US',
		});
		expect(jsonOf(rates).map((rate) => rate.provider)).toEqual(['Custom', 'USPS', 'FedEx']);
		await run(sim, {
			resource: 'cart',
			operation: 'setShippingMethod',
			cartId: byId(cartId),
			identifier: 'USPS;Priority Mail;USPS Priority Mail',
		});
		const [cart] = await run(sim, {
			resource: 'cart',
			operation: 'getTotals',
			cartId: byId(cartId),
		});
		expect(cart.json.shipping_total).toBe(5.85);
		expect(cart.json.grand_total).toBeCloseTo((cart.json.subtotal as number) + 5.85);
		await run(sim, {
			resource: 'cart',
			operation: 'setShippingEstimate',
			cartId: byId(cartId),
			postalCode: '77701',
		});
		expect(sim.store.get('carts', cartId)?.shipping_estimate_postal_code).toBe('77701');
		const methods = await run(sim, {
			resource: 'cart',
			operation: 'getPaymentMethods',
			cartId: byId(cartId),
		});
		expect(jsonOf(methods).map((m) => m.payment_method_id)).toEqual([0, 6]);
	});

	it('all four address fields are required for rates, named in one error', async () => {
		await expectInputError(
			sim,
			{ resource: 'cart', operation: 'getShippingRates', cartId: byId(newCart()) },
			'City, State, Postal Code, Country',
		);
	});
});

describe('Cart: Place Order', () => {
	it('creates the order and its items from the cart; the card is sent, never returned', async () => {
		const cartId = newCart();
		const product = await addTwo(cartId);
		const [result] = await run(sim, checkout(cartId));
		const orderId = result.json.order_id as number;
		expect(sim.store.get('carts', cartId)?.associated_order_id).toBe(orderId);
		expect(sim.store.list('order_items').filter((row) => row.order_id === orderId)).toEqual([
			expect.objectContaining({ product_id: product.id, quantity: 2 }),
		]);
		expect(JSON.stringify(result.json)).not.toContain(CARD);
		expect(sim.requests.at(-1)?.body).toMatchObject({
			credit_card: { number: CARD },
			use_billing_address_for_shipping: true,
		});
	});

	it('a reset after the order was made is not re-sent: the cart is re-read and the order reported', async () => {
		const cartId = newCart();
		await addTwo(cartId);
		sim.clearRequests();
		sim.scriptFaults([{ match: { path: /place_order$/ }, reset: true, applyWrite: true }]);
		const [result] = await run(sim, checkout(cartId));
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${API}/carts/${cartId}/place_order`,
			`GET ${API}/carts/${cartId}`,
		]);
		expect(result.json).toMatchObject({
			order_id: sim.store.get('carts', cartId)?.associated_order_id,
			placed: true,
		});
	});

	it('a 500 without an order says it may have been placed, sends once, and hides the card', async () => {
		const cartId = newCart();
		await addTwo(cartId);
		sim.clearRequests();
		sim.scriptFaults([{ match: { path: /place_order$/ }, status: 500 }]);
		const error = await runFailing(sim, checkout(cartId));
		expect(error.message).toMatch(/may have been placed/);
		expect(sim.requests.filter((r) => r.path.endsWith('place_order'))).toHaveLength(1);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(CARD);
	});

	it('every missing field is named in one error before any request', async () => {
		const error = await expectInputError(
			sim,
			{
				resource: 'cart',
				operation: 'placeOrder',
				cartId: byId(newCart()),
				customerFirstName: 'Jo',
			},
			'Customer Last Name, Customer Email, Billing Name',
		);
		expect(error.message).toMatch(/Card CVV/);
	});
});
