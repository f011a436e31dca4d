/**
 * Deterministic seed data: a small but realistic store (record shapes of docs/resources/*.md and
 * acapi.yaml) generated from
 * one PRNG, so equal seeds (and anchor) give byte-identical data. Built for speed: records are
 * plain object literals loaded straight into the tables (50,000 products in well under a second).
 */
import { Prng } from './prng';
import {
	CATEGORY_NAMES,
	COLORS,
	COMPANIES,
	FIRST_NAMES,
	LAST_NAMES,
	MANUFACTURER_NAMES,
	ORDER_STATUSES,
	PLACES,
	PRODUCT_ADJECTIVES,
	PRODUCT_KINDS,
	PRODUCT_STATUSES,
	SHIPPING_PROVIDERS,
	SIZES,
	STATUS,
	STREETS,
	type Place,
	type VariantOption,
} from './seedData';
import { withLiveFields } from './liveFields';
import type { MemoryStore } from './store';
import { formatStoreTime, truncateToDigits } from './time';
import type { SeedSizes, SimRecord } from './types';

export const DEFAULT_SIZES: SeedSizes = {
	customers: 25,
	addresses: 2,
	products: 30,
	variantProducts: 8,
	orders: 60,
	maxItemsPerOrder: 4,
	categories: 8,
	manufacturers: 6,
	warehouses: 2,
	storeLocations: 2,
	giftCertificates: 5,
	couponCodes: 5,
	webhooks: 1,
};

/** Fills defaults; variantProducts scales with products when only products is given. */
export function resolveSizes(sizes: Partial<SeedSizes> = {}): SeedSizes {
	const resolved = { ...DEFAULT_SIZES, ...sizes };
	if (sizes.variantProducts === undefined && sizes.products !== undefined) {
		resolved.variantProducts = Math.round(
			(sizes.products * DEFAULT_SIZES.variantProducts) / DEFAULT_SIZES.products,
		);
	}
	resolved.variantProducts = Math.min(resolved.variantProducts, resolved.products);
	resolved.warehouses = Math.max(1, resolved.warehouses);
	resolved.categories = Math.max(1, resolved.categories);
	resolved.addresses = Math.max(1, resolved.addresses);
	resolved.maxItemsPerOrder = Math.max(1, resolved.maxItemsPerOrder);
	return resolved;
}

const DAY_MS = 86_400_000;
/** ~13 months, so any anchor covers both standard and daylight-saving time. */
const SPAN_MS = 400 * DAY_MS;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Whether a warehouse ships this line itself: not a discount line, not a kit parent (its components ship). */
const shipsItself = (line: SimRecord, _index: number, lines: SimRecord[]): boolean =>
	line.is_discount_item !== true &&
	line.is_non_shipping_item !== true &&
	!lines.some(
		(other) => other.parent_order_item_id === line.id && other.is_quantity_bound_to_parent === true,
	);

/** UPC-A: 11 digits + check digit. */
function upc(prefix: number, id: number): string {
	const body = String(prefix * 1_000_000_000 + id).padStart(11, '0');
	let sum = 0;
	for (let i = 0; i < 11; i++) sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1);
	return body + String((10 - (sum % 10)) % 10);
}

const slug = (text: string): string =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

interface SeededProduct {
	record: SimRecord;
	inventoryRows: SimRecord[];
	/** variant id -> variant record, for order item `variants`. */
	variants: Map<number, SimRecord>;
}

interface SeededCustomer {
	record: SimRecord;
	createdMs: number;
	defaultAddress: SimRecord;
	place: Place;
}

class Seeder {
	private readonly rng: Prng;
	private readonly startMs: number;
	private readonly products: SeededProduct[] = [];
	private readonly customers: SeededCustomer[] = [];
	private readonly services: SimRecord[] = [];
	private readonly providers: SimRecord[] = [];
	private nextIds = new Map<string, number>();

	constructor(
		private readonly store: MemoryStore,
		seed: number,
		private readonly sizes: SeedSizes,
		private readonly anchorMs: number,
		private readonly timeZone: string,
	) {
		this.rng = new Prng(seed);
		this.startMs = anchorMs - SPAN_MS;
	}

