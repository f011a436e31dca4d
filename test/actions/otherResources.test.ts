/**
 * Every "other" Cart.com resource, table-driven from the node's own specs: each operation the
 * node offers is run against the simulator and the request it sends is checked.
 */
import { NodeApiError, NodeOperationError, type INodeListSearchResult } from 'n8n-workflow';

import { findSpec } from '../../nodes/CartCom/actions/specs';
import { toCamelCase } from '../../nodes/CartCom/helpers/naming';
import type { FieldSpec, ResourceSpec } from '../../nodes/CartCom/helpers/types';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { runLoadOptions } from '../helpers/n8n';
import {
	byId,
	jsonOf,
	node,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	run,
	runFailing,
} from '../helpers/actionKit';

const API = '/api/v1';

/** The Cart.com collection of each resource, written out from acapi.yaml and docs/resource_list.md, not from the specs. */
const COLLECTIONS: Record<string, string> = {
	adcode: 'adcodes',
	blacklistedIp: 'blacklisted_ips',
	blog: 'blogs',
	blogCategory: 'blog_categories',
	blogPost: 'blog_posts',
	cart: 'carts',
	cartItem: 'cart_items',
	creditCard: 'credit_cards',
	customField: 'custom_fields',
	customFieldValue: 'custom_field_values',
	customerAssociation: 'customer_association',
	customerPaymentMethod: 'customer_payment_methods',
	discountAction: 'discount_actions',
	discountMethod: 'discount_methods',
	discountRule: 'discount_rules',
	drip: 'drips',
	emailTemplate: 'email_templates',
	externalImageWhitelist: 'external_image_whitelist',
	giftCertificateTransaction: 'gift_certificate_transactions',
	link: 'links',
	mailingList: 'mailing_lists',
	microstore: 'microstores',
	notification: 'notifications',
	page: 'pages',
	paymentMethod: 'payment_methods',
	priceCalculator: 'price_calculators',
	priceCalculatorRule: 'price_calculator_rules',
	priceCalculatorRuleModifier: 'price_calculator_rule_modifiers',
	productInactiveInStore: 'product_inactive_in_store',
	productList: 'product_lists',
	profile: 'profiles',
	quote: 'quotes',
	region: 'regions',
	shippingRateAdjustment: 'shipping_rate_adjustments',
	subscription: 'subscriptions',
	taxRate: 'tax_rates',
	urlRedirect: 'url_redirects',
	user: 'users',
	wishlist: 'wishlists',
};
const SPECS: ResourceSpec[] = Object.keys(COLLECTIONS).map(findSpec);
const table = (spec: ResourceSpec) => COLLECTIONS[spec.value];
const offers = (spec: ResourceSpec, operation: string) =>
	operationsOf(spec.value).includes(operation);
/** `[name, spec]` rows for it.each, for the resources whose node offers `operation`. */
const offering = (operation: string) =>
	SPECS.filter((spec) => offers(spec, operation)).map((spec) => [spec.name, spec] as const);

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { customers: 3, orders: 0, products: 0 } });
	// Most of these tables start empty in the simulator; give each one record to read back.
	for (const spec of SPECS) {
		if (sim.store.count(table(spec)) === 0)
			sim.store.create(table(spec), { name: `Seeded ${spec.name}` });
	}
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

/** A value of the right type for a parameter, and what the node must send for it. */
function sample(field: FieldSpec): string | number | boolean {
	switch (field.type) {
		case 'number':
			return field.integer ? 7 : 2.5;
		case 'boolean':
			return true;
		case 'options':
			return field.options?.[0]?.value ?? 1;
		default:
			return `test ${field.name}`;
	}
}

const firstOptionalText = (spec: ResourceSpec) =>
	spec.fields.find((field) => !field.required && field.type === 'string');

describe('every generic resource is registered with the node', () => {
	it('serves each of the "other resources" at its Cart.com path', () => {
		expect(SPECS.map((spec) => spec.path)).toEqual(
			Object.values(COLLECTIONS).map((collection) => `/${collection}`),
		);
	});

	it.each(SPECS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
		expect(operationsOf(spec.value).length).toBeGreaterThan(0);
		expect(offers(spec, 'getAll')).toBe(true);
	});
});

describe('Get Many reads the path with the limit as page size', () => {
	it.each(offering('getAll'))('%s', async (_name, spec) => {
		const items = await run(sim, {
			resource: spec.value,
			operation: 'getAll',
			limit: 5,
			simplify: false,
		});
		const request = onlyRequest(sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`${API}/${table(spec)}`);
		const key = spec.idField ?? 'id';
		expect(queryOf(request)).toEqual({ count: '5', page: '1', sort: `-${key}` });
		const newest = sim.store
			.list(table(spec))
			.sort((a, b) => (b[key] as number) - (a[key] as number))
			.slice(0, 5);
		expect(jsonOf(items)).toEqual(newest);
	});
});

