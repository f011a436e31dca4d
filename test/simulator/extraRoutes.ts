/**
 * The documented routes outside the generic pattern that issue 14 added (docs/resources/*.md of
 * AmeriCommerce/rest-api): order payment processing, the ID-less integration routes, the decrypt
 * routes, store alert e-mails and active catalogs, subscription pause, drip members, adcode by name
 * and state by postal code. `routeExtra` answers them, or returns undefined for the generic router.
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
import { objectBody } from './validation';

const NUMERIC_ID = /^\d+$/;

// ---- state the tables do not hold ------------------------------------------------------------------

interface ExtraState {
	/** Card data in clear, by credit card id (what /credit_cards/{id}/decrypted adds). */
	cardSecrets: Map<number, CardSecret>;
	/** Card data in clear, by order payment id. */
	paymentSecrets: Map<number, CardSecret>;
	alertEmails: Map<number, SimRecord[]>;
	nextAlertEmailId: number;
	catalogs: Map<string, SimRecord>;
}

export interface CardSecret {
	card_number: string;
	cvv?: string;
}

const states = new WeakMap<MemoryStore, ExtraState>();

function stateOf(store: MemoryStore): ExtraState {
	let state = states.get(store);
	if (!state) {
		state = {
			cardSecrets: new Map(),
			paymentSecrets: new Map(),
			alertEmails: new Map(),
			nextAlertEmailId: 1,
			catalogs: new Map(),
		};
		states.set(store, state);
	}
	return state;
}

/** For tests: the card data a decrypt route returns for a credit card or an order payment. */
export function setCardSecret(
	store: object,
	kind: 'credit_cards' | 'order_payments',
	id: number,
	secret: CardSecret,
): void {
	const state = stateOf(store as MemoryStore);
	(kind === 'credit_cards' ? state.cardSecrets : state.paymentSecrets).set(id, secret);
}

/** For tests: the alert e-mails of a store, as GET /stores/{id}/store_alert_email lists them. */
export function alertEmailsOf(store: object, storeId: number): SimRecord[] {
	return structuredClone(alertList(store as MemoryStore, storeId));
}

const lower = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();
const given = (value: unknown) => value !== undefined && value !== null && value !== '';
const copy = (record: SimRecord | undefined) => (record ? structuredClone(record) : record);

// ---- dispatch -------------------------------------------------------------------------------------

export function routeExtra(ctx: RequestContext): SimResponse | undefined {
	const [name, second, third, ...rest] = ctx.segments;
	if (rest.length > 0 || second === undefined) return undefined;
	if (second === 'integration' && third === undefined) return integration(ctx, name);
	if (
		name === 'adcodes' &&
		third === undefined &&
		!NUMERIC_ID.test(second) &&
		second !== 'select_many'
	)
		return adcodeByName(ctx, second);
	if (name === 'addresses' && second === 'state_by_postalcode' && third !== undefined)
		return stateByPostalCode(ctx, third);
	if (!NUMERIC_ID.test(second) || third === undefined) return undefined;
	const id = Number(second);
	switch (`${name}/${third}`) {
		case 'orders/process_payment':
			return processPayment(ctx, id);
		case 'orders/process_payments':
			return processPayments(ctx, id);
		case 'credit_cards/decrypted':
		case 'order_payments/decrypted':
			return decrypted(ctx, name, id);
		case 'stores/store_alert_email':
			return storeAlertEmail(ctx, id);
		case 'stores/active_catalog':
		case 'microstores/active_catalog':
			return activeCatalog(ctx, name, id);
		case 'subscriptions/pause':
			return pauseSubscription(ctx, id);
		case 'drips/members':
			// GET is the generic nested collection.
			return ctx.method === 'GET' ? undefined : dripMembers(ctx, id);
		default:
			return undefined;
	}
}

// ---- orders: process_payment(s) (docs/resources/orders.md) ----------------------------------------

/** A card whose last four digits are 0002 is declined, like the gateways' test card 4000 0000 0000 0002. */
const DECLINING_LAST_FOUR = '0002';

