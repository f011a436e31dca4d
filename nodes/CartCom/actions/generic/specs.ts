import {
	contains,
	count,
	date,
	flag,
	integer,
	money,
	number,
	required,
	text,
} from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/*
 * The "other resources" of Cart.com's resource list (docs/resource_list.md): plain collections the
 * node serves with the standard operations only, one spec each, with the few fields people set
 * most; anything else goes through the "Other Fields (JSON)" option of Create / Update. Paths,
 * operations and required fields follow acapi.yaml and docs/resources/*.md. They share this one
 * table, and resources.ts names each spec; a resource with operations of its own, or one the node
 * is built around (orders, catalog, customers, store set-up), has a folder with its spec.ts.
 */

export const adcodeSpec: ResourceSpec = {
	value: 'adcode',
	name: 'Adcode',
	plural: 'adcodes',
	path: '/adcodes',
	recordsKey: 'adcodes',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	description: 'Tracking codes for campaigns and affiliates',
	simplifyFields: [
		'name',
		'description',
		'visits',
		'affiliate_id',
		'url',
		'source',
		'expires_at',
		'updated_at',
	],
	filterFields: [text('name')],
	fields: [
		required(
			count('visits', {
				description: 'Visits counted so far; 0 for a new adcode',
			}),
		),
		text('name'),
		text('description'),
		text('url'),
		text('source'),
		integer('affiliate_id'),
		flag('is_pay_per_click'),
		date('expires_at'),
	],
};

export const blacklistedIpSpec: ResourceSpec = {
	value: 'blacklistedIp',
	name: 'Blacklisted IP',
	plural: 'blacklisted IPs',
	path: '/blacklisted_ips',
	recordsKey: 'blacklisted_ips',
	operations: [get, getMany, create, update, remove],
	titleField: 'ip_address',
	filterFields: [text('ip_address')],
	fields: [
		text('ip_address', { placeholder: 'e.g. 203.0.113.7' }),
		text('description'),
		text('user_agent'),
	],
};

export const blogSpec: ResourceSpec = {
	value: 'blog',
	name: 'Blog',
	plural: 'blogs',
	path: '/blogs',
	recordsKey: 'blogs',
	operations: [get, getMany, create, update, remove],
	nested: ['categories', 'posts'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'store_id',
		'name',
		'description',
		'tag_line',
		'url_slug',
		'page_title',
		'is_commenting_enabled',
		'updated_at',
	],
	filterFields: [integer('store_id')],
	fields: [
		required(integer('store_id')),
		required(text('name')),
		text('description'),
		text('tag_line'),
		text('url_slug'),
		text('page_title'),
		flag('is_commenting_enabled'),
	],
};

export const blogCategorySpec: ResourceSpec = {
	value: 'blogCategory',
	name: 'Blog Category',
	plural: 'blog categories',
	path: '/blog_categories',
	recordsKey: 'blog_categories',
	operations: [get, getMany, create, update, remove],
	nested: ['posts'],
	timestamps: true,
	titleField: 'name',
	filterFields: [integer('blog_id')],
	fields: [
		required(integer('blog_id')),
		required(
			integer('parent_category_id', {
				description: 'The category above this one; 0 for a top-level category',
			}),
		),
		required(
			text('blog_category_path', {
				placeholder: 'e.g. news/releases',
				description: 'Path of the category in the blog’s URLs',
			}),
		),
		text('name'),
		text('description'),
		text('type', { placeholder: 'e.g. Tag' }),
	],
};

export const blogPostSpec: ResourceSpec = {
	value: 'blogPost',
	name: 'Blog Post',
	plural: 'blog posts',
	path: '/blog_posts',
	recordsKey: 'blog_posts',
	operations: [get, getMany, create, update, remove],
	nested: ['categories'],
	timestamps: true,
	titleField: 'title',
	simplifyFields: [
		'blog_id',
		'store_id',
		'title',
		'description',
		'url_rewrite',
		'published_at',
		'is_featured',
		'updated_at',
	],
	filterFields: [integer('blog_id'), contains('title')],
	fields: [
		required(integer('blog_id')),
		required(integer('store_id')),
		text('title'),
		text('content', { description: 'HTML body of the post' }),
		text('description'),
		text('keywords'),
		text('url_rewrite'),
		date('published_at'),
		flag('is_featured'),
	],
};