	run(): void {
		this.seedStaticTables();
		this.seedCustomers();
		this.seedProducts();
		this.seedOrders();
		this.seedMarketing();
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private id(resource: string, first = 1): number {
		const next = this.nextIds.get(resource) ?? first;
		this.nextIds.set(resource, next + 1);
		return next;
	}

	/** Store-local timestamp with 0..3 fraction digits, like the live API. */
	private stamp(ms: number): string {
		return formatStoreTime(ms, this.timeZone, this.rng.int(0, 3));
	}

	/**
	 * Sorted random instants within the seed span (optionally a sub-range as fractions of it);
	 * `growing` makes recent instants more frequent, like a store whose sales grow.
	 */
	private times(count: number, from = 0, to = 1, growing = false): number[] {
		const list: number[] = [];
		for (let i = 0; i < count; i++) {
			const draw = this.rng.next();
			const fraction = from + (growing ? Math.sqrt(draw) : draw) * (to - from);
			list.push(truncateToDigits(Math.floor(this.startMs + fraction * SPAN_MS), 3));
		}
		return list.sort((a, b) => a - b);
	}

	/** A later instant, never after the anchor. */
	private later(ms: number, maxDelayMs: number): number {
		return Math.min(this.anchorMs, ms + Math.floor(this.rng.next() * maxDelayMs));
	}

	private staticTimes(): { created_at: string; updated_at: string } {
		const created = this.startMs - this.rng.int(30, 900) * DAY_MS;
		return {
			created_at: this.stamp(created),
			updated_at: this.stamp(this.later(created, 200 * DAY_MS)),
		};
	}

	// ---- lookup tables ---------------------------------------------------------------------------

	private seedStaticTables(): void {
		const { store, rng } = this;
		store.load('stores', [
			{
				id: 1,
				name: 'Sim Outfitters',
				domain_name: 'sim-outfitters.example.com',
				is_micro_store: false,
				parent_store_id: null,
				is_active: true,
				default_language: 'en-US',
				currency_code: 'USD',
				...this.staticTimes(),
			},
		]);
		store.storeAlertEmails.set(1, 'alerts@sim-outfitters.example.com');

		store.load(
			'order_statuses',
			ORDER_STATUSES.map((status, index) => ({
				id: index + 1,
				name: status.name,
				color: status.color,
				email_template_id: null,
				is_open: status.is_open ?? false,
				is_shipped: status.is_shipped ?? false,
				is_partially_shipped: status.is_partially_shipped ?? false,
				is_cancelled: status.is_cancelled ?? false,
				is_declined: status.is_declined ?? false,
				is_fully_refunded: status.is_fully_refunded ?? false,
				is_partially_refunded: false,
				is_quote_status: status.is_quote_status ?? false,
				...this.staticTimes(),
				// Live order statuses may have no updated_at (nullable in Airbyte source-cart's live-read manifest).
				...(index % 3 === 2 ? { updated_at: null } : {}),
			})),
		);

		store.load(
			'customer_types',
			['Retail', 'Wholesale', 'VIP'].map((name, index) => ({
				id: index + 1,
				name,
				customer_level: index,
				is_default: index === 0,
				...this.staticTimes(),
			})),
		);

		store.load(
			'product_statuses',
			PRODUCT_STATUSES.map((status, index) => ({
				id: index + 1,
				name: status.name,
				is_unavailable: status.is_unavailable,
				is_back_ordered: status.is_back_ordered,
				hide_product: false,
				...this.staticTimes(),
			})),
		);
		Object.assign(store.inventorySettings, {
			in_stock_product_status_id: 1,
			out_of_stock_product_status_id: 2,
			back_order_product_status_id: 3,
			discontinued_product_status_id: 4,
		});

		const warehouses: SimRecord[] = [];
		for (let i = 0; i < this.sizes.warehouses; i++) {
			const place = PLACES[i % PLACES.length];
			warehouses.push({
				id: i + 1,
				name: i === 0 ? 'Main DC' : `${place.city} DC`,
				is_default: i === 0,
				email: '',
				address_line_1: `${100 + i * 17} ${STREETS[i % STREETS.length]}`,
				address_line_2: '',
				city: place.city,
				state: place.state,
				country: 'United States',
				postal_code: place.postalCode,
				account_number: '',
				...this.staticTimes(),
			});
		}
		store.load('warehouses', warehouses);

		const locations: SimRecord[] = [];
		for (let i = 0; i < this.sizes.storeLocations; i++) {
			const place = PLACES[(i + 1) % PLACES.length];
			locations.push({
				id: i + 1,
				name: `${place.city} Shop`,
				address_1: `${20 + i} ${STREETS[(i + 3) % STREETS.length]}`,
				address_2: '',
				city: place.city,
				zip_code: place.postalCode,
				state_id: 44,
				country_id: 1,
				phone: `555-555-02${String(i).padStart(2, '0')}`,
				latitude: 30 + rng.next() * 10,
				longitude: -(85 + rng.next() * 30),
				is_active: true,
				...this.staticTimes(),
			});
		}
		store.load('store_locations', locations);

		const categories: SimRecord[] = [];
		for (let i = 0; i < this.sizes.categories; i++) {
			const name =
				i < CATEGORY_NAMES.length
					? CATEGORY_NAMES[i]
					: `${CATEGORY_NAMES[i % CATEGORY_NAMES.length]} ${Math.floor(i / CATEGORY_NAMES.length) + 1}`;
			// The first third are top level, the rest hang below them.
			const topLevel = Math.max(1, Math.ceil(this.sizes.categories / 3));
			categories.push({
				id: i + 1,
				name,
				parent_category_id: i < topLevel ? null : (i % topLevel) + 1,
				is_hidden: false,
				sort_order: i,
				url_rewrite: `/${slug(name)}`,
				short_description: '',
				page_title: name,
				...this.staticTimes(),
			});
		}
		store.load('categories', categories);

		const manufacturers: SimRecord[] = [];
		for (let i = 0; i < this.sizes.manufacturers; i++) {
			const name =
				MANUFACTURER_NAMES[i % MANUFACTURER_NAMES.length] +
				(i >= MANUFACTURER_NAMES.length ? ` ${i + 1}` : '');
			manufacturers.push({
				id: i + 1,
				name,
				brand_code: name.slice(0, 4).toUpperCase(),
				url_rewrite: `/${slug(name)}`,
				is_hidden: false,
				...this.staticTimes(),
			});
		}
		store.load('manufacturers', manufacturers);

		store.load(
			'variant_groups',
			['Color', 'Size'].map((name, index) => ({
				id: index + 1,
				name,
				display_type: 'DropDown',
				sort_order: index,
				...this.staticTimes(),
			})),
		);

		let serviceId = 1;
		SHIPPING_PROVIDERS.forEach((provider, index) => {
			const providerId = index + 1;
			this.providers.push({
				id: providerId,
				name: provider.name,
				provider_code: provider.provider_code,
				is_enabled: true,
				markup_amount: 0,
				markup_type: 'Dollars',
				tracking_url: provider.trackingUrl,
				...this.staticTimes(),
			});
			for (const service of provider.services) {
				this.services.push({
					id: serviceId++,
					shipping_provider_id: providerId,
					identifier: service.identifier,
					name: service.identifier,
					code: service.code,
					is_enabled: true,
					markup_amount: 0,
					sort_order: serviceId,
					...this.staticTimes(),
				});
			}
		});
		store.load('shipping_providers', this.providers);
		store.load('shipping_provider_services', this.services);

		store.load('custom_shipping_methods', [
			{ id: 1, name: 'Flat Rate', is_enabled: true, rate: 6.95, ...this.staticTimes() },
			{ id: 2, name: 'Local Pickup', is_enabled: true, rate: 0, ...this.staticTimes() },
		]);
		store.load('payment_methods', [
			{
				id: 1,
				name: 'Credit Card',
				payment_type: 'CreditCard',
				is_enabled: true,
				...this.staticTimes(),
			},
			{ id: 2, name: 'PayPal', payment_type: 'PayPal', is_enabled: true, ...this.staticTimes() },
			{
				id: 3,
				name: 'Purchase Orders',
				payment_type: 'PurchaseOrder',
				is_enabled: true,
				...this.staticTimes(),
			},
		]);
		store.load('users', [
			{
				id: 1,
				user_name: 'admin',
				first_name: 'Store',
				last_name: 'Admin',
				email: 'admin@sim-outfitters.example.com',
				is_active: true,
				...this.staticTimes(),
			},
			{
				id: 2,
				user_name: 'agent',
				first_name: 'Sales',
				last_name: 'Agent',
				email: 'agent@sim-outfitters.example.com',
				is_active: true,
				...this.staticTimes(),
			},
		]);
		store.load('tax_rates', [
			{
				id: 1,
				name: 'Texas',
				country_code: 'US',
				state_code: 'TX',
				rate: 8.25,
				tax_shipping: false,
				...this.staticTimes(),
			},
		]);
	}

	// ---- people ----------------------------------------------------------------------------------

	private seedCustomers(): void {
		const { rng } = this;
		const count = Math.max(this.sizes.customers, this.sizes.orders > 0 ? 1 : 0);
		const createdTimes = this.times(count, 0, 0.9);
		const customers: SimRecord[] = [];
		const addresses: SimRecord[] = [];
		for (let i = 0; i < count; i++) {
			const id = i + 1;
			const createdMs = createdTimes[i];
			const first = rng.pick(FIRST_NAMES);
			const last = rng.pick(LAST_NAMES);
			const company = rng.pick(COMPANIES);
			const phone = `555-555-${String(rng.int(0, 9999)).padStart(4, '0')}`;
			const created_at = this.stamp(createdMs);
			const updatedMs = this.later(createdMs, 120 * DAY_MS);
			const record: SimRecord = {
				id,
				customer_number: rng.chance(0.3) ? `C${String(1000 + id)}` : '',
				email: `${slug(first)}.${slug(last)}${id}@example.com`,
				username: `${slug(first)}${id}`,
				first_name: first,
				last_name: last,
				company,
				phone_number: phone,
				alternate_phone_number: '',
				store_id: 1,
				customer_type_id: company ? 2 : rng.chance(0.1) ? 3 : 1,
				is_no_tax_customer: company !== '' && rng.chance(0.3),
				payment_net_term: company ? 30 : 0,
				credit_limit: company ? 5000 : 0,
				is_inactive: rng.chance(0.04),
				store_payment_methods_enabled: company ? ['Purchase Orders'] : [],
				customer_payment_methods_availability: [],
				registered_at: created_at,
				last_visit_at: this.stamp(updatedMs),
				adcode: '',
				adcode_id: 0,
				affiliate_id: 0,
				source: '',
				source_group: '',
				comments: '',
				tax_exemption_number: '',
				no_account: false,
				created_at,
				updated_at: this.stamp(updatedMs),
			};
			customers.push(record);
			const addressCount = rng.int(1, this.sizes.addresses);
			let defaultAddress: SimRecord | undefined;
			let defaultPlace = PLACES[0];
			for (let a = 0; a < addressCount; a++) {
				const place = rng.pick(PLACES);
				const address: SimRecord = {
					id: this.id('addresses'),
					customer_id: id,
					first_name: first,
					last_name: last,
					company,
					address_line_1: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`,
					address_line_2: rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : '',
					city: place.city,
					state: place.state,
					postal_code: place.postalCode,
					country: 'United States',
					phone,
					alternate_phone: '',
					fax: '',
					comments: '',
					address_type: a === 0 ? 'Default' : 'Other',
					is_default_shipping_address: a === 0,
					is_default_billing_address: a === 0,
					created_at,
					updated_at: created_at,
				};
				if (a === 0) {
					defaultAddress = address;
					defaultPlace = place;
				}
				addresses.push(address);
			}
			this.customers.push({
				record,
				createdMs,
				defaultAddress: defaultAddress as SimRecord,
				place: defaultPlace,
			});
		}
		this.store.load('customers', withLiveFields('customers', customers));
		this.store.load('addresses', addresses);
	}

	// ---- catalog ---------------------------------------------------------------------------------

	private seedProducts(): void {
		const { rng, sizes } = this;
		const createdTimes = this.times(sizes.products, 0, 0.7);
		// Which products get variants: an even, seed-dependent spread.
		const variantIndexes = new Set(
			rng.sample(
				Array.from({ length: sizes.products }, (_, i) => i),
				sizes.variantProducts,
			),
		);
		const products: SimRecord[] = [];
		const variants: SimRecord[] = [];
		const inventoryRows: SimRecord[] = [];
		const pricing: SimRecord[] = [];
		const pictures: SimRecord[] = [];
		for (let i = 0; i < sizes.products; i++) {
			const id = i + 1;
			const kind = PRODUCT_KINDS[i % PRODUCT_KINDS.length];
			const name = `${rng.pick(PRODUCT_ADJECTIVES)} ${kind.noun}`;
			const itemNumber = `${kind.code}-${10000 + id}`;
			const price = rng.money(kind.minPrice, kind.maxPrice);
			const cost = round2(price * (0.35 + rng.next() * 0.2));
			const createdMs = createdTimes[i];
			const updatedMs = this.later(createdMs, 300 * DAY_MS);
			// Some live products have no created_at (docs/resources/products.md, a child product; nullable
			// in Airbyte source-cart's live-read manifest): every 15th here. Its related rows keep a date.
			const stamped = this.stamp(createdMs);
			const created_at = id % 15 === 0 ? null : stamped;
			const updated_at = this.stamp(updatedMs);
			const hasVariants = variantIndexes.has(i);
			const seeded: SeededProduct = { record: {}, inventoryRows: [], variants: new Map() };
			let quantity = rng.chance(0.1) ? 0 : rng.int(1, 250);

			if (hasVariants) {
				const colorOptions = rng.sample(COLORS, rng.int(2, 3));
				const sizeOptions =
					kind.code === 'MUG' || kind.code === 'BOTTLE' ? [] : rng.sample(SIZES, rng.int(2, 3));
				const makeVariant = (
					groupId: number,
					option: VariantOption,
					sortOrder: number,
				): SimRecord => {
					const variant: SimRecord = {
						id: this.id('product_variants'),
						product_id: id,
						variant_group_id: groupId,
						description: option.description,
						price_adjustment: groupId === 2 && option.description === 'XL' ? 2 : 0,
						price_adjustment_type: groupId === 2 && option.description === 'XL' ? '+ dollars' : '',
						sort_order: sortOrder,
						item_number_extension: option.extension,
						item_number_sort_order: sortOrder + 1,
						is_hidden: false,
						weight: 0,
						weight_type: '+',
						is_default_selection: sortOrder === 0,
						swatch_file: '',
						swatch_thumbnail: '',
						swatch_thumbnail_color: '',
						created_at: stamped,
						updated_at: stamped,
					};
					variants.push(variant);
					seeded.variants.set(variant.id as number, variant);
					return variant;
				};
				const colorVariants = colorOptions.map((option, index) => makeVariant(1, option, index));
				const sizeVariants = sizeOptions.map((option, index) => makeVariant(2, option, index));
				quantity = 0;
				const combinations = sizeVariants.length
					? colorVariants.flatMap((color) => sizeVariants.map((size) => [color, size]))
					: colorVariants.map((color) => [color]);
				for (const combination of combinations) {
					const rowId = this.id('variant_inventory');
					const inventory = rng.chance(0.15) ? 0 : rng.int(1, 60);
					quantity += inventory;
					const rowUpdatedMs = this.later(createdMs, 300 * DAY_MS);
					const row: SimRecord = {
						id: rowId,
						product_id: id,
						description: combination
							.map(
								(v) => `${v.variant_group_id === 1 ? 'Color' : 'Size'}: ${v.description as string}`,
							)
							.join(', '),
						inventory,
						item_number:
							itemNumber + combination.map((v) => v.item_number_extension as string).join(''),
						manufacturer_item_number: '',
						gtin: upc(2, rowId),
						product_status_id: inventory > 0 ? 1 : 2,
						weight: 0,
						retail: null,
						height: '',
						length: '',
						width: '',
						low_stock_warning_at: 0,
						low_stock_warning_enabled: false,
						variant_inventory_image: '',
						quickbooks_item_id: '',
						variants: combination.map((v) => ({ id: v.id })),
						created_at: stamped,
						updated_at: this.stamp(rowUpdatedMs),
					};
					inventoryRows.push(row);
					seeded.inventoryRows.push(row);
					if (rng.chance(0.3)) {
						pricing.push(
							this.pricingRow(id, rowId, 1, round2(price + rng.money(0, 4)), cost, stamped),
						);
					}
				}
			}

			const record: SimRecord = {
				id,
				item_number: itemNumber,
				manufacturer_part_number: `MFG-${kind.code}-${String(id).padStart(4, '0')}`,
				gtin: upc(1, id),
				item_name: name,
				short_description: `${name} by Sim Outfitters`,
				long_description_1: `<p>${name}. Made to last.</p>`,
				price,
				retail: round2(price * 1.15),
				cost,
				quantity_on_hand: quantity,
				quantity_on_order: 0,
				use_variant_inventory: hasVariants,
				is_non_inventory: false,
				is_discontinued: false,
				product_status_id: quantity > 0 ? 1 : rng.chance(0.5) ? 2 : 3,
				primary_category_id: rng.int(1, sizes.categories),
				manufacturer_id: sizes.manufacturers > 0 ? rng.int(0, sizes.manufacturers) : 0,
				warehouse_id: rng.chance(0.8) ? 1 : rng.int(1, sizes.warehouses),
				is_hidden: rng.chance(0.05) ? 1 : 0,
				is_non_taxable: 0,
				is_featured_item: rng.chance(0.1),
				is_kit: false,
				is_child_product: false,
				has_visible_variants: hasVariants,
				weight: kind.weight,
				weight_unit: 'Lbs',
				height: '',
				length: '',
				width: '',
				size_unit: 'In',
				is_non_shipping_item: false,
				tax_code: '',
				hs_code: '',
				url_rewrite: `/${slug(name)}-${id}`,
				keywords: kind.noun.toLowerCase(),
				page_title: name,
				meta_description: '',
				minimum_quantity: 1,
				maximum_quantity: 0,
				quantity_increment: 1,
				low_stock_warning_threshold: 5,
				enable_low_stock_warning: false,
				master_product_id: null,
				is_linked_product: false,
				drop_ship: false,
				is_spotlight_item: 0,
				call_for_pricing: 0,
				call_for_shipping: 0,
				is_shipped_individually: 0,
				eta_date: null,
				quickbooks_item_id: '',
				cart_product_id: this.guid(),
				created_at,
				updated_at,
			};
			seeded.record = record;
			products.push(record);
			this.products.push(seeded);
			if (rng.chance(0.3))
				pricing.push(this.pricingRow(id, null, 10, round2(price * 0.9), cost, stamped));
			pictures.push({
				id: this.id('product_pictures'),
				product_id: id,
				image_file: `/images/products/${slug(name)}-${id}.jpg`,
				alt_text: name,
				caption: '',
				is_primary: true,
				sort_order: 0,
				created_at: stamped,
				updated_at: stamped,
			});
		}
		this.store.load('products', withLiveFields('products', products));
		this.store.load('product_variants', variants);
		this.store.load('variant_inventory', inventoryRows);
		this.store.load('product_pricing', pricing);
		this.store.load('product_pictures', pictures);
	}

	private pricingRow(
		productId: number,
		rowId: number | null,
		startingQuantity: number,
		price: number,
		cost: number,
		stamp: string,
	): SimRecord {
		return {
			id: this.id('product_pricing'),
			product_id: productId,
			store_id: null,
			customer_type_id: null,
			variant_inventory_id: rowId,
			variant_id: null,
			sale_type_id: null,
			start_date: null,
			end_date: null,
			starting_quantity: startingQuantity,
			price,
			cost,
			price_calculation_id: null,
			variant_price_surcharge: '',
			created_at: stamp,
			updated_at: stamp,
		};
	}

	private guid(): string {
		const hex = (): string =>
			Math.floor(this.rng.next() * 0x1_0000_0000)
				.toString(16)
				.padStart(8, '0');
		const a = hex();
		const b = hex();
		const c = hex();
		const d = hex();
		return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
	}

	// ---- orders ----------------------------------------------------------------------------------

	private pickCustomer(orderMs: number): SeededCustomer {
		// Prefer customers who already existed when the order was placed.
		let low = 0;
		let high = this.customers.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.customers[mid].createdMs <= orderMs) low = mid + 1;
			else high = mid;
		}
		return low === 0 ? this.customers[0] : this.customers[this.rng.int(0, low - 1)];
	}

	private pickStatus(orderMs: number): number {
		const { rng } = this;
		if (this.anchorMs - orderMs < 10 * DAY_MS) {
			return rng.pick([
				STATUS.pending,
				STATUS.processing,
				STATUS.processing,
				STATUS.partiallyShipped,
				STATUS.shipped,
			]);
		}
		const roll = rng.next();
		if (roll < 0.8) return STATUS.shipped;
		if (roll < 0.88) return STATUS.cancelled;
		if (roll < 0.92) return STATUS.declined;
		if (roll < 0.96) return STATUS.refunded;
		return STATUS.partiallyShipped;
	}

	/** An order line with the fields every line has; `fields` says what it is. */
	private orderLine(orderId: number, stamp: string, fields: SimRecord): SimRecord {
		return {
			id: this.id('order_items'),
			order_id: orderId,
			product_id: null,
			variant_inventory_id: null,
			parent_order_item_id: null,
			is_quantity_bound_to_parent: false,
			is_discount_item: false,
			item_number: '',
			item_number_full: '',
			item_name: '',
			description: '',
			price: 0,
			cost: 0,
			quantity: 1,
			tax: 0,
			discount_amount: 0,
			discount_percentage: 0,
			is_taxable: true,
			tax_code: '',
			is_non_shipping_item: false,
			warehouse_id: 1,
			weight: 0,
			weight_unit: 'Lbs',
			variants: [],
			personalizations: null,
			...fields,
			created_at: stamp,
			updated_at: stamp,
		};
	}

	/**
	 * Lines of the newest orders (`index` >= 0) that live orders have and plain lines do not: even
	 * ones get a coupon's discount line (`is_discount_item`, a negative price, not flagged
	 * non-shipping), odd ones a kit: a parent line carrying the price and its components, each with
	 * `parent_order_item_id` and `is_quantity_bound_to_parent` (docs/resources/order_items.md; the
	 * flags are in Airbyte's source-cart order_items schema, read from live stores).
	 */
	private specialLines(
		index: number,
		orderId: number,
		stamp: string,
		lines: SimRecord[],
	): SimRecord[] {
		if (index < 0) return [];
		const { rng } = this;
		if (index % 2 === 0) {
			const goods = lines.reduce(
				(sum, line) => sum + (line.price as number) * (line.quantity as number),
				0,
			);
			return [
				this.orderLine(orderId, stamp, {
					item_number: 'DISCOUNT',
					item_number_full: 'DISCOUNT',
					item_name: 'Coupon WELCOME10',
					price: -round2(goods * 0.1),
					is_discount_item: true,
					is_taxable: false,
				}),
			];
		}
		const kitQuantity = rng.int(1, 2);
		const components = rng.sample(this.products, Math.min(2, this.products.length));
		const parent = this.orderLine(orderId, stamp, {
			item_number: 'KIT-GIFTSET',
			item_number_full: 'KIT-GIFTSET',
			item_name: 'Gift Set',
			price: round2(components.reduce((sum, p) => sum + (p.record.price as number), 0)),
			quantity: kitQuantity,
		});
		const children = components.map(({ record }) =>
			this.orderLine(orderId, stamp, {
				product_id: record.id,
				parent_order_item_id: parent.id,
				is_quantity_bound_to_parent: true,
				item_number: record.item_number,
				item_number_full: record.item_number,
				item_name: record.item_name,
				cost: record.cost,
				quantity: kitQuantity,
				warehouse_id: record.warehouse_id,
				weight: record.weight,
			}),
		);
		return [parent, ...children];
	}

	private seedOrders(): void {
		const { rng, sizes } = this;
		if (sizes.orders === 0 || this.products.length === 0) return;
		const orderTimes = this.times(sizes.orders, 0, 1, true);
		// The newest orders carry a kit or a discount line, as live orders do (see addSpecialLines).
		const special = sizes.orders >= 10 ? Math.max(2, Math.round(sizes.orders / 25)) : 0;
		const orders: SimRecord[] = [];
		const orderAddresses: SimRecord[] = [];
		const items: SimRecord[] = [];
		const payments: SimRecord[] = [];
		const shipments: SimRecord[] = [];
		for (let i = 0; i < sizes.orders; i++) {
			const id = this.id('orders', 100001);
			const orderMs = orderTimes[i];
			const customer = this.pickCustomer(orderMs);
			const customerRecord = customer.record;
			const statusId = this.pickStatus(orderMs);
			const created_at = this.stamp(orderMs);
			const service = rng.pick(this.services);
			const provider = this.providers[(service.shipping_provider_id as number) - 1];

			const [billing, shipping] = [0, 1].map(() => {
				const address = customer.defaultAddress;
				const record: SimRecord = {
					id: this.id('order_addresses'),
					customer_id: customerRecord.id,
					first_name: address.first_name,
					last_name: address.last_name,
					company: address.company,
					address_line_1: address.address_line_1,
					address_line_2: address.address_line_2,
					city: address.city,
					state: address.state,
					state_code: customer.place.stateCode,
					postal_code: address.postal_code,
					country: 'United States',
					country_code: 'US',
					phone: address.phone,
					created_at,
					updated_at: created_at,
				};
				orderAddresses.push(record);
				return record;
			});

			const lineCount = rng.int(1, Math.min(sizes.maxItemsPerOrder, this.products.length));
			const chosen = rng.sample(this.products, lineCount);
			const orderItems: SimRecord[] = [];
			let subtotal = 0;
			let costTotal = 0;
			for (const product of chosen) {
				const record = product.record;
				const row = product.inventoryRows.length ? rng.pick(product.inventoryRows) : undefined;
				const rowVariants = row
					? (row.variants as { id: number }[]).map(
							(ref) => product.variants.get(ref.id) as SimRecord,
						)
					: [];
				const price = round2(
					(record.price as number) +
						rowVariants.reduce((sum, v) => sum + (v.price_adjustment as number), 0),
				);
				const quantity = rng.int(1, 3);
				subtotal += price * quantity;
				costTotal += (record.cost as number) * quantity;
				const itemNumber = row ? (row.item_number as string) : (record.item_number as string);
				const item = this.orderLine(id, created_at, {
					product_id: record.id,
					variant_inventory_id: row ? row.id : null,
					item_number: itemNumber,
					item_number_full: itemNumber,
					item_name: record.item_name,
					description: row ? row.description : '',
					price,
					cost: record.cost,
					quantity,
					warehouse_id: record.warehouse_id,
					weight: record.weight,
					variants: rowVariants.map((v) => ({
						id: v.id,
						description: `${v.variant_group_id === 1 ? 'Color' : 'Size'}: ${v.description as string}`,
						variant_group_id: v.variant_group_id,
					})),
				});
				orderItems.push(item);
				items.push(item);
			}
			const extra = this.specialLines(i - (sizes.orders - special), id, created_at, orderItems);
			orderItems.push(...extra);
			items.push(...extra);
			for (const line of extra)
				if (line.is_discount_item !== true)
					subtotal += (line.price as number) * (line.quantity as number);
			const taxable = !(customerRecord.is_no_tax_customer as boolean);
			const taxRate = taxable ? 0.0825 : 0;
			for (const item of orderItems)
				item.tax = round2((item.price as number) * (item.quantity as number) * taxRate);
			subtotal = round2(subtotal);
			const taxTotal = round2(subtotal * taxRate);
			const shippingTotal = subtotal >= 100 ? 0 : 7.95;
			const discountTotal = round2(
				orderItems
					.filter((line) => line.is_discount_item === true)
					.reduce((sum, line) => sum - (line.price as number), 0),
			);
			const grandTotal = round2(subtotal - discountTotal + taxTotal + shippingTotal);

			let lastChangeMs = orderMs;
			let statusChangedMs = orderMs;
			if (statusId !== STATUS.pending) {
				statusChangedMs = this.later(orderMs, 3 * DAY_MS);
				lastChangeMs = statusChangedMs;
				const declined = statusId === STATUS.declined;
				const paidMs = this.later(orderMs, 60_000);
				payments.push({
					id: this.id('order_payments'),
					order_id: id,
					customer_id: customerRecord.id,
					payment_type: 'CreditCard',
					payment_method_name: 'Credit Card',
					transaction_type: statusId === STATUS.refunded ? 'Refund' : 'Auth',
					amount: grandTotal,
					is_approved: !declined,
					is_declined: declined,
					is_captured: !declined && statusId !== STATUS.processing,
					is_void: statusId === STATUS.cancelled,
					card_type: rng.pick(['Visa', 'MasterCard', 'American Express', 'Discover']),
					card_expiration_month: rng.int(1, 12),
					card_expiration_year: rng.int(2026, 2031),
					cardholder_name: `${customerRecord.first_name as string} ${customerRecord.last_name as string}`,
					last_four: String(rng.int(1000, 9999)),
					authorization_code: declined ? '' : this.guid().slice(0, 6).toUpperCase(),
					transaction_id: String(rng.int(60_000_000, 69_999_999)),
					paid_at: this.stamp(paidMs),
					// Live data has "" rather than null for some empty dates.
					approved_at: declined ? '' : this.stamp(paidMs),
					payment_note: '',
					reject_reason: declined ? 'Card declined' : '',
					created_at: this.stamp(paidMs),
					updated_at: this.stamp(this.later(paidMs, DAY_MS)),
				});
			}
			if (
				statusId === STATUS.shipped ||
				statusId === STATUS.refunded ||
				statusId === STATUS.partiallyShipped
			) {
				const shippedMs = this.later(orderMs, 3 * DAY_MS);
				lastChangeMs = Math.max(lastChangeMs, shippedMs);
				const goods = orderItems.filter(shipsItself);
				const shippedItems = statusId === STATUS.partiallyShipped ? goods.slice(0, 1) : goods;
				const tracking = `1Z${rng.int(100, 999)}AA1${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
				shipments.push({
					id: this.id('order_shipments'),
					order_id: id,
					shipment_name: '1',
					shipped_at: this.stamp(shippedMs),
					tracking_numbers: tracking,
					tracking_url: `${provider.tracking_url as string}${tracking}`,
					shipping_provider_name: provider.name,
					shipping_method: service.identifier,
					shipping_method_id: service.id,
					shipping_method_type: 'provider',
					number_of_packages: 1,
					total_weight: round2(
						shippedItems.reduce(
							(sum, item) => sum + (item.weight as number) * (item.quantity as number),
							0,
						),
					),
					provider_base_shipping_cost: '',
					provider_insurance_cost: null,
					provider_handling_cost: null,
					provider_other_charges: null,
					provider_total_shipping_cost: null,
					email_sent: rng.chance(0.7),
					private_comment: '',
					shipping_comment: '',
					created_at: this.stamp(shippedMs),
					updated_at: this.stamp(shippedMs),
					items: shippedItems.map((item) => ({
						id: item.id,
						quantity_shipped: item.quantity,
						product_id: item.product_id,
						item_name: item.item_name,
						item_nr: item.item_number,
					})),
				});
			}
			const updatedMs = this.later(lastChangeMs, DAY_MS);
			orders.push({
				id,
				order_number: '',
				order_type: 'Order',
				customer_id: customerRecord.id,
				customer_type_id: customerRecord.customer_type_id,
				store_id: 1,
				session_id: rng.int(100_000, 999_999),
				order_status_id: statusId,
				previous_order_status_id: statusId === STATUS.pending ? null : STATUS.pending,
				order_status_last_changed_at: this.stamp(statusChangedMs),
				ordered_at: formatStoreTime(Math.floor(orderMs / 60_000) * 60_000, this.timeZone, 0),
				created_at,
				updated_at: this.stamp(updatedMs),
				subtotal,
				tax_total: taxTotal,
				shipping_total: shippingTotal,
				discounted_shipping_total: shippingTotal,
				handling_total: 0,
				discount_total: discountTotal,
				additional_fees: 0,
				delivery_tax: 0,
				grand_total: grandTotal,
				cost_total: round2(costTotal),
				selected_shipping_method: service.identifier,
				selected_shipping_provider_service: service.code,
				shipping_selections: [
					{
						classification_code: '',
						shipping_provider: provider.name,
						shipping_method: service.identifier,
					},
				],
				order_billing_address_id: billing.id,
				order_shipping_address_id: shipping.id,
				location_id: null,
				adcode: '',
				adcode_id: 0,
				affiliate_id: 0,
				coupon_code: '',
				campaign_code: '',
				source: '[none]',
				source_group: '',
				referrer: '',
				search_phrase: '',
				is_ppc: false,
				ppc_keyword: '',
				ip_address: `203.0.113.${rng.int(1, 254)}`,
				channel: rng.chance(0.9) ? 'Online' : rng.pick(['Phone', 'InStore', 'Email']),
				device: 'None',
				entered_by: customerRecord.email,
				entered_by_type: 'Customer',
				sales_agent_user_id: 0,
				special_instructions: '',
				instructions: '',
				admin_comments: '',
				public_comments: '',
				is_gift: rng.chance(0.05),
				gift_message: '',
				is_payment_order_only: false,
				exported_to_accounting_system: 0,
				from_subscription_id: null,
				from_quote_id: null,
				expires: false,
				expires_at: null,
				due_date: null,
				reward_points_credited: false,
				manufacturer_invoice_number: '',
				manufacturer_invoice_amount: 0,
				manufacturer_invoice_paid: false,
			});
		}
		this.store.load('orders', orders);
		this.store.load('order_addresses', orderAddresses);
		this.store.load('order_items', withLiveFields('order_items', items));
		this.store.load('order_payments', withLiveFields('order_payments', payments));
		this.store.load('order_shipments', shipments);
	}

	// ---- marketing -------------------------------------------------------------------------------

	private seedMarketing(): void {
		const { rng, sizes } = this;
		const code = (length: number): string =>
			Array.from({ length }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[rng.int(0, 31)]).join('');
		const certificates: SimRecord[] = [];
		for (let i = 0; i < sizes.giftCertificates; i++) {
			const createdMs = this.times(1)[0];
			const original = rng.pick([25, 50, 100]);
			certificates.push({
				id: i + 1,
				code: `GC-${code(4)}-${code(4)}`,
				original_amount: original,
				current_amount: rng.chance(0.5) ? original : round2(original * rng.next()),
				status: 'Active',
				customer_id: this.customers.length ? rng.pick(this.customers).record.id : null,
				expires_at: this.stamp(createdMs + 365 * DAY_MS),
				created_at: this.stamp(createdMs),
				updated_at: this.stamp(this.later(createdMs, 30 * DAY_MS)),
			});
		}
		this.store.load('gift_certificates', certificates);

		const coupons: SimRecord[] = [];
		const campaigns = ['SPRING', 'SUMMER', 'FALL', 'WELCOME', 'VIP'];
		for (let i = 0; i < sizes.couponCodes; i++) {
			const campaign = `${campaigns[i % campaigns.length]}${(i % 3) + 23}`;
			const maxUses = rng.pick([0, 1, 100]);
			coupons.push({
				id: i + 1,
				campaign_code: campaign,
				coupon_code: `${campaign}-${code(6)}`,
				is_active: rng.chance(0.8),
				max_uses: maxUses,
				usage_count: maxUses ? rng.int(0, maxUses) : rng.int(0, 40),
				...this.staticTimes(),
			});
		}
		this.store.load('coupon_codes', coupons);

		const hooks: SimRecord[] = [];
		const events = ['OrderPlaced', 'OrderShipped', 'ProductUpdated', 'CustomerCreated'];
		for (let i = 0; i < sizes.webhooks; i++) {
			const event = events[i % events.length];
			hooks.push({
				id: i + 1,
				event_type: event,
				url: `https://hooks.example.com/cart/${slug(event)}`,
				store_id: 1,
				failure_type: 'Ignore',
				cache_length: 'Short',
				fallback_url: '',
				...this.staticTimes(),
			});
		}
		this.store.load('webhooks', hooks);
	}
}

export function seedStore(
	store: MemoryStore,
	seed: number,
	sizes: SeedSizes,
	anchorMs: number,
	timeZone: string,
): void {
	new Seeder(store, seed, sizes, anchorMs, timeZone).run();
}