function processPayment(ctx: RequestContext, orderId: number): SimResponse {
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	const order = ctx.store.raw('orders', orderId);
	if (!order) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const { card_id: cardId, customer_id: customerId, amount, cvv } = body.value;
	if (!given(cardId)) return badRequest('card_id is required');
	if (!given(customerId)) return badRequest('customer_id is required');
	if (typeof cardId !== 'number' || typeof customerId !== 'number')
		return conflict('card_id and customer_id must be numbers');
	const card = ctx.store.raw('credit_cards', cardId);
	if (!card) return notFound(`Credit card ${cardId} was not found.`);
	if (card.customer_id !== customerId)
		return conflict(`Credit card ${cardId} does not belong to customer ${customerId}.`);
	if (given(amount) && (typeof amount !== 'number' || amount <= 0))
		return conflict('amount must be a number greater than 0');
	if (given(cvv) && (typeof cvv !== 'string' || !/^\d{3,4}$/.test(cvv)))
		return conflict('cvv must be 3 or 4 digits');
	const declined = String(card.last_four ?? '') === DECLINING_LAST_FOUR;
	const now = ctx.store.nowTimestamp();
	const payment = ctx.store.insert(
		'order_payments',
		{
			order_id: orderId,
			customer_id: customerId,
			payment_type: 'CreditCard',
			payment_method_name: 'Credit Card',
			transaction_type: 'AuthCapture',
			amount: given(amount) ? amount : (order.grand_total ?? 0),
			is_approved: !declined,
			is_declined: declined,
			is_captured: !declined,
			is_void: false,
			card_type: card.card_type ?? '',
			cardholder_name: card.cardholder_name ?? '',
			last_four: card.last_four ?? '',
			card_expiration_month: card.expiration_month ?? null,
			card_expiration_year: card.expiration_year ?? null,
			transaction_id: '',
			authorization_code: declined ? '' : 'SIMAUTH',
			reject_reason: declined ? 'Declined' : '',
			paid_at: now,
			approved_at: declined ? '' : now,
		},
		{ countWrite: true },
	);
	ctx.store.patch('order_payments', payment.id as number, {
		transaction_id: `SIM${String(payment.id)}`,
	});
	return {
		status: 200,
		body: {
			payment_declined: declined,
			response: declined ? 'This transaction has been declined.' : 'Approved',
			payment_processed: !declined,
		},
	};
}

/** Processes the not yet approved payments of a payment order (all not approved with force_process_all). */
function processPayments(ctx: RequestContext, orderId: number): SimResponse {
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	if (!ctx.store.raw('orders', orderId)) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const force = body.value.force_process_all;
	if (given(force) && typeof force !== 'boolean')
		return conflict('force_process_all must be a boolean');
	const now = ctx.store.nowTimestamp();
	let processed = 0;
	for (const payment of ctx.store.lookup('order_payments', 'order_id', orderId)) {
		if (payment.is_approved === true || payment.is_void === true) continue;
		if (payment.is_declined === true && force !== true) continue;
		ctx.store.patch(
			'order_payments',
			payment.id as number,
			{ is_approved: true, is_declined: false, is_captured: true, approved_at: now },
			{ countWrite: true },
		);
		processed++;
	}
	// The response is not documented; the simulator answers a count.
	return { status: 200, body: { payments_processed: processed } };
}

// ---- integration routes (docs/resources/special_integration_routes.md) ----------------------------

/** The id of the record of `table` whose `field` is `name` (case-insensitive), created when missing. */
function idByName(
	ctx: RequestContext,
	table: string,
	field: string,
	name: unknown,
): number | undefined {
	if (!given(name)) return undefined;
	const found = ctx.store.rows(table).find((row) => lower(row[field]) === lower(name));
	if (found) return found.id as number;
	return ctx.store.insert(table, { [field]: String(name) }, { countWrite: true }).id as number;
}

function pick(source: SimRecord, fields: string[]): SimRecord {
	const out: SimRecord = {};
	for (const field of fields) if (source[field] !== undefined) out[field] = source[field];
	return out;
}

function upsert(
	ctx: RequestContext,
	table: string,
	existing: SimRecord | undefined,
	fields: SimRecord,
) {
	if (existing) {
		const updated = ctx.store.patch(table, existing.id as number, fields, { countWrite: true });
		return { status: 200, record: updated as SimRecord };
	}
	return { status: 201, record: ctx.store.insert(table, fields, { countWrite: true }) };
}