export const cartSpec: ResourceSpec = {
	value: 'cart',
	name: 'Cart',
	plural: 'carts',
	path: '/carts',
	recordsKey: 'carts',
	operations: [get, getMany, create],
	nested: ['items'],
	timestamps: true,
	description: 'Shopping carts of shoppers',
	simplifyFields: [
		'customer_id',
		'store_id',
		'cart_type',
		'subtotal',
		'grand_total',
		'coupon_code',
		'associated_order_id',
		'updated_at',
	],
	// docs/api-carting.md: a cart is created without a body; items are added after.
	createsEmpty: true,
	filterFields: [integer('customer_id')],
	fields: [integer('customer_id'), integer('store_id'), text('name'), text('coupon_code')],
};

export const cartItemSpec: ResourceSpec = {
	value: 'cartItem',
	name: 'Cart Item',
	plural: 'cart items',
	path: '/cart_items',
	recordsKey: 'cart_items',
	operations: [get, getMany, create, update, remove],
	nested: ['child_items'],
	timestamps: true,
	titleField: 'item_name',
	filterFields: [integer('cart_id'), integer('product_id')],
	fields: [
		required(integer('cart_id')),
		required(integer('product_id')),
		count('quantity'),
		money('price'),
		text('item_number'),
	],
};

export const creditCardSpec: ResourceSpec = {
	value: 'creditCard',
	name: 'Credit Card',
	plural: 'credit cards',
	path: '/credit_cards',
	recordsKey: 'credit_cards',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'cardholder_name',
	description: 'Saved cards of customers; only Get Decrypted returns full card data',
	simplifyFields: [
		'customer_id',
		'card_type',
		'last_four',
		'expiration_month',
		'expiration_year',
		'cardholder_name',
		'is_default',
		'updated_at',
	],
	filterFields: [integer('customer_id')],
	fields: [
		required(integer('customer_id')),
		required(text('card_type', { placeholder: 'e.g. Visa' })),
		text('cardholder_name'),
		integer('expiration_month'),
		integer('expiration_year'),
		flag('is_default'),
	],
};

export const customFieldSpec: ResourceSpec = {
	value: 'customField',
	name: 'Custom Field',
	plural: 'custom fields',
	path: '/custom_fields',
	recordsKey: 'custom_fields',
	operations: [get, getMany, create, update, remove],
	nested: ['list_items', 'stores', 'values'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'label',
		'resource_type',
		'input_type',
		'value_type',
		'is_required',
		'is_private',
		'updated_at',
	],
	filterFields: [text('resource_type', { placeholder: 'e.g. Orders' })],
	fields: [
		required(text('name')),
		required(
			text('resource_type', {
				placeholder: 'e.g. Orders',
				description: 'Which records carry the field, e.g. Orders, Customers, Products',
			}),
		),
		text('label'),
		text('input_type', { placeholder: 'e.g. TextBox' }),
		text('value_type', { placeholder: 'e.g. String' }),
		text('default_value'),
		flag('is_required'),
		flag('is_private'),
	],
};

export const customFieldValueSpec: ResourceSpec = {
	value: 'customFieldValue',
	name: 'Custom Field Value',
	plural: 'custom field values',
	path: '/custom_field_values',
	recordsKey: 'custom_field_values',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'value',
	filterFields: [integer('custom_field_id'), integer('resource_id')],
	fields: [
		required(integer('custom_field_id')),
		required(
			integer('resource_id', {
				description: 'ID of the order, customer, product… the value belongs to',
			}),
		),
		required(text('value')),
	],
};

export const customerAssociationSpec: ResourceSpec = {
	value: 'customerAssociation',
	name: 'Customer Association',
	plural: 'customer associations',
	path: '/customer_association',
	recordsKey: 'customer_association',
	operations: [get, getMany, create, update, remove],
	idField: 'customer_association_id',
	description: 'B2B links between a parent and a child customer',
	filterFields: [integer('parent_customer_id'), integer('child_customer_id')],
	fields: [
		required(integer('association_type_id')),
		required(integer('parent_customer_id')),
		required(integer('child_customer_id')),
	],
};

