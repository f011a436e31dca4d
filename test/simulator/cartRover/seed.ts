/**
 * Deterministic seed data (test/simulator/prng.ts): orders over every status with dates in the past
 * that follow the price rules, inventory (aliases as a map or [], warehouses keyed by pk, string
 * quantities; ExtRuby `inventory/list.json`), products (aliases as an array; ExtRuby `info.json`),
 * carts and ship methods (the WMS list's shape is ExtRuby `shipping_methods/list.json`; the cart
 * lists' shapes are undocumented, so these are a plausible guess).
 */
import { Prng } from '../prng';
import { advanceOrder, applyPriceRules, formatUtc } from './orders';
import type { CartRoverSimLine, CartRoverSimOrder, CartRoverStatus } from './types';

export const CART_SOURCE = 'sim-webstore';
export const OTHER_SOURCE = 'sim-marketplace';

export interface SimProduct {
	sku: string;
	name: string;
	price: number;
	weight: number;
	upc: string;
	altCode: string | undefined;
	warehouses: Record<string, { warehouse: string; available: number; onHand: number }>;
	updatedAt: string;
}

export interface SeedData {
	orders: CartRoverSimOrder[];
	products: SimProduct[];
	carts: Array<Record<string, unknown>>;
	cartTypes: Array<Record<string, unknown>>;
	cartShipMethods: Map<string, Array<{ cart_code: string; wms_code: string | null }>>;
	wmsShipMethods: Array<{ carrier: string; code: string; description: string }>;
}

const WAREHOUSES: Array<[string, string]> = [
	['2352', 'EAST'],
	['2353', 'WEST'],
];
const NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
const CITIES: Array<[string, string, string]> = [
	['Austin', 'TX', '78701'],
	['Boston', 'MA', '02108'],
	['Denver', 'CO', '80202'],
	['Seattle', 'WA', '98101'],
];
const STATUS_PLAN: CartRoverStatus[] = [
	'new',
	'at_wms',
	'shipped',
	'confirmed',
	'error',
	'canceled',
];

function seedProducts(prng: Prng, now: Date): SimProduct[] {
	return Array.from({ length: 24 }, (_, index) => {
		const number = String(index + 1).padStart(3, '0');
		return {
			// A few SKUs with characters that must be URL-encoded in a path.
			sku: index === 3 ? 'TEE/RED+L' : index === 7 ? 'MUG 12OZ' : `SKU-${number}`,
			name: `Sim product ${number}`,
			price: prng.money(4, 80),
			weight: prng.int(1, 40) / 10,
			upc: `0${String(100000000000 + index * 7919).slice(0, 11)}`,
			altCode: index % 3 === 0 ? undefined : `ALT-${number}`,
			warehouses: Object.fromEntries(
				WAREHOUSES.slice(0, index % 4 === 0 ? 1 : 2).map(([pk, warehouse]) => {
					const onHand = prng.int(0, 60);
					return [pk, { warehouse, onHand, available: Math.max(0, onHand - prng.int(0, 5)) }];
				}),
			),
			updatedAt: formatUtc(new Date(now.getTime() - prng.int(1, 30) * 86_400_000)).replace(
				/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}).*$/,
				'$1 $2',
			),
		};
	});
}

function seedLines(prng: Prng, products: SimProduct[]): CartRoverSimLine[] {
	return prng.sample(products, prng.int(1, 3)).map((product, index) => ({
		line_no: index + 1,
		item: product.sku,
		description: product.name,
		quantity: prng.int(1, 4),
		price: product.price,
		discount: prng.chance(0.3) ? Math.round(product.price * 10) / 100 : 0,
		addl_discount: 0,
		tax: 0,
		extended_amount: 0,
		filtered_sku: 'N' as const,
	}));
}

function seedOrder(
	prng: Prng,
	products: SimProduct[],
	recordNo: number,
	created: Date,
): CartRoverSimOrder {
	const first = prng.pick(NAMES);
	const last = prng.pick(LAST);
	const [city, state, zip] = prng.pick(CITIES);
	const stamp = formatUtc(created);
	const order: CartRoverSimOrder = {
		record_no: recordNo,
		cust_ref: `SIM-${10000 + recordNo}`,
		cust_po_no: `PO-${700000 + recordNo * 13}`,
		order_source: prng.chance(0.75) ? CART_SOURCE : OTHER_SOURCE,
		order_number: String(recordNo),
		order_status: 'new',
		order_date: stamp.slice(0, 10),
		created_date_time: stamp,
		updated_date_time: stamp,
		delivered_to_wms_date: null,
		cancel_date: null,
		error_reason: null,
		confirmed_tracking: [],
		fields: {
			ship_first_name: first,
			ship_last_name: last,
			ship_address_1: `${prng.int(1, 999)} Main St`,
			ship_city: city,
			ship_state: state,
			ship_zip: zip,
			ship_country: 'US',
			ship_e_mail: `${first}.${last}@example.com`.toLowerCase(),
			ship_code: prng.pick(['GROUND', 'EXPRESS']),
			gift_wrap: prng.chance(0.1) ? 'Y' : 'N',
		},
		sub_total: 0,
		sales_tax: 0,
		shipping_handling: prng.pick([0, 4.95, 9.95]),
		order_discount: prng.chance(0.2) ? 5 : 0,
		grand_total: 0,
		items: seedLines(prng, products),
		shipments: [],
	};
	order.sales_tax = Math.round(order.items.reduce((s, l) => s + l.price * l.quantity, 0) * 7) / 100;
	applyPriceRules(order);
	return order;
}