const CUSTOMER_FIELDS = [
	'email',
	'customer_number',
	'first_name',
	'last_name',
	'phone_number',
	'alternate_phone_number',
	'company',
	'tax_exemption_number',
	'tax_rate',
	'source',
	'source_group',
	'adcode',
	'comments',
];

function customerIntegration(ctx: RequestContext, body: SimRecord): SimResponse {
	if (!given(body.email)) return badRequest('email is required');
	const existing = ctx.store.lookup('customers', 'email', body.email)[0];
	const fields = pick(body, CUSTOMER_FIELDS);
	const typeId = idByName(ctx, 'customer_types', 'name', body.customer_type);
	if (typeId !== undefined) fields.customer_type_id = typeId;
	if (typeof body.taxable === 'boolean') fields.is_no_tax_customer = !body.taxable;
	if (!existing) fields.store_id = 1;
	const { status, record } = upsert(ctx, 'customers', existing, fields);
	if (Array.isArray(body.addresses)) {
		const known = ctx.store.lookup('addresses', 'customer_id', record.id);
		for (const entry of body.addresses as SimRecord[]) {
			const same = known.find(
				(row) =>
					lower(row.address_line_1) === lower(entry.address_line_1) &&
					lower(row.postal_code) === lower(entry.postal_code),
			);
			const address = {
				customer_id: record.id,
				...pick(entry, [
					'address_line_1',
					'address_line_2',
					'city',
					'state',
					'postal_code',
					'country',
				]),
				is_default_shipping_address: entry.default_shipping_address === true,
				is_default_billing_address: entry.default_billing_address === true,
			};
			upsert(ctx, 'addresses', same, address);
		}
	}
	return { status, body: copy(ctx.store.raw('customers', record.id as number)) };
}

const PRODUCT_FIELDS = [
	'item_number',
	'gtin',
	'manufacturer_part_number',
	'item_name',
	'short_description',
	'weight',
	'size_unit',
	'weight_unit',
	'cost',
	'price',
	'retail',
	'quantity_on_hand',
];

function productIntegration(ctx: RequestContext, body: SimRecord): SimResponse {
	if (!given(body.item_number)) return badRequest('item_number is required');
	const candidates = ctx.store.lookup('products', 'item_number', body.item_number);
	// "item number (and optionally item name, if provided)"
	const existing =
		candidates.length > 1 && given(body.item_name)
			? candidates.find((row) => lower(row.item_name) === lower(body.item_name))
			: candidates[0];
	const fields = pick(body, PRODUCT_FIELDS);
	const statusId = idByName(ctx, 'product_statuses', 'name', body.product_status);
	if (statusId !== undefined) fields.product_status_id = statusId;
	const categoryId = idByName(ctx, 'categories', 'name', body.primary_category_name);
	if (categoryId !== undefined) fields.primary_category_id = categoryId;
	const manufacturerId = idByName(ctx, 'manufacturers', 'name', body.manufacturer_name);
	if (manufacturerId !== undefined) fields.manufacturer_id = manufacturerId;
	if (typeof body.hidden === 'boolean') fields.is_hidden = body.hidden ? 1 : 0;
	if (!existing) {
		fields.item_name ??= String(body.item_number);
		fields.price ??= 0;
		fields.product_status_id ??= 1;
		fields.primary_category_id ??= 1;
		fields.use_variant_inventory ??= false;
	}
	const { status, record } = upsert(ctx, 'products', existing, fields);
	return { status, body: copy(ctx.store.raw('products', record.id as number)) };
}

/** The order of an integration body: order_id, order_number, else customer e-mail and order date. */
function findOrder(ctx: RequestContext, body: SimRecord): SimRecord[] {
	if (given(body.order_id)) {
		const order = ctx.store.raw('orders', Number(body.order_id));
		return order ? [order] : [];
	}
	if (given(body.order_number)) {
		const byNumber = ctx.store.lookup('orders', 'order_number', body.order_number);
		if (byNumber.length) return [...byNumber];
	}
	const email = body.customer_email;
	if (!given(email) || !given(body.ordered_at)) return [];
	const at = Date.parse(String(body.ordered_at));
	return ctx.store
		.lookup('customers', 'email', email)
		.flatMap((customer) => ctx.store.lookup('orders', 'customer_id', customer.id))
		.filter((order) => Date.parse(String(order.ordered_at)) === at);
}