describe('Get reads one record by ID', () => {
	it.each(offering('get'))('%s', async (_name, spec) => {
		const record = sim.store.list(table(spec))[0];
		const items = await run(sim, {
			resource: spec.value,
			operation: 'get',
			recordId: byId(record.id as number),
			simplify: false,
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'GET',
			path: `${API}/${table(spec)}/${String(record.id)}`,
		});
		expect(jsonOf(items)).toEqual([record]);
	});
});

describe('Create sends the required fields plus Other Fields (JSON); Update and Delete address the new record', () => {
	it.each(offering('create'))('%s', async (_name, spec) => {
		const required = spec.fields.filter((field) => field.required);
		const createParameters = Object.fromEntries(
			required.map((field) => [toCamelCase(field.name), sample(field)]),
		);
		const created = await run(sim, {
			resource: spec.value,
			operation: 'create',
			...createParameters,
			additionalFields: { otherFieldsJson: '{"extra_note": "from n8n"}' },
		});
		const expectedBody = {
			...Object.fromEntries(required.map((field) => [field.name, sample(field)])),
			extra_note: 'from n8n',
		};
		const createRequest = onlyRequest(sim);
		expect(createRequest).toMatchObject({ method: 'POST', path: `${API}/${table(spec)}` });
		expect(createRequest.body).toEqual(expectedBody);
		const id = created[0].json.id as number;
		expect(sim.store.get(table(spec), id)).toMatchObject(expectedBody);

		if (offers(spec, 'update')) {
			sim.clearRequests();
			const text = firstOptionalText(spec);
			const updateFields = {
				...(text ? { [toCamelCase(text.name)]: 'changed by n8n' } : {}),
				otherFieldsJson: '{"extra_note": "changed"}',
			};
			const updated = await run(sim, {
				resource: spec.value,
				operation: 'update',
				recordId: byId(id),
				updateFields,
			});
			const updateRequest = onlyRequest(sim);
			expect(updateRequest).toMatchObject({ method: 'PUT', path: `${API}/${table(spec)}/${id}` });
			expect(updateRequest.body).toEqual({
				...(text ? { [text.name]: 'changed by n8n' } : {}),
				extra_note: 'changed',
			});
			expect(updated[0].json).toMatchObject({ id, extra_note: 'changed' });
		}

		if (offers(spec, 'delete')) {
			sim.clearRequests();
			const deleted = await run(sim, {
				resource: spec.value,
				operation: 'delete',
				recordId: byId(id),
			});
			expect(onlyRequest(sim)).toMatchObject({
				method: 'DELETE',
				path: `${API}/${table(spec)}/${id}`,
			});
			expect(jsonOf(deleted)).toEqual([{ id, deleted: true }]);
			expect(sim.store.get(table(spec), id)).toBeUndefined();
		}
	});
});

