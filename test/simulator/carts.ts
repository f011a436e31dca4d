/**
 * The carting routes of docs/api-carting.md (acapi.yaml has only `GET /carts`): items added, changed
 * and removed, shipping rates and method, the estimation address, a coupon, payment methods, totals
 * (`/calculated`) and `place_order`, which turns the cart into an order once.
 */
import {
	badRequest,
	conflict,
	methodNotAllowed,
	notFound,
	type RequestContext,
	type SimResponse,
} from './httpTypes';
import type { MemoryStore } from './store';
import type { SimRecord } from './types';

const NUMERIC_ID = /^\d+$/;

/** The rates the simulated store offers; the free ground method needs a subtotal of 50. */
function ratesFor(subtotal: number): SimRecord[] {
	return [
		{
			shipping_provider_service_id: 0,
			custom_shipping_method_id: 3,
			provider: 'Custom',
			name: '3',
			description: 'Free Ground Shipping',
			identifier: 'Custom;3;Free Ground Shipping',
			total_charges: subtotal >= 50 ? 0 : 4.95,
			lead_time: null,
		},
		{
			shipping_provider_service_id: 29,
			custom_shipping_method_id: null,
			provider: 'USPS',
			name: 'Priority Mail',
			description: 'USPS Priority Mail',
			identifier: 'USPS;Priority Mail;USPS Priority Mail',
			total_charges: 5.85,
			lead_time: null,
		},
		{
			shipping_provider_service_id: 21,
			custom_shipping_method_id: null,
			provider: 'FedEx',
			name: 'GROUND_HOME_DELIVERY',
			description: 'FedEx Home Delivery',
			identifier: 'FedEx;GROUND_HOME_DELIVERY;FedEx Home Delivery',
			total_charges: 10.2,
			lead_time: null,
		},
	];
}

const PAYMENT_METHODS = [
	{ payment_method_id: 0, name: 'Credit Card', payment_type: 'CreditCard' },
	{ payment_method_id: 6, name: 'Pay by Purchase Order', payment_type: 'Custom' },
];

const round2 = (value: number) => Math.round(value * 100) / 100;

function itemsOf(store: MemoryStore, cartId: number): readonly SimRecord[] {
	return store.rows('cart_items').filter((row) => row.cart_id === cartId);
}

/** Recomputes the cart's totals from its items and chosen shipping, stores them, returns the cart with items. */
function recalculate(store: MemoryStore, cartId: number): SimRecord {
	const items = itemsOf(store, cartId);
	const subtotal = round2(
		items.reduce((sum, row) => sum + Number(row.price ?? 0) * Number(row.quantity ?? 0), 0),
	);
	const cart = store.raw('carts', cartId) as SimRecord;
	const identifier = cart.shipping_method_identifier;
	const rate = ratesFor(subtotal).find((entry) => entry.identifier === identifier);
	const shipping = items.length > 0 && rate ? Number(rate.total_charges) : 0;
	const discount = Number(cart.discount_total ?? 0);
	const updated = store.patch('carts', cartId, {
		subtotal,
		shipping_total: shipping,
		discounted_shipping_total: shipping,
		tax_total: 0,
		grand_total: round2(subtotal - discount + shipping),
	}) as SimRecord;
	return { ...structuredClone(updated), items: items.map((row) => structuredClone(row)) };
}