const ORDER_FIELDS = [
	'order_number',
	'ordered_at',
	'subtotal',
	'tax_total',
	'shipping_total',
	'discount_total',
	'handling_total',
	'additional_fees',
	'grand_total',
	'cost_total',
	'selected_shipping_method',
	'referrer',
	'admin_comments',
	'public_comments',
	'is_gift',
	'gift_message',
	'source',
	'source_group',
	'coupon_code',
];

function orderAddress(ctx: RequestContext, body: SimRecord, prefix: string, customerId: number) {
	const get = (field: string) => body[`${prefix}_address_${field}`];
	return ctx.store.insert(
		'order_addresses',
		{
			customer_id: customerId,
			first_name: get('first_name') ?? '',
			last_name: get('last_name') ?? '',
			address_line_1: get('line_1') ?? '',
			address_line_2: get('line_2') ?? '',
			city: get('city') ?? '',
			state: get('state') ?? '',
			postal_code: get('postal_code') ?? '',
			country: get('country') ?? '',
			phone: get('phone') ?? '',
		},
		{ countWrite: true },
	).id as number;
}

function orderIntegration(ctx: RequestContext, body: SimRecord): SimResponse {
	const matches = findOrder(ctx, body);
	if (matches.length > 1)
		return conflict('More than one order matches; cannot tell which to update.');
	const existing = matches[0];
	const fields = pick(body, ORDER_FIELDS);
	const statusId = idByName(ctx, 'order_statuses', 'name', body.order_status);
	if (statusId !== undefined) fields.order_status_id = statusId;
	if (!existing) {
		if (!given(body.customer_email))
			return badRequest('customer_email is required to add an order');
		const customer =
			ctx.store.lookup('customers', 'email', body.customer_email)[0] ??
			ctx.store.insert(
				'customers',
				{
					email: body.customer_email,
					first_name: body.customer_first_name ?? '',
					last_name: body.customer_last_name ?? '',
					store_id: 1,
				},
				{ countWrite: true },
			);
		const customerId = customer.id as number;
		fields.customer_id = customerId;
		fields.order_status_id ??= 1;
		fields.store_id = 1;
		fields.order_billing_address_id = orderAddress(ctx, body, 'billing', customerId);
		fields.order_shipping_address_id = orderAddress(ctx, body, 'shipping', customerId);
	}
	const { status, record } = upsert(ctx, 'orders', existing, fields);
	if (!existing && Array.isArray(body.items)) {
		for (const item of body.items as SimRecord[]) {
			const product = ctx.store.lookup('products', 'item_number', item.item_number)[0];
			ctx.store.insert(
				'order_items',
				{
					order_id: record.id,
					product_id: product?.id ?? null,
					item_number: item.item_number ?? '',
					item_number_full: item.item_number ?? '',
					item_name: item.item_name || product?.item_name || '',
					price: item.price ?? 0,
					quantity: item.quantity ?? 1,
				},
				{ countWrite: true },
			);
		}
	}
	return { status, body: copy(ctx.store.raw('orders', record.id as number)) };
}

const PAYMENT_FIELDS = [
	'payment_method_name',
	'payment_type',
	'is_approved',
	'is_declined',
	'card_type',
	'card_expiration_month',
	'card_expiration_year',
	'cardholder_name',
	'paid_at',
	'approved_at',
	'authorization_code',
	'reject_reason',
	'avs_code',
	'transaction_type',
	'amount',
	'payment_note',
	'is_captured',
	'transaction_id',
	'last_four',
	'is_void',
	'gateway_response_code',
	'cvv_response_code',
	'payment_ref_num',
];

/** Order Payment Id, Payment Ref Number, then Transaction ID, among `payments`. */
function findPayment(payments: readonly SimRecord[], body: SimRecord): SimRecord[] {
	if (given(body.order_payment_id))
		return payments.filter((payment) => payment.id === Number(body.order_payment_id));
	for (const key of ['payment_ref_num', 'transaction_id']) {
		if (!given(body[key])) continue;
		const found = payments.filter((payment) => lower(payment[key]) === lower(body[key]));
		if (found.length) return found;
	}
	return [];
}

