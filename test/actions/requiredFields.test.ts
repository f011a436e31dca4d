/**
 * Issue 9 (9): the fields Create asks for are the fields Cart.com's OpenAPI file requires, and all
 * missing ones are reported in one error before any request.
 *
 * OPENAPI_REQUIRED is copied by hand from AmeriCommerce/rest-api `acapi.yaml` (HEAD cfc1e86): the
 * `required` list of each `POST /{path}` request body (application/json; operationId `post-{path}`).
 * The file is not in this repository and tests run offline, hence a table rather than a parser.
 */
import { NodeOperationError, type INodeProperties } from 'n8n-workflow';

import { SPECS } from '../../nodes/CartCom/actions/specs';
import * as standard from '../../nodes/CartCom/actions/standard';
import { toCamelCase } from '../../nodes/CartCom/helpers/naming';
import { startStore, type Simulator } from '../helpers/fixtures';
import { node, run, runFailing } from '../helpers/actionKit';

const OPENAPI_REQUIRED: Record<string, string[]> = {
	'/adcodes': ['visits'],
	'/addresses': ['customer_id', 'country'],
	'/attribute_groups': [],
	'/attributes': ['attribute_group_id'],
	'/blacklisted_ips': [],
	'/blog_categories': ['blog_id', 'parent_category_id', 'blog_category_path'],
	'/blog_posts': ['blog_id', 'store_id'],
	'/blogs': ['store_id', 'name'],
	'/cart_items': ['product_id', 'cart_id'],
	'/categories': ['name'],
	'/coupon_codes': ['campaign_code', 'coupon_code'],
	'/credit_cards': ['customer_id', 'card_type'],
	'/custom_field_values': ['custom_field_id', 'resource_id', 'value'],
	'/custom_fields': ['name', 'resource_type'],
	'/custom_shipping_methods': ['name'],
	'/customer_association': ['association_type_id', 'parent_customer_id', 'child_customer_id'],
	'/customer_payment_methods': [],
	'/customer_types': ['name'],
	'/customers': ['email', 'store_id'],
	'/discount_actions': [],
	'/discount_methods': [],
	'/discount_rules': ['discount_method_id', 'type', 'target'],
	'/drips': [],
	'/email_templates': [],
	'/external_image_whitelist': [],
	'/gift_certificate_transactions': [],
	'/gift_certificates': [],
	'/links': [],
	'/mailing_lists': ['store_id'],
	'/manufacturers': [],
	'/microstores': [],
	'/notifications': [],
	'/order_addresses': ['customer_id'],
	'/order_items': [],
	'/order_payments': ['customer_id', 'order_id'],
	'/order_shipments': [],
	'/order_statuses': [],
	'/orders': [
		'customer_id',
		'order_status_id',
		'order_shipping_address_id',
		'order_billing_address_id',
	],
	'/pages': ['store_id'],
	'/payment_methods': [],
	'/price_calculator_rule_modifiers': ['price_calculator_rule_id'],
	'/price_calculator_rules': [],
	'/price_calculators': ['calculation_name'],
	'/product_inactive_in_store': ['item_id', 'store_id'],
	'/product_lists': ['name'],
	'/product_pictures': ['product_id', 'image_file'],
	'/product_pricing': ['product_id'],
	'/product_reviews': [],
	'/product_statuses': ['name'],
	'/product_variants': ['product_id', 'variant_group_id'],
	'/products': [
		'primary_category_id',
		'product_status_id',
		'item_name',
		'price',
		'long_description_tab_name_5',
	],
	'/profiles': ['username'],
	'/quotes': [
		'customer_id',
		'order_status_id',
		'tax_total',
		'grand_total',
		'order_billing_address_id',
		'store_id',
	],
	'/regions': ['markup_amount', 'sort_order'],
	'/shipping_rate_adjustments': ['username'],
	'/store_locations': [],
	'/subscriptions': [
		'customer_id',
		'frequency_type',
		'frequency',
		'original_order_id',
		'shipping_method_name',
		'customer_payment_method_id',
		'shipping_address_id',
		'billing_address_id',
	],
	'/tax_rates': ['rate', 'region_id', 'store_id'],
	'/url_redirects': ['from', 'to'],
	'/variant_groups': [],
	'/variant_inventory': ['product_id', 'variants'],
	'/warehouses': ['name'],
	'/wishlists': [],
};

/** Entries of acapi.yaml's lists the node does not ask for, and why. */
const NOT_ASKED: Record<string, { fields: string[]; why: string }> = {
	'/products': {
		fields: ['long_description_tab_name_5'],
		why: 'the title of a fifth description tab; docs/resources/products.md shows it empty, no product needs it',
	},
	'/shipping_rate_adjustments': {
		fields: ['username'],
		why: 'not even a property of that request body: a copy-and-paste slip in the file',
	},
};

/** What the node asks for beyond acapi.yaml, and why. */
const ALSO_ASKED: Record<string, { fields: string[]; why: string }> = {
	'/order_items': { fields: ['order_id'], why: 'an order line outside any order is never meant' },
	'/order_shipments': { fields: ['order_id'], why: 'a shipment outside any order is never meant' },
	'/product_reviews': {
		fields: ['product_id'],
		why: 'a product review outside any product is never meant',
	},
};