export const customerPaymentMethodSpec: ResourceSpec = {
	value: 'customerPaymentMethod',
	name: 'Customer Payment Method',
	plural: 'customer payment methods',
	path: '/customer_payment_methods',
	recordsKey: 'customer_payment_methods',
	operations: [get, getMany, create, update, remove],
	nested: ['fields'],
	timestamps: true,
	filterFields: [integer('customer_id')],
	fields: [
		integer('customer_id'),
		integer('payment_method_id'),
		text('payment_type', { placeholder: 'e.g. CreditCard' }),
		integer('card_id'),
		flag('is_default'),
	],
};

export const discountActionSpec: ResourceSpec = {
	value: 'discountAction',
	name: 'Discount Action',
	plural: 'discount actions',
	path: '/discount_actions',
	recordsKey: 'discount_actions',
	operations: [get, getMany, create, update, remove],
	nested: ['rules'],
	filterFields: [integer('discount_method_id')],
	fields: [
		integer('discount_method_id'),
		flag('is_active'),
		text('modifier_operation', { placeholder: 'e.g. subtract' }),
		text('modifier_amount', { placeholder: 'e.g. 50' }),
		text('modifier_type', { placeholder: 'e.g. percent' }),
		text('modifier_target', { placeholder: 'e.g. total' }),
		integer('sort_order'),
	],
};

export const discountMethodSpec: ResourceSpec = {
	value: 'discountMethod',
	name: 'Discount Method',
	plural: 'discount methods',
	path: '/discount_methods',
	recordsKey: 'discount_methods',
	operations: [get, getMany, create, update, remove],
	nested: ['rules', 'actions'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'is_enabled',
		'starts_at',
		'expires',
		'expires_at',
		'uses',
		'remaining_uses',
		'is_free_shipping_discount',
		'updated_at',
	],
	filterFields: [contains('name')],
	fields: [
		text('name'),
		flag('is_enabled'),
		date('starts_at'),
		flag('expires'),
		date('expires_at'),
		flag('is_free_shipping_discount'),
		flag('is_exclusive'),
		text('notes'),
	],
};

export const discountRuleSpec: ResourceSpec = {
	value: 'discountRule',
	name: 'Discount Rule',
	plural: 'discount rules',
	path: '/discount_rules',
	recordsKey: 'discount_rules',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	filterFields: [integer('discount_method_id')],
	fields: [
		required(integer('discount_method_id')),
		required(text('type', { placeholder: 'e.g. an item in cart (by item number)' })),
		required(text('target', { description: 'What the rule tests, e.g. an item number' })),
		text('operator_type', { placeholder: 'e.g. contains' }),
		count('target_quantity'),
	],
};

export const dripSpec: ResourceSpec = {
	value: 'drip',
	name: 'Drip',
	plural: 'drips',
	path: '/drips',
	recordsKey: 'drips',
	operations: [get, getMany, create, update, remove],
	nested: ['members', 'events'],
	titleField: 'name',
	description: 'Drip email series',
	fields: [text('name'), flag('is_enabled')],
};

export const externalImageWhitelistSpec: ResourceSpec = {
	value: 'externalImageWhitelist',
	name: 'External Image Whitelist Entry',
	plural: 'external image whitelist entries',
	path: '/external_image_whitelist',
	recordsKey: 'external_image_whitelist',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'url',
	idField: 'external_image_whitelist_sites_id',
	description: 'Sites the store may show images from',
	fields: [text('url', { placeholder: 'e.g. images.example.com' })],
};

export const giftCertificateTransactionSpec: ResourceSpec = {
	value: 'giftCertificateTransaction',
	name: 'Gift Certificate Transaction',
	plural: 'gift certificate transactions',
	path: '/gift_certificate_transactions',
	recordsKey: 'gift_certificate_transactions',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	filterFields: [integer('gift_certificate_id'), integer('order_id')],
	fields: [
		integer('gift_certificate_id'),
		text('action', { placeholder: 'e.g. Create' }),
		number('amount'),
		integer('order_id'),
		text('status', { placeholder: 'e.g. Approved' }),
	],
};