function paymentIntegration(ctx: RequestContext, body: SimRecord): SimResponse {
	const orders = findOrder(ctx, body);
	if (orders.length > 1)
		return conflict('More than one order matches; cannot tell which to update.');
	const order = orders[0];
	const pool = order
		? ctx.store.lookup('order_payments', 'order_id', order.id)
		: ctx.store.rows('order_payments');
	const found = findPayment(pool, body);
	if (found.length > 1)
		return conflict('More than one payment matches; cannot tell which to update.');
	if (!found.length && !order)
		return conflict('No order or payment matches; cannot add the payment.');
	const fields = pick(body, PAYMENT_FIELDS);
	if (!found.length && order) {
		fields.order_id = order.id;
		fields.customer_id = order.customer_id;
	}
	const { status, record } = upsert(ctx, 'order_payments', found[0], fields);
	return { status, body: copy(ctx.store.raw('order_payments', record.id as number)) };
}

const SHIPMENT_FIELDS = [
	'shipped_at',
	'tracking_numbers',
	'tracking_url',
	'shipping_method',
	'number_of_packages',
	'total_weight',
	'email_sent',
	'private_comment',
	'shipping_comment',
	'shipment_name',
];

/** Tracking Numbers, Shipment name, then Shipping Method and Date, among `shipments`. */
function findShipment(shipments: readonly SimRecord[], body: SimRecord): SimRecord[] {
	if (given(body.order_shipment_id))
		return shipments.filter((shipment) => shipment.id === Number(body.order_shipment_id));
	for (const key of ['tracking_numbers', 'shipment_name']) {
		if (!given(body[key])) continue;
		const found = shipments.filter((shipment) => lower(shipment[key]) === lower(body[key]));
		if (found.length) return found;
	}
	if (given(body.shipping_method) && given(body.shipped_at)) {
		const at = Date.parse(String(body.shipped_at));
		return shipments.filter(
			(shipment) =>
				lower(shipment.shipping_method) === lower(body.shipping_method) &&
				Date.parse(String(shipment.shipped_at)) === at,
		);
	}
	return [];
}

function shipmentIntegration(ctx: RequestContext, body: SimRecord): SimResponse {
	const orders = findOrder(ctx, body);
	if (orders.length > 1)
		return conflict('More than one order matches; cannot tell which to update.');
	const order = orders[0];
	const pool = order
		? ctx.store.lookup('order_shipments', 'order_id', order.id)
		: ctx.store.rows('order_shipments');
	const found = findShipment(pool, body);
	if (found.length > 1)
		return conflict('More than one shipment matches; cannot tell which to update.');
	if (!found.length && !order)
		return conflict('No order or shipment matches; cannot add the shipment.');
	const fields = pick(body, SHIPMENT_FIELDS);
	if (!found.length && order) fields.order_id = order.id;
	const { status, record } = upsert(ctx, 'order_shipments', found[0], fields);
	const statusId = idByName(ctx, 'order_statuses', 'name', body.order_status);
	if (statusId !== undefined) {
		const target = ctx.store.raw('orders', record.order_id as number);
		if (target && target.order_status_id !== statusId) {
			ctx.store.patch(
				'orders',
				target.id as number,
				{
					order_status_id: statusId,
					previous_order_status_id: target.order_status_id,
					order_status_last_changed_at: ctx.store.nowTimestamp(),
				},
				{ countWrite: true },
			);
		}
	}
	return { status, body: copy(ctx.store.raw('order_shipments', record.id as number)) };
}

const INTEGRATIONS: Record<string, (ctx: RequestContext, body: SimRecord) => SimResponse> = {
	customers: customerIntegration,
	products: productIntegration,
	orders: orderIntegration,
	order_payments: paymentIntegration,
	order_shipments: shipmentIntegration,
};

function integration(ctx: RequestContext, name: string): SimResponse {
	const handler = INTEGRATIONS[name];
	if (!handler) return notFound();
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	return handler(ctx, body.value);
}

// ---- decrypt routes (docs/scopes.md "decrypt") -----------------------------------------------------