/** Creatable resources acapi.yaml has no POST body for: required fields from the docs. */
const DOCUMENTED_ELSEWHERE: Record<string, string[]> = {
	'/carts': [], // docs/api-carting.md: a cart is created empty, items come after
	'/webhooks': ['event_type', 'url'], // docs/webhooks.md: the POST example; a webhook is an event and a URL
};

function expectedRequired(path: string): string[] {
	if (path in DOCUMENTED_ELSEWHERE) return DOCUMENTED_ELSEWHERE[path];
	const fromFile = OPENAPI_REQUIRED[path];
	if (!fromFile) throw new Error(`${path} is creatable in the node but not in the table`);
	const dropped = NOT_ASKED[path]?.fields ?? [];
	return [
		...fromFile.filter((field) => !dropped.includes(field)),
		...(ALSO_ASKED[path]?.fields ?? []),
	];
}

const creatable = SPECS.filter((spec) => spec.operations.includes(standard.create));

/** The parameters the editor marks required for Create of a resource (what the user sees). */
function requiredCreateParameters(resource: string): string[] {
	return node.description.properties
		.filter(
			(property: INodeProperties) =>
				property.required === true &&
				property.displayOptions?.show?.resource?.includes(resource) &&
				property.displayOptions?.show?.operation?.includes('create') &&
				// Asked for only when the file comes from the workflow (Product Picture's Source).
				!property.displayOptions?.show?.fileSource?.includes('binary'),
		)
		.map((property: INodeProperties) => property.name)
		.sort();
}

describe('Create asks for the fields acapi.yaml requires', () => {
	it('the table covers every resource the node can create', () => {
		const tabled = new Set([
			...Object.keys(OPENAPI_REQUIRED),
			...Object.keys(DOCUMENTED_ELSEWHERE),
		]);
		expect(creatable.map((spec) => spec.path).filter((path) => !tabled.has(path))).toEqual([]);
	});

	it.each(creatable.map((spec) => [spec.path, spec] as const))('%s', (path, spec) => {
		const expected = expectedRequired(path).sort();
		expect(
			spec.fields
				.filter((field) => field.required)
				.map((field) => field.name)
				.sort(),
		).toEqual(expected);
		expect(requiredCreateParameters(spec.value)).toEqual(expected.map(toCamelCase).sort());
	});
});

describe('Create reports every missing required field in one error, before any request', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { customers: 2, orders: 0, products: 0 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	const empty = '={{ "" }}';

	it('Subscription: all eight fields named at once', async () => {
		const spec = SPECS.find((candidate) => candidate.value === 'subscription')!;
		const parameters = Object.fromEntries(
			spec.fields
				.filter((field) => field.required)
				.map((field) => [toCamelCase(field.name), empty]),
		);
		const error = await runFailing(sim, {
			resource: 'subscription',
			operation: 'create',
			...parameters,
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Customer ID, Frequency Type, Frequency, Original Order ID, Shipping Method Name, Customer Payment Method ID, Shipping Address ID, Billing Address ID: are required [item 0]',
		);
		expect(sim.requests).toEqual([]);
	});

	it('Attribute: the group is asked for, the name is not', async () => {
		const error = await runFailing(sim, {
			resource: 'attribute',
			operation: 'create',
			attributeGroupId: empty,
		});
		expect(error.message).toBe('Attribute Group ID: is required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Quote: the totals are asked for as well', async () => {
		const error = await runFailing(sim, {
			resource: 'quote',
			operation: 'create',
			customerId: 3,
			storeId: 1,
			orderStatusId: 2,
			orderBillingAddressId: 4,
			taxTotal: empty,
			grandTotal: '={{ "  " }}',
		});
		expect(error.message).toBe('Tax Total, Grand Total: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('Blog Category and Region: the fields the file adds are asked for', async () => {
		const blog = await runFailing(sim, {
			resource: 'blogCategory',
			operation: 'create',
			blogId: 1,
			parentCategoryId: empty,
			blogCategoryPath: '',
		});
		expect(blog.message).toBe('Parent Category ID, Blog Category Path: are required [item 0]');
		const region = await runFailing(sim, {
			resource: 'region',
			operation: 'create',
			markupAmount: empty,
			sortOrder: empty,
		});
		expect(region.message).toBe('Markup Amount, Sort Order: are required [item 0]');
		expect(sim.requests).toEqual([]);
	});

	it('a Create with no field at all is refused; a cart, created empty by design, is sent', async () => {
		const error = await runFailing(sim, { resource: 'manufacturer', operation: 'create' });
		expect(error.message).toBe('Additional Fields: no field given [item 0]');
		expect(sim.requests).toEqual([]);

		// docs/api-carting.md: POST /carts without a body creates an empty cart.
		await run(sim, { resource: 'cart', operation: 'create' }, { continueOnFail: true });
		expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/v1/carts',
		]);
	});

	it('Order: two empty fields are both named (they used to come one per run)', async () => {
		const error = await runFailing(sim, {
			resource: 'order',
			operation: 'create',
			customerId: empty,
			orderStatusId: 1,
			orderBillingAddressId: empty,
			orderShippingAddressId: 2,
		});
		expect(error.message).toMatch(/^Customer ID, .*Billing Address.*: are required \[item 0\]$/);
		expect(sim.requests).toEqual([]);
	});
});