describe('Update with a non-numeric ID fails naming the field, before any request', () => {
	it.each(offering('update'))('%s', async (_name, spec) => {
		const error = await runFailing(sim, {
			resource: spec.value,
			operation: 'update',
			recordId: byId('x1'),
			updateFields: { otherFieldsJson: '{"a": 1}' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^ID: "x1" is not a valid ID/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('operations offered where the API allows less than full CRUD', () => {
	it.each([
		['user', ['get', 'getAll']],
		[
			'cart',
			[
				'addItems',
				'create',
				'get',
				'getAll',
				'getPaymentMethods',
				'getShippingRates',
				'getTotals',
				'placeOrder',
				'removeItems',
				'setCouponCode',
				'setShippingEstimate',
				'setShippingMethod',
				'updateItems',
			],
		],
		['theme', ['import']],
		['emailTemplate', ['create', 'delete', 'get', 'getAll', 'send', 'update']],
	])('%s', (resource, operations) => {
		expect(operationsOf(resource)).toEqual(operations);
	});

	it('read-only resources have no write parameters in the node description', () => {
		const writeParameters = node.description.properties.filter((property) => {
			const show = property.displayOptions?.show;
			const resources = (show?.resource ?? []) as string[];
			const operations = (show?.operation ?? []) as string[];
			return (
				['user', 'store', 'location'].some((resource) => resources.includes(resource)) &&
				operations.some((operation) => ['create', 'update', 'delete'].includes(operation))
			);
		});
		expect(writeParameters).toEqual([]);
	});
});

describe('bad input before any request', () => {
	it('invalid JSON in Other Fields names the field', async () => {
		const error = await runFailing(sim, {
			resource: 'page',
			operation: 'create',
			storeId: 1,
			additionalFields: { otherFieldsJson: '{"title": "About' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Other Fields \(JSON\): is not valid JSON/);
		expect(sim.requests).toHaveLength(0);
	});

	it('an invalid date names the field', async () => {
		const error = await runFailing(sim, {
			resource: 'discountMethod',
			operation: 'update',
			recordId: byId(1),
			updateFields: { expiresAt: 'soon' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Expires At: "soon" is not a valid date/);
		expect(sim.requests).toHaveLength(0);
	});

	it('an invalid Updated After filter names the field', async () => {
		const error = await runFailing(sim, {
			resource: 'quote',
			operation: 'getAll',
			filters: { updatedAfter: '2024-13-45' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Updated After: /);
		expect(sim.requests).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others still run', async () => {
		const [first] = sim.store.list('tax_rates');
		const items = await run(
			sim,
			{ resource: 'taxRate', operation: 'get', recordId: byId('={{ $json.id }}') },
			{ input: [{ id: 'seven' }, { id: first.id as number }], continueOnFail: true },
		);
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(items[0].json.error).toMatch(/^ID: "seven" is not a valid ID/);
		expect(items[1].json).toEqual(first);
		expect(sim.requests).toHaveLength(1);
	});
});

describe('Quote Get Many filters', () => {
	it('sends the customer and status filters', async () => {
		await run(sim, {
			resource: 'quote',
			operation: 'getAll',
			filters: { customerId: 3, orderStatusId: 5 },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({
			customer_id: 'eq:3',
			order_status_id: 'eq:5',
		});
	});
});

describe('resources keyed by another field than id', () => {
	it('the "From list" picker of Notification uses notification_id', async () => {
		sim.store.create('notifications', {
			notification_id: 41,
			email_address: 'shopper@example.com',
			product_id: 62,
		});
		const result = await runLoadOptions<INodeListSearchResult>(
			node,
			{
				parameters: { resource: 'notification', operation: 'get' },
				credentials: tokenCredentials(sim),
			},
			async (context) => await node.methods.listSearch.searchRecords.call(context),
		);
		expect(queryOf(onlyRequest(sim))).toMatchObject({ sort: '-notification_id' });
		expect(result.results).toContainEqual({ name: 'shopper@example.com (#41)', value: '41' });
	});
});

describe('Email Template: Send', () => {
	it('posts the recipient, context ids and merge codes to /email_templates/{id}/send', async () => {
		const template = sim.store.list('email_templates')[0];
		// The simulator does not serve the send route (it answers 404), so the run ends in an API
		// error; what is checked here is the request the node sent.
		const items = await run(
			sim,
			{
				resource: 'emailTemplate',
				operation: 'send',
				recordId: byId(template.id as number),
				sendOptions: {
					orderId: '100231',
					customerId: '88',
					emailAddress: ' jane@example.com ',
					mergeCodes: { codes: [{ code: '##TRACKING##', value: '1Z999' }] },
					sendDuplicate: false,
				},
			},
			{ continueOnFail: true },
		);
		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/email_templates/${String(template.id)}/send`);
		expect(request.body).toEqual({
			order_id: 100231,
			customer_id: 88,
			email_address: 'jane@example.com',
			merge_codes: { '##TRACKING##': '1Z999' },
			send_duplicate: false,
		});
		expect(items[0].json.httpCode).toBe('404');
	});

	it('without Continue On Fail the 404 is a NodeApiError', async () => {
		const error = await runFailing(sim, {
			resource: 'emailTemplate',
			operation: 'send',
			recordId: byId(1),
			sendOptions: { customerId: '2' },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(onlyRequest(sim).body).toEqual({ customer_id: 2 });
	});

	it('without any recipient it fails naming the fields, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'emailTemplate',
			operation: 'send',
			recordId: byId(1),
			sendOptions: { sendDuplicate: true },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Email Address, Customer ID or Order ID: none given/);
		expect(sim.requests).toHaveLength(0);
	});

	it('a non-numeric Order ID fails naming the field, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'emailTemplate',
			operation: 'send',
			recordId: byId(1),
			sendOptions: { orderId: 'A-100' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Order ID: "A-100" is not a valid ID/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Theme: Import', () => {
	it('posts the name and file path to /themes/import', async () => {
		// The simulator answers 404: no file was uploaded at that path (test/simulator/uploads.ts).
		const items = await run(
			sim,
			{
				resource: 'theme',
				operation: 'import',
				themeName: 'Summer',
				filePath: 'themes/summer.zip',
			},
			{ continueOnFail: true },
		);
		expect(onlyRequest(sim)).toMatchObject({
			method: 'POST',
			path: `${API}/themes/import`,
			body: { theme_name: 'Summer', file_path: 'themes/summer.zip' },
		});
		expect(items[0].json.httpCode).toBe('404');
	});

	it('an empty theme name fails naming the field, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'theme',
			operation: 'import',
			themeName: ' ',
			filePath: 'x.zip',
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Theme Name: is required/);
		expect(sim.requests).toHaveLength(0);
	});
});