/** The record with its card data in clear; the answer shape is not documented (README: assumed). */
function decrypted(ctx: RequestContext, table: string, id: number): SimResponse {
	if (ctx.method !== 'GET') return methodNotAllowed(ctx.method);
	const record = ctx.store.raw(table, id);
	if (!record) return notFound();
	const state = stateOf(ctx.store);
	const secret = (table === 'credit_cards' ? state.cardSecrets : state.paymentSecrets).get(id) ?? {
		card_number: `4111${String(id).padStart(12, '0')}`,
		cvv: '123',
	};
	return { status: 200, body: { ...structuredClone(record), ...secret } };
}

// ---- stores: store_alert_email, active_catalog (docs/resources/stores.md, microstores.md) ------

function alertList(store: MemoryStore, storeId: number): SimRecord[] {
	const state = stateOf(store);
	let list = state.alertEmails.get(storeId);
	if (!list) {
		// The seed's single address (store.storeAlertEmails) becomes the first entry.
		const seeded = store.storeAlertEmails.get(storeId);
		list = seeded ? [{ id: state.nextAlertEmailId++, store_id: storeId, email: seeded }] : [];
		state.alertEmails.set(storeId, list);
	}
	return list;
}

function storeAlertEmail(ctx: RequestContext, storeId: number): SimResponse {
	if (!ctx.store.raw('stores', storeId)) return notFound();
	const list = alertList(ctx.store, storeId);
	if (ctx.method === 'GET')
		return {
			status: 200,
			body: { total_count: list.length, store_alert_email: structuredClone(list) },
		};
	if (ctx.method !== 'PUT') return methodNotAllowed(ctx.method);
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const email = body.value.email;
	if (typeof email !== 'string' || !email.includes('@')) return badRequest('email is required');
	// "Add Store Alert Emails": every PUT adds an entry, a repeated address included.
	const entry = { id: stateOf(ctx.store).nextAlertEmailId++, store_id: storeId, email };
	list.push(entry);
	ctx.store.countWrite('stores');
	return { status: 200, body: structuredClone(entry) };
}

function activeCatalog(ctx: RequestContext, table: string, id: number): SimResponse {
	const owner = ctx.store.raw(table, id);
	if (!owner) return notFound();
	const key = `${table}/${id}`;
	const catalogs = stateOf(ctx.store).catalogs;
	const micro = table === 'microstores';
	const current = catalogs.get(key) ?? {
		store_id: id,
		is_micro_store: micro,
		microstore_catalog_override: false,
		root_category_id: 0,
		category_ids: [],
		product_ids: [],
	};
	if (ctx.method === 'GET') return { status: 200, body: structuredClone(current) };
	if (ctx.method !== 'PUT') return methodNotAllowed(ctx.method);
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const next = { ...current };
	for (const field of ['category_ids', 'product_ids']) {
		const value = body.value[field];
		if (value === undefined) continue;
		if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'number'))
			return conflict(`${field} must be an array of numbers`);
		const table = field === 'category_ids' ? 'categories' : 'products';
		const unknown = value.find((entry) => !ctx.store.raw(table, entry as number));
		if (unknown !== undefined) return conflict(`${field}: ${String(unknown)} does not exist`);
		next[field] = [...value];
	}
	if (body.value.root_category_id !== undefined) {
		const root = body.value.root_category_id;
		if (typeof root !== 'number') return conflict('root_category_id must be a number');
		if (root !== 0 && !ctx.store.raw('categories', root))
			return conflict(`root_category_id: ${root} does not exist`);
		next.root_category_id = root;
	}
	if (micro && typeof body.value.microstore_catalog_override === 'boolean')
		next.microstore_catalog_override = body.value.microstore_catalog_override;
	catalogs.set(key, next);
	ctx.store.countWrite(table);
	return { status: 200, body: structuredClone(next) };
}

// ---- subscriptions/{id}/pause (docs/resources/subscriptions.md) -------------------------------