export const linkSpec: ResourceSpec = {
	value: 'link',
	name: 'Link',
	plural: 'links',
	path: '/links',
	recordsKey: 'links',
	operations: [get, getMany, create, update, remove],
	nested: ['child_links'],
	timestamps: true,
	titleField: 'text',
	description: 'Navigation menu links',
	simplifyFields: [
		'text',
		'url',
		'link_type',
		'store_id',
		'parent_link_id',
		'sort_order',
		'is_hidden',
		'updated_at',
	],
	filterFields: [integer('store_id'), integer('parent_link_id')],
	fields: [
		text('text'),
		text('url'),
		text('link_type', { placeholder: 'e.g. ExternalUrl' }),
		integer('store_id'),
		integer('parent_link_id'),
		integer('sort_order'),
		flag('is_hidden'),
		flag('opens_in_new_window'),
	],
};

export const mailingListSpec: ResourceSpec = {
	value: 'mailingList',
	name: 'Mailing List',
	plural: 'mailing lists',
	path: '/mailing_lists',
	recordsKey: 'mailing_lists',
	operations: [get, getMany, create, update, remove],
	nested: ['members'],
	timestamps: true,
	titleField: 'admin_list_name',
	filterFields: [integer('store_id')],
	fields: [
		required(integer('store_id')),
		text('admin_list_name'),
		text('public_list_name'),
		text('type', { placeholder: 'e.g. Internal' }),
		flag('is_hidden'),
		flag('auto_opt_in'),
	],
};

export const microstoreSpec: ResourceSpec = {
	value: 'microstore',
	name: 'Microstore',
	plural: 'microstores',
	path: '/microstores',
	recordsKey: 'microstores',
	operations: [get, getMany, create, update, remove],
	titleField: 'name',
	simplifyFields: [
		'name',
		'parent_store_id',
		'path',
		'city',
		'state',
		'country',
		'activation_date',
		'expiration_date',
	],
	filterFields: [text('name')],
	fields: [
		text('name'),
		integer('parent_store_id'),
		text('path', { placeholder: 'e.g. /fakestore.aspx' }),
		date('activation_date'),
		date('expiration_date'),
	],
};

export const notificationSpec: ResourceSpec = {
	value: 'notification',
	name: 'Notification',
	plural: 'notifications',
	path: '/notifications',
	recordsKey: 'notifications',
	operations: [get, getMany, create, update, remove],
	titleField: 'email_address',
	idField: 'notification_id',
	description: 'Back-in-stock notification requests of shoppers',
	filterFields: [integer('product_id'), integer('customer_id')],
	fields: [
		integer('product_id'),
		integer('variant_inventory_id'),
		integer('customer_id'),
		text('email_address'),
		integer('store_id'),
		text('notification_frequency_type', { placeholder: 'e.g. Once' }),
	],
};

export const pageSpec: ResourceSpec = {
	value: 'page',
	name: 'Page',
	plural: 'pages',
	path: '/pages',
	recordsKey: 'pages',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'title',
	description: 'Content pages',
	simplifyFields: [
		'store_id',
		'title',
		'url_rewrite',
		'is_hidden',
		'external_url',
		'is_login_required',
		'updated_at',
	],
	filterFields: [integer('store_id'), contains('title')],
	fields: [
		required(integer('store_id')),
		text('title'),
		text('content', { description: 'HTML content of the page' }),
		text('url_rewrite'),
		text('keywords'),
		text('description'),
		flag('is_hidden'),
	],
};

export const paymentMethodSpec: ResourceSpec = {
	value: 'paymentMethod',
	name: 'Payment Method',
	plural: 'payment methods',
	path: '/payment_methods',
	recordsKey: 'payment_methods',
	operations: [get, getMany, create, update, remove],
	nested: ['fields', 'stores'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'payment_type',
		'is_gateway',
		'gateway_name',
		'is_hidden',
		'sort_order',
		'updated_at',
	],
	fields: [
		text('name'),
		text('payment_type', { placeholder: 'e.g. Custom' }),
		text('description'),
		text('confirmation_message'),
		flag('is_hidden'),
		integer('sort_order'),
	],
};

export const priceCalculatorSpec: ResourceSpec = {
	value: 'priceCalculator',
	name: 'Price Calculator',
	plural: 'price calculators',
	path: '/price_calculators',
	recordsKey: 'price_calculators',
	operations: [get, getMany, create, update, remove],
	nested: ['rules'],
	timestamps: true,
	titleField: 'calculation_name',
	fields: [
		required(text('calculation_name', { placeholder: 'e.g. Tier 1' })),
		text('description'),
		text('item_numbers_regex'),
	],
};