function objectBody(ctx: RequestContext): SimRecord | undefined {
	const body = ctx.body;
	if (ctx.bodyInvalid || !body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	return body as SimRecord;
}

const isCount = (value: unknown, min: number) =>
	typeof value === 'number' && Number.isInteger(value) && value >= min;

function addItems(ctx: RequestContext, cartId: number): SimResponse {
	const body = objectBody(ctx);
	const items = body?.items;
	if (!Array.isArray(items) || items.length === 0) return badRequest('items is required');
	for (const entry of items as SimRecord[]) {
		if (!entry || typeof entry !== 'object') return badRequest('items must be objects');
		if (!isCount(entry.product_id, 1) || !isCount(entry.quantity, 1))
			return badRequest('product_id and quantity are required for each item');
		if (!ctx.store.raw('products', entry.product_id as number))
			return notFound(`Product ${String(entry.product_id)} was not found.`);
		if (entry.variant_ids !== undefined && !Array.isArray(entry.variant_ids))
			return conflict('variant_ids must be an array');
	}
	for (const entry of items as SimRecord[]) {
		const product = ctx.store.raw('products', entry.product_id as number) as SimRecord;
		const variants = (entry.variant_ids as number[] | undefined) ?? [];
		const same = itemsOf(ctx.store, cartId).find(
			(row) =>
				row.product_id === entry.product_id &&
				JSON.stringify(row.variant_ids ?? []) === JSON.stringify(variants),
		);
		if (same) {
			ctx.store.patch(
				'cart_items',
				same.id as number,
				{
					quantity: Number(same.quantity) + (entry.quantity as number),
				},
				{ countWrite: true },
			);
			continue;
		}
		ctx.store.insert(
			'cart_items',
			{
				cart_id: cartId,
				product_id: entry.product_id,
				item_number: product.item_number ?? '',
				item_name: product.item_name ?? '',
				quantity: entry.quantity,
				price: product.price ?? 0,
				variant_ids: variants,
				personalizations: entry.personalizations ?? null,
			},
			{ countWrite: true },
		);
	}
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

function updateItems(ctx: RequestContext, cartId: number): SimResponse {
	const items = objectBody(ctx)?.items;
	if (!Array.isArray(items) || items.length === 0) return badRequest('items is required');
	const mine = new Set(itemsOf(ctx.store, cartId).map((row) => row.id));
	for (const entry of items as SimRecord[]) {
		if (!entry || !isCount(entry.cart_item_id, 1) || !isCount(entry.quantity, 0))
			return badRequest('cart_item_id and quantity are required for each item');
		if (!mine.has(entry.cart_item_id))
			return notFound(`Cart item ${String(entry.cart_item_id)} is not in this cart.`);
	}
	for (const entry of items as SimRecord[]) {
		// Assumed: a quantity of 0 removes the line.
		if (entry.quantity === 0)
			ctx.store.delete('cart_items', entry.cart_item_id as number, { countWrite: true });
		else
			ctx.store.patch(
				'cart_items',
				entry.cart_item_id as number,
				{ quantity: entry.quantity },
				{ countWrite: true },
			);
	}
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

function removeItems(ctx: RequestContext, cartId: number): SimResponse {
	const body = ctx.body === undefined ? {} : objectBody(ctx);
	if (!body) return badRequest('The body must be a JSON object.');
	const ids = body.cart_item_ids;
	const lines = itemsOf(ctx.store, cartId);
	// docs/api-carting.md: without a body, every item is removed.
	const doomed =
		ids === undefined
			? lines.map((row) => row.id as number)
			: Array.isArray(ids) && ids.every((id) => isCount(id, 1))
				? (ids as number[]).filter((id) => lines.some((row) => row.id === id))
				: undefined;
	if (!doomed) return badRequest('cart_item_ids must be an array of IDs');
	for (const id of doomed) ctx.store.delete('cart_items', id, { countWrite: true });
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

function shippingRates(ctx: RequestContext, cartId: number): SimResponse {
	const missing = ['city', 'state', 'postal_code', 'country'].filter(
		(name) => (ctx.query.get(name) ?? '').trim() === '',
	);
	if (missing.length > 0) return badRequest(`${missing.join(', ')} required`);
	const cart = recalculate(ctx.store, cartId);
	const rates = ratesFor(Number(cart.subtotal));
	return { status: 200, body: { total_count: rates.length, rates } };
}

function setShippingMethod(ctx: RequestContext, cartId: number): SimResponse {
	const identifier = objectBody(ctx)?.identifier;
	if (typeof identifier !== 'string' || identifier === '')
		return badRequest('identifier is required');
	const subtotal = Number(recalculate(ctx.store, cartId).subtotal);
	if (!ratesFor(subtotal).some((rate) => rate.identifier === identifier))
		return conflict(`Shipping method ${identifier} is not available for this cart.`);
	ctx.store.patch(
		'carts',
		cartId,
		{ shipping_method_identifier: identifier },
		{ countWrite: true },
	);
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

function setEstimation(ctx: RequestContext, cartId: number): SimResponse {
	const body = objectBody(ctx);
	if (!body) return badRequest('The body must be a JSON object.');
	const patch: SimRecord = {};
	for (const name of ['city', 'state_code', 'postal_code', 'country_code']) {
		if (body[name] === undefined) continue;
		if (typeof body[name] !== 'string') return conflict(`${name} must be a string`);
		patch[`shipping_estimate_${name}`] = body[name];
	}
	ctx.store.patch('carts', cartId, patch, { countWrite: true });
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

function setCoupon(ctx: RequestContext, cartId: number): SimResponse {
	const code = objectBody(ctx)?.coupon_code;
	if (typeof code !== 'string' || code === '') return badRequest('coupon_code is required');
	const known = ctx.store
		.rows('coupon_codes')
		.some((row) => String(row.coupon_code ?? '').toLowerCase() === code.toLowerCase());
	if (!known) return conflict(`Coupon code ${code} is not valid.`);
	ctx.store.patch('carts', cartId, { coupon_code: code }, { countWrite: true });
	return { status: 200, body: recalculate(ctx.store, cartId) };
}

const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function missingOf(record: unknown, names: string[], prefix: string): string[] {
	const fields = record && typeof record === 'object' ? (record as SimRecord) : {};
	return names.filter((name) => !text(fields[name])).map((name) => `${prefix}.${name}`);
}

const ADDRESS_FIELDS = ['name', 'address_line_1', 'city', 'state', 'postal_code', 'country'];

/** `POST /carts/{id}/place_order`: checks the body, creates the customer (if new), order and items, once. */
function placeOrder(ctx: RequestContext, cartId: number): SimResponse {
	const body = objectBody(ctx);
	if (!body) return badRequest('The body must be a JSON object.');
	const cart = ctx.store.raw('carts', cartId) as SimRecord;
	if (cart.associated_order_id)
		return conflict(`This cart was already placed as order ${String(cart.associated_order_id)}.`);
	const lines = itemsOf(ctx.store, cartId);
	if (lines.length === 0) return conflict('The cart is empty.');
	const customer = (body.customer ?? {}) as SimRecord;
	const missing = [
		...missingOf(customer, ['first_name', 'last_name', 'email'], 'customer'),
		...missingOf(body.billing_address, ADDRESS_FIELDS, 'billing_address'),
		...(body.use_billing_address_for_shipping === true
			? []
			: missingOf(body.shipping_address, ADDRESS_FIELDS, 'shipping_address')),
	];
	const paymentMethodId = body.payment_method_id ?? 0;
	if (!PAYMENT_METHODS.some((method) => method.payment_method_id === paymentMethodId))
		return conflict(`Payment method ${String(paymentMethodId)} is not available.`);
	if (paymentMethodId === 0)
		missing.push(
			...missingOf(
				body.credit_card,
				['number', 'name', 'expiration_month', 'expiration_year', 'cvv'],
				'credit_card',
			),
		);
	if (missing.length > 0) return badRequest(`Missing: ${missing.join(', ')}`);
	let customerId = customer.id;
	if (customerId !== undefined) {
		if (typeof customerId !== 'number' || !ctx.store.raw('customers', customerId))
			return notFound(`Customer ${String(customerId)} was not found.`);
	} else {
		const email = String(customer.email).toLowerCase();
		if (ctx.store.rows('customers').some((row) => String(row.email ?? '').toLowerCase() === email))
			return conflict('A customer with this email already exists.');
		customerId = ctx.store.insert(
			'customers',
			{
				email: customer.email,
				first_name: customer.first_name,
				last_name: customer.last_name,
				store_id: cart.store_id ?? 1,
			},
			{ countWrite: true },
		).id;
	}
	const totals = recalculate(ctx.store, cartId);
	const order = ctx.store.insert(
		'orders',
		{
			customer_id: customerId,
			order_status_id: 1,
			store_id: cart.store_id ?? 1,
			subtotal: totals.subtotal,
			shipping_total: totals.shipping_total,
			grand_total: totals.grand_total,
			selected_shipping_method: cart.shipping_method_identifier ?? '',
			coupon_code: cart.coupon_code ?? '',
			public_comments: body.public_comments ?? '',
			private_comments: body.private_comments ?? '',
			instructions: body.instructions ?? '',
			gift_message: body.gift_message ?? '',
		},
		{ countWrite: true },
	);
	for (const line of lines)
		ctx.store.insert(
			'order_items',
			{
				order_id: order.id,
				product_id: line.product_id,
				item_number: line.item_number,
				item_name: line.item_name,
				quantity: line.quantity,
				price: line.price,
			},
			{ countWrite: true },
		);
	ctx.store.patch('carts', cartId, { associated_order_id: order.id }, { countWrite: true });
	return {
		status: 200,
		body: {
			order_id: order.id,
			order_approved: true,
			redirect_url: `OrderView.aspx?orderID=${String(order.id)}&placeorder=yes`,
			message: `Order Successfully Placed. OrderID ${String(order.id)}`,
		},
	};
}

/** `/carts/{id}/{action}`; undefined when the generic nested handler should answer. */
export function handleCart(
	ctx: RequestContext,
	idText: string,
	action: string,
): SimResponse | undefined {
	if (!NUMERIC_ID.test(idText)) return undefined;
	const cartId = Number(idText);
	const known = [
		'items',
		'calculated',
		'shipping',
		'shipping_estimation',
		'coupon_code',
		'payment_methods',
		'place_order',
	];
	if (!known.includes(action)) return undefined;
	if (!ctx.store.raw('carts', cartId)) return notFound();
	const { method } = ctx;
	switch (action) {
		case 'items':
			if (method === 'GET') {
				const items = itemsOf(ctx.store, cartId).map((row) => structuredClone(row));
				return { status: 200, body: { total_count: items.length, items } };
			}
			if (method === 'POST') return addItems(ctx, cartId);
			if (method === 'PUT') return updateItems(ctx, cartId);
			if (method === 'DELETE') return removeItems(ctx, cartId);
			return methodNotAllowed(method);
		case 'calculated':
			return method === 'GET'
				? { status: 200, body: recalculate(ctx.store, cartId) }
				: methodNotAllowed(method);
		case 'shipping':
			if (method === 'GET') return shippingRates(ctx, cartId);
			if (method === 'PUT') return setShippingMethod(ctx, cartId);
			return methodNotAllowed(method);
		case 'shipping_estimation':
			return method === 'PUT' ? setEstimation(ctx, cartId) : methodNotAllowed(method);
		case 'coupon_code':
			return method === 'PUT' ? setCoupon(ctx, cartId) : methodNotAllowed(method);
		case 'payment_methods':
			return method === 'GET'
				? {
						status: 200,
						body: { total_count: PAYMENT_METHODS.length, payment_methods: PAYMENT_METHODS },
					}
				: methodNotAllowed(method);
		default:
			return method === 'POST' ? placeOrder(ctx, cartId) : methodNotAllowed(method);
	}
}