function pauseSubscription(ctx: RequestContext, id: number): SimResponse {
	if (ctx.method !== 'PUT') return methodNotAllowed(ctx.method);
	const subscription = ctx.store.raw('subscriptions', id);
	if (!subscription) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const entries = body.value.items;
	if (!Array.isArray(entries) || entries.length === 0) return badRequest('items is required');
	const cartItems = ctx.store.lookup('cart_items', 'cart_id', subscription.saved_cart_id);
	for (const entry of entries as SimRecord[]) {
		if (typeof entry?.id !== 'number' || typeof entry.subscription_paused !== 'boolean')
			return conflict('each item needs id and subscription_paused');
		if (!cartItems.some((item) => item.id === entry.id))
			return notFound(`Cart item ${entry.id} is not in this subscription.`);
	}
	for (const entry of entries as SimRecord[]) {
		ctx.store.patch(
			'cart_items',
			entry.id as number,
			{ subscription_paused: entry.subscription_paused },
			{ countWrite: true },
		);
	}
	// The response is not documented; the simulator answers the subscription with its cart items.
	return {
		status: 200,
		body: {
			...structuredClone(subscription),
			items: ctx.store.lookup('cart_items', 'cart_id', subscription.saved_cart_id).map(copy),
		},
	};
}

// ---- drips/{id}/members (docs/resources/drips.md) ---------------------------------------------

function dripMembers(ctx: RequestContext, id: number): SimResponse {
	if (ctx.method !== 'POST' && ctx.method !== 'DELETE') return methodNotAllowed(ctx.method);
	const drip = ctx.store.raw('drips', id);
	if (!drip) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const ids = body.value.customer_ids;
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((entry) => typeof entry === 'number'))
		return badRequest('customer_ids must be a non-empty array of customer IDs');
	const missing = ids.find((customerId) => !ctx.store.raw('customers', customerId as number));
	if (missing !== undefined) return notFound(`Customer ${String(missing)} was not found.`);
	const members = Array.isArray(drip.members) ? (structuredClone(drip.members) as SimRecord[]) : [];
	const now = ctx.store.nowTimestamp();
	let nextId = members.reduce((max, member) => Math.max(max, Number(member.id) || 0), 0) + 1;
	for (const customerId of ids as number[]) {
		const member = members.find((entry) => entry.customer_id === customerId);
		if (ctx.method === 'POST') {
			// Adding a customer again (re)starts the series for them.
			if (member) Object.assign(member, { started_at: now, completed_at: null, email_count: 0 });
			else
				members.push({
					id: nextId++,
					drip_id: id,
					customer_id: customerId,
					started_at: now,
					completed_at: null,
					last_email_at: null,
					email_count: 0,
					subscription_id: null,
					order_id: null,
					custom_merge_keys: '',
					custom_merge_values: '',
				});
		} else if (member && member.completed_at === null) {
			// "will not remove them from the member's list, instead it will mark the drip series as complete"
			member.completed_at = now;
		}
	}
	const updated = ctx.store.patch('drips', id, { members }, { countWrite: true });
	return { status: 200, body: structuredClone(updated) };
}

// ---- adcodes/{name}, addresses/state_by_postalcode/{zip} ---------------------------------------

function adcodeByName(ctx: RequestContext, name: string): SimResponse {
	if (ctx.method !== 'GET') return methodNotAllowed(ctx.method);
	const found = ctx.store.lookup('adcodes', 'name', name)[0];
	return found ? { status: 200, body: copy(found) } : notFound();
}

/** A few US ZIP prefixes; enough for tests (the real route knows every postal code). */
const ZIP_STATES: Array<[RegExp, SimRecord]> = [
	[
		/^7[5-9]\d{3}$/,
		{ id: 43, state: 'Texas', state_code: 'TX', country_id: 1, is_system_state: true },
	],
	[
		/^1[0-4]\d{3}$/,
		{ id: 33, state: 'New York', state_code: 'NY', country_id: 1, is_system_state: true },
	],
	[
		/^9[0-6]\d{3}$/,
		{ id: 5, state: 'California', state_code: 'CA', country_id: 1, is_system_state: true },
	],
];

function stateByPostalCode(ctx: RequestContext, postalCode: string): SimResponse {
	if (ctx.method !== 'GET') return methodNotAllowed(ctx.method);
	const zip = postalCode.trim().slice(0, 5);
	const match = ZIP_STATES.find(([pattern]) => pattern.test(zip));
	return match ? { status: 200, body: { ...match[1] } } : notFound();
}