/** Walks an order to its planned status, each step some hours after the one before (all in the past). */
function walkTo(
	order: CartRoverSimOrder,
	target: CartRoverStatus,
	prng: Prng,
	created: Date,
): void {
	const steps: Partial<
		Record<CartRoverStatus, Array<'at_wms' | 'shipped' | 'confirmed' | 'error' | 'canceled'>>
	> = {
		at_wms: ['at_wms'],
		shipped: ['at_wms', 'shipped'],
		confirmed: ['at_wms', 'shipped', 'confirmed'],
		error: ['error'],
		canceled: ['at_wms', 'canceled'],
	};
	let at = created.getTime();
	for (const step of steps[target] ?? []) {
		at += prng.int(1, 20) * 3_600_000;
		advanceOrder(order, step, formatUtc(new Date(at)));
		if (step === 'confirmed') order.confirmed_tracking = order.shipments.map((s) => s.tracking_no);
	}
}

export function seedData(seed: number, orderCount: number, now: Date): SeedData {
	const prng = new Prng(seed);
	const products = seedProducts(prng, now);
	// Orders created 3 to 60 days before now, oldest first, so record_no follows creation; the
	// statuses take turns, and each later status date is at most 60 h after creation, so in the past.
	const createdTimes = Array.from(
		{ length: orderCount },
		() => now.getTime() - prng.int(3 * 86_400_000, 60 * 86_400_000),
	).sort((a, b) => a - b);
	const orders = createdTimes.map((time, index) => {
		const created = new Date(Math.floor(time / 1000) * 1000);
		const order = seedOrder(prng, products, index + 1, created);
		walkTo(order, STATUS_PLAN[index % STATUS_PLAN.length], prng, created);
		return order;
	});
	return {
		orders,
		products,
		carts: [
			{
				order_source: CART_SOURCE,
				cart_name: 'Sim Web Store',
				cart_type: 'WooCommerce',
				active: 'Y',
			},
			{
				order_source: OTHER_SOURCE,
				cart_name: 'Sim Marketplace',
				cart_type: 'Amazon',
				active: 'Y',
			},
		],
		cartTypes: ['Amazon', 'BigCommerce', 'eBay', 'Magento', 'Shopify', 'WooCommerce'].map(
			(name) => ({ cart_type: name, name }),
		),
		cartShipMethods: new Map([
			[
				CART_SOURCE,
				[
					{ cart_code: 'GROUND', wms_code: '50' },
					{ cart_code: 'EXPRESS', wms_code: '01' },
				],
			],
			[OTHER_SOURCE, [{ cart_code: 'Standard', wms_code: null }]],
		]),
		wmsShipMethods: [
			{ carrier: 'FEDEX', code: '50', description: 'FedEx Ground' },
			{ carrier: 'FEDEX', code: '01', description: 'FedEx Priority Overnight' },
			{ carrier: 'UPS', code: '03', description: 'UPS Ground' },
			{ carrier: 'USPS', code: 'PM', description: 'USPS Priority Mail' },
		],
	};
}

/** GET /merchant/inventory[/{sku}]: string quantities, aliases as a map or [] when none. */
export function inventoryJson(product: SimProduct): Record<string, unknown> {
	const available = Object.values(product.warehouses).reduce((s, w) => s + w.available, 0);
	const onHand = Object.values(product.warehouses).reduce((s, w) => s + w.onHand, 0);
	const aliases: Record<string, string> = {};
	if (product.altCode) {
		aliases.UPC = product.upc;
		aliases.ALT_CODE = product.altCode;
	}
	return {
		sku: product.sku,
		qty_available: String(available),
		qty_on_hand: String(onHand),
		wms_datetime: product.updatedAt.replace(' ', 'T') + '+00:00',
		aliases: Object.keys(aliases).length > 0 ? aliases : [],
		warehouses: Object.fromEntries(
			Object.entries(product.warehouses).map(([pk, w]) => [
				pk,
				{
					warehouse: w.warehouse,
					qty_available: w.available,
					qty_on_hand: w.onHand,
					wms_datetime: product.updatedAt.replace(' ', 'T') + '+00:00',
				},
			]),
		),
	};
}

/** GET /merchant/product/{sku}: aliases as an array; last_updated_datetime without a zone. */
export function productJson(product: SimProduct): Record<string, unknown> {
	return {
		sku: product.sku,
		name: product.name,
		description: `${product.name} (simulated)`,
		retail_price: product.price.toFixed(4),
		wholesale_price: (Math.round(product.price * 55) / 100).toFixed(4),
		weight_lbs: product.weight.toFixed(4),
		wms_product_main_id: String(5000 + Number(product.upc.slice(-4))),
		last_updated_datetime: product.updatedAt,
		aliases: [
			{ code_type: 'UPC', code: product.upc },
			...(product.altCode ? [{ code_type: 'ALT_CODE', code: product.altCode }] : []),
		],
	};
}