export const priceCalculatorRuleSpec: ResourceSpec = {
	value: 'priceCalculatorRule',
	name: 'Price Calculator Rule',
	plural: 'price calculator rules',
	path: '/price_calculator_rules',
	recordsKey: 'price_calculator_rules',
	operations: [get, getMany, create, update, remove],
	nested: ['modifiers'],
	timestamps: true,
	filterFields: [integer('price_calculator_id')],
	fields: [
		integer('price_calculator_id'),
		integer('customer_type_id'),
		integer('store_id'),
		count('starting_quantity'),
		text('price_base_type', { placeholder: 'e.g. BaseCostPassedIn' }),
		money('specific_base_price'),
	],
};

export const priceCalculatorRuleModifierSpec: ResourceSpec = {
	value: 'priceCalculatorRuleModifier',
	name: 'Price Calculator Rule Modifier',
	plural: 'price calculator rule modifiers',
	path: '/price_calculator_rule_modifiers',
	recordsKey: 'price_calculator_rule_modifiers',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	filterFields: [integer('price_calculator_rule_id')],
	fields: [
		required(integer('price_calculator_rule_id')),
		text('action', { placeholder: 'e.g. Add' }),
		number('value'),
		text('modifier_type', { placeholder: 'e.g. PercentMarkup' }),
		integer('sort_order'),
		text('description'),
	],
};

export const productInactiveInStoreSpec: ResourceSpec = {
	value: 'productInactiveInStore',
	name: 'Inactive Store Product',
	plural: 'inactive store products',
	path: '/product_inactive_in_store',
	recordsKey: 'product_inactive_in_store',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	description: 'Products switched off in one store (optionally for one customer type)',
	filterFields: [integer('item_id', { label: 'Product ID' }), integer('store_id')],
	fields: [
		required(integer('item_id', { label: 'Product ID' })),
		required(integer('store_id')),
		integer('customer_type_id'),
	],
};

export const productListSpec: ResourceSpec = {
	value: 'productList',
	name: 'Product List',
	plural: 'product lists',
	path: '/product_lists',
	recordsKey: 'product_lists',
	operations: [get, getMany, create, update, remove],
	nested: ['items'],
	titleField: 'name',
	fields: [required(text('name'))],
};

export const profileSpec: ResourceSpec = {
	value: 'profile',
	name: 'Profile',
	plural: 'profiles',
	path: '/profiles',
	recordsKey: 'profiles',
	operations: [get, getMany, create, update, remove],
	// docs/resource_list.md: profiles have one nested collection, contacts.
	nested: ['contacts'],
	timestamps: true,
	titleField: 'username',
	description: 'Public profiles of users and customers (blog authors, B2B contacts)',
	filterFields: [text('email'), text('username')],
	fields: [
		required(text('username')),
		text('email'),
		text('real_name'),
		text('display_name'),
		text('company'),
		text('type', { placeholder: 'e.g. User' }),
	],
};

export const quoteSpec: ResourceSpec = {
	value: 'quote',
	name: 'Quote',
	plural: 'quotes',
	path: '/quotes',
	recordsKey: 'quotes',
	operations: [get, getMany, create, update, remove],
	nested: ['items', 'custom_fields'],
	timestamps: true,
	titleField: 'order_number',
	simplifyFields: [
		'order_number',
		'customer_id',
		'order_status_id',
		'ordered_at',
		'expires_at',
		'grand_total',
		'store_id',
		'converted_to_order_ids',
		'updated_at',
	],
	filterFields: [integer('customer_id'), integer('order_status_id', { label: 'Status ID' })],
	fields: [
		required(integer('customer_id')),
		required(integer('store_id')),
		required(integer('order_status_id', { label: 'Status ID' })),
		required(integer('order_billing_address_id', { label: 'Billing Address ID' })),
		integer('order_shipping_address_id', { label: 'Shipping Address ID' }),
		required(money('tax_total')),
		required(money('grand_total')),
		date('expires_at'),
		text('admin_comments'),
		text('public_comments'),
	],
};

