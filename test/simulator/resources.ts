/**
 * The resource table: one row per API collection, following acapi.yaml and docs/resource_list.md
 * (paths, records keys, required POST fields, nested collections, allowed operations).
 */
import type { RecordsKeyStyle } from './types';

/**
 * How a nested collection (`expand=`, `/{res}/{id}/{name}`, `/filled`) is filled:
 * - child: records of another table whose `foreignKey` equals the parent id;
 * - reference: the single record of `resource` whose id is the parent's `localKey`;
 * - embedded: an array stored on the record itself, shown only when expanded; with `resolve`
 *   its `{id}` entries are replaced by the full records of that table;
 * - empty: a collection the simulator does not model (always []).
 */
export type NestedDef =
	| { name: string; kind: 'child'; resource: string; foreignKey: string }
	| { name: string; kind: 'reference'; resource: string; localKey: string }
	| { name: string; kind: 'embedded'; resolve?: string }
	| { name: string; kind: 'empty' };

export interface ResourceOps {
	list: boolean;
	get: boolean;
	create: boolean;
	update: boolean;
	delete: boolean;
}

export interface ResourceDef {
	/** URL segment under /api/v1 and store table name. */
	path: string;
	/** Records key of the list envelope (the collection name where live evidence exists). */
	recordsKey: string;
	/** True where the sources disagree on the records key (acapi.yaml against its older restapi.json): recordsKeys:'path' then uses the path name instead. */
	keyUnknown?: boolean;
	/** Fields that POST (create) requires. */
	required: string[];
	nested: NestedDef[];
	ops: ResourceOps;
	/** First id assigned (orders are ≈100000+ in real stores). */
	firstId?: number;
}

const ALL: ResourceOps = { list: true, get: true, create: true, update: true, delete: true };
const READ_ONLY: ResourceOps = {
	list: true,
	get: true,
	create: false,
	update: false,
	delete: false,
};
const LIST_UPDATE: ResourceOps = {
	list: true,
	get: true,
	create: false,
	update: true,
	delete: false,
};

const empty = (...names: string[]): NestedDef[] =>
	names.map((name) => ({ name, kind: 'empty' as const }));
const child = (name: string, resource: string, foreignKey: string): NestedDef => ({
	name,
	kind: 'child',
	resource,
	foreignKey,
});

function def(path: string, extra: Partial<ResourceDef> = {}): ResourceDef {
	return { path, recordsKey: path, required: [], nested: [], ops: ALL, ...extra };
}

const CORE: ResourceDef[] = [
	def('orders', {
		firstId: 100001,
		required: [
			'customer_id',
			'order_status_id',
			'order_billing_address_id',
			'order_shipping_address_id',
		],
		nested: [
			child('items', 'order_items', 'order_id'),
			child('payments', 'order_payments', 'order_id'),
			child('shipments', 'order_shipments', 'order_id'),
			...empty('custom_fields'),
		],
	}),
	// order_id is not in the OAS required list, but an item or shipment without an order is meaningless.
	def('order_items', { recordsKey: 'items', required: ['order_id'] }),
	def('order_payments', {
		recordsKey: 'payments',
		required: ['customer_id', 'order_id'],
		// docs/resources/order_payments.md: `?expand=fields`, the payment form's fields.
		nested: [{ name: 'fields', kind: 'embedded' }],
	}),
	def('order_shipments', {
		recordsKey: 'shipments',
		keyUnknown: true,
		required: ['order_id'],
		nested: [{ name: 'items', kind: 'embedded' }],
	}),
	def('order_statuses'),
	def('order_addresses', { recordsKey: 'addresses', keyUnknown: true, required: ['customer_id'] }),
	def('customers', {
		required: ['email', 'store_id'],
		nested: [
			child('addresses', 'addresses', 'customer_id'),
			...empty('additional_emails', 'customer_store_locations', 'reward_points', 'custom_fields'),
		],
	}),
	def('addresses', { required: ['customer_id', 'country'] }),
	def('customer_types', { required: ['name'] }),
	def('products', {
		required: ['item_name', 'price', 'product_status_id', 'primary_category_id'],
		nested: [
			child('variants', 'product_variants', 'product_id'),
			child('variant_inventory', 'variant_inventory', 'product_id'),
			child('pricing', 'product_pricing', 'product_id'),
			child('pictures', 'product_pictures', 'product_id'),
			{
				name: 'categories',
				kind: 'reference',
				resource: 'categories',
				localKey: 'primary_category_id',
			},
			child('reviews', 'product_reviews', 'product_id'),
			child('child_products', 'products', 'master_product_id'),
			...empty(
				'personalizations',
				'related',
				'attributes',
				'shipping_rate_adjustments',
				'custom_fields',
			),
		],
	}),
	def('product_variants', {
		recordsKey: 'variants',
		keyUnknown: true,
		required: ['product_id', 'variant_group_id'],
	}),
	def('variant_groups', { nested: [child('variants', 'product_variants', 'variant_group_id')] }),
	def('variant_inventory', {
		required: ['product_id', 'variants'],
		nested: [
			child('pricing', 'product_pricing', 'variant_inventory_id'),
			{ name: 'variants', kind: 'embedded', resolve: 'product_variants' },
		],
	}),
	def('product_pricing', { required: ['product_id'] }),
	def('product_statuses', { required: ['name'] }),
	def('product_pictures', {
		recordsKey: 'pictures',
		keyUnknown: true,
		required: ['product_id', 'image_file'],
	}),
	def('categories', {
		required: ['name'],
		nested: [child('products', 'products', 'primary_category_id'), ...empty('custom_fields')],
	}),
	def('manufacturers'),
	def('warehouses', { required: ['name'] }),
	def('store_locations'),
	def('stores', { ops: READ_ONLY }),
	def('shipping_provider_services', { recordsKey: 'services', ops: LIST_UPDATE }),
	def('shipping_providers', {
		ops: LIST_UPDATE,
		nested: [child('services', 'shipping_provider_services', 'shipping_provider_id')],
	}),
	def('custom_shipping_methods', { required: ['name'], nested: empty('rules') }),
	def('gift_certificates', {
		nested: [child('transactions', 'gift_certificate_transactions', 'gift_certificate_id')],
	}),
	def('coupon_codes', { required: ['campaign_code', 'coupon_code'] }),
	def('webhooks'),
];