export const regionSpec: ResourceSpec = {
	value: 'region',
	name: 'Region',
	plural: 'regions',
	path: '/regions',
	recordsKey: 'regions',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	description: 'Shipping and tax regions',
	fields: [
		text('name'),
		text('region_type', { placeholder: 'e.g. Country' }),
		flag('is_shipping_region'),
		flag('is_tax_region'),
		text('markup_type', { placeholder: 'e.g. Percent' }),
		required(number('markup_amount', { description: 'Shipping markup of the region; 0 for none' })),
		required(integer('sort_order')),
	],
};

export const shippingRateAdjustmentSpec: ResourceSpec = {
	value: 'shippingRateAdjustment',
	name: 'Shipping Rate Adjustment',
	plural: 'shipping rate adjustments',
	path: '/shipping_rate_adjustments',
	recordsKey: 'shipping_rate_adjustments',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	description: 'Per-product shipping rate overrides',
	filterFields: [integer('product_id')],
	fields: [
		integer('product_id'),
		text('type', { placeholder: 'e.g. Flat Rate' }),
		number('amount'),
		text('shipping_method_name'),
		text('shipping_provider', { placeholder: 'e.g. Custom' }),
		flag('is_unavailable'),
	],
};

export const subscriptionSpec: ResourceSpec = {
	value: 'subscription',
	name: 'Subscription',
	plural: 'subscriptions',
	path: '/subscriptions',
	recordsKey: 'subscriptions',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	simplifyFields: [
		'customer_id',
		'is_enabled',
		'frequency',
		'frequency_type',
		'next_due_at',
		'original_order_id',
		'latest_renewal_order_id',
		'renewal_count',
		'updated_at',
	],
	filterFields: [
		integer('customer_id'),
		flag('is_enabled', {
			description: 'Whether to return only enabled (true) or only paused (false) subscriptions',
		}),
	],
	fields: [
		required(integer('customer_id')),
		required(text('frequency_type', { placeholder: 'e.g. Months' })),
		required(integer('frequency')),
		required(integer('original_order_id')),
		required(
			text('shipping_method_name', { placeholder: 'e.g. USPS;USPS Media Mail;USPS Media Mail' }),
		),
		required(integer('customer_payment_method_id')),
		required(integer('shipping_address_id')),
		required(integer('billing_address_id')),
		date('next_due_at'),
		flag('is_enabled'),
	],
};

export const taxRateSpec: ResourceSpec = {
	value: 'taxRate',
	name: 'Tax Rate',
	plural: 'tax rates',
	path: '/tax_rates',
	recordsKey: 'tax_rates',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	filterFields: [integer('region_id'), integer('store_id')],
	fields: [
		required(money('rate', { description: 'As a fraction, e.g. 0.0825 for 8.25%' })),
		required(integer('region_id')),
		required(integer('store_id')),
		text('name'),
		flag('is_shipping_included'),
		flag('is_handling_included'),
	],
};

export const urlRedirectSpec: ResourceSpec = {
	value: 'urlRedirect',
	name: 'URL Redirect',
	plural: 'URL redirects',
	path: '/url_redirects',
	recordsKey: 'url_redirects',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'from',
	filterFields: [text('from')],
	fields: [
		required(text('from', { placeholder: 'e.g. /old-page.html' })),
		required(text('to', { placeholder: 'e.g. /new-page' })),
		flag('is_active'),
		text('redirect_type', { placeholder: 'e.g. UrlRewrite' }),
	],
};

export const userSpec: ResourceSpec = {
	value: 'user',
	name: 'User',
	plural: 'users',
	path: '/users',
	recordsKey: 'users',
	operations: [get, getMany],
	timestamps: true,
	titleField: 'username',
	description: 'Admin users (read-only in the API)',
	simplifyFields: [
		'username',
		'email',
		'first_name',
		'last_name',
		'phone',
		'profile_id',
		'is_salesperson',
		'last_login_at',
	],
	filterFields: [text('email'), text('username')],
	fields: [],
};

export const wishlistSpec: ResourceSpec = {
	value: 'wishlist',
	name: 'Wishlist',
	plural: 'wishlists',
	path: '/wishlists',
	recordsKey: 'wishlists',
	operations: [get, getMany, create, update, remove],
	nested: ['items'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: ['name', 'customer_id', 'store_id', 'is_public', 'subtotal', 'updated_at'],
	filterFields: [integer('customer_id')],
	fields: [integer('customer_id'), integer('store_id'), text('name'), flag('is_public')],
};