/** The remaining resources of docs/resource_list.md, served generically (LGCUD, mostly empty). */
const OTHER_PATHS = [
	'adcodes',
	'affiliates',
	'attributes',
	'attribute_groups',
	'blogs',
	'blog_categories',
	'blog_posts',
	'carts',
	'cart_items',
	'credit_cards',
	'custom_fields',
	'custom_field_values',
	'customer_association',
	'customer_payment_methods',
	'discount_actions',
	'discount_methods',
	'discount_rules',
	'drips',
	'email_templates',
	'external_image_whitelist',
	'blacklisted_ips',
	'gift_certificate_transactions',
	'links',
	'mailing_lists',
	'microstores',
	'notifications',
	'pages',
	'payment_methods',
	'price_calculators',
	'price_calculator_rules',
	'price_calculator_rule_modifiers',
	'product_inactive_in_store',
	'product_lists',
	'product_reviews',
	'profiles',
	'quotes',
	'regions',
	'sessions',
	'shipping_rate_adjustments',
	'subscriptions',
	'tax_rates',
	'themes',
	'url_redirects',
	'wishlists',
];

/**
 * Required POST fields of the other resources: acapi.yaml's request-body `required` lists, less two
 * slips (products' long_description_tab_name_5 and shipping_rate_adjustments' `username`, which is
 * not even a property of its body).
 */
const OTHER_REQUIRED: Record<string, string[]> = {
	adcodes: ['visits'],
	attributes: ['attribute_group_id'],
	blog_categories: ['blog_id', 'parent_category_id', 'blog_category_path'],
	blog_posts: ['blog_id', 'store_id'],
	blogs: ['store_id', 'name'],
	cart_items: ['product_id', 'cart_id'],
	credit_cards: ['customer_id', 'card_type'],
	custom_field_values: ['custom_field_id', 'resource_id', 'value'],
	custom_fields: ['name', 'resource_type'],
	customer_association: ['association_type_id', 'parent_customer_id', 'child_customer_id'],
	discount_rules: ['discount_method_id', 'type', 'target'],
	mailing_lists: ['store_id'],
	pages: ['store_id'],
	price_calculator_rule_modifiers: ['price_calculator_rule_id'],
	price_calculators: ['calculation_name'],
	product_inactive_in_store: ['item_id', 'store_id'],
	product_lists: ['name'],
	profiles: ['username'],
	quotes: [
		'customer_id',
		'order_status_id',
		'tax_total',
		'grand_total',
		'order_billing_address_id',
		'store_id',
	],
	regions: ['markup_amount', 'sort_order'],
	subscriptions: [
		'customer_id',
		'frequency_type',
		'frequency',
		'original_order_id',
		'shipping_method_name',
		'customer_payment_method_id',
		'shipping_address_id',
		'billing_address_id',
	],
	tax_rates: ['rate', 'region_id', 'store_id'],
	url_redirects: ['from', 'to'],
};

/** Nested collections of the other resources the node expands (docs/resource_list.md). */
const OTHER_NESTED: Record<string, NestedDef[]> = {
	// Members live on the drip record; POST/DELETE /drips/{id}/members change them (extraRoutes.ts).
	drips: [{ name: 'members', kind: 'embedded' }, ...empty('events')],
	profiles: empty('contacts'),
};

/** docs/resources/sessions.md: "This resource is read only". */
const OTHER_READ_ONLY = new Set(['sessions']);

const OTHER: ResourceDef[] = [
	...OTHER_PATHS.map((path) =>
		def(path, {
			keyUnknown: ['attributes', 'product_reviews', 'price_calculators'].includes(path),
			required: OTHER_REQUIRED[path] ?? [],
			nested: OTHER_NESTED[path] ?? [],
			ops: OTHER_READ_ONLY.has(path) ? READ_ONLY : ALL,
		}),
	),
	def('users', { ops: READ_ONLY }),
];

export const RESOURCES: ReadonlyMap<string, ResourceDef> = new Map(
	[...CORE, ...OTHER].map((resource) => [resource.path, resource]),
);

export function getResource(path: string): ResourceDef | undefined {
	return RESOURCES.get(path);
}

/** The top-level array key of `GET /{path}` under the configured naming style. */
export function recordsKeyOf(resource: ResourceDef, style: RecordsKeyStyle): string {
	return resource.keyUnknown && style === 'path' ? resource.path : resource.recordsKey;
}

export function findNested(resource: ResourceDef, name: string): NestedDef | undefined {
	return resource.nested.find((nested) => nested.name === name);
}

/** Names of embedded collections, which are stored on the record but hidden unless expanded. */
export function embeddedNames(resource: ResourceDef): string[] {
	return resource.nested
		.filter((nested) => nested.kind === 'embedded')
		.map((nested) => nested.name);
}
