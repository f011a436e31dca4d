/**
 * Issue 14 (3): the node's routes against Cart.com's documented ones. Documented = acapi.yaml's
 * routes (test/fixtures/acapi-routes.json, extracted by scripts/acapi-routes.ts) plus the docs-only
 * ones (test/fixtures/docsOnlyRoutes.ts); served = what the operations declare they send
 * (OperationModule.endpoints). test/helpers/actionKit.ts fails every action test in which an
 * operation sends a call it does not declare; the last two blocks here run every operation against
 * the simulator: each standard and task operation makes every call it declares in at least one run
 * (no declared route the code never sends).
 * Every gap must be named in test/fixtures/known-missing-routes.json, and that list may only shrink.
 */
import { existsSync, readFileSync } from 'node:fs';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/CartCom/actions/resources';
import { SPECS } from '../../nodes/CartCom/actions/specs';
import * as standard from '../../nodes/CartCom/actions/standard';
import { toCamelCase } from '../../nodes/CartCom/helpers/naming';
import type { Endpoint, FieldSpec, ResourceSpec } from '../../nodes/CartCom/helpers/types';
import { acapiRoutes, extractRoutes } from '../../scripts/acapi-routes';
import {
	coverage,
	pruneKnownMissing,
	readAcapi,
	readKnownMissing,
	routeName,
} from '../../scripts/api-coverage';
import { DOCS_ONLY_ROUTES } from '../fixtures/docsOnlyRoutes';
import {
	API,
	byId,
	endpointPattern,
	plainProduct,
	run,
	variantProduct,
	type Parameters,
} from '../helpers/actionKit';
import { startStore, type Simulator } from '../helpers/fixtures';

const list = (names: string[]) => names.map((name) => `  ${name}`).join('\n');

describe('the route lists', () => {
	it('acapi-routes.json records its source and holds each route once', () => {
		const acapi = readAcapi();
		expect(acapi.source).toMatchObject({
			repository: 'https://github.com/AmeriCommerce/rest-api',
			file: 'acapi.yaml',
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		const names = acapi.routes.map(routeName);
		expect(names.length).toBeGreaterThan(200);
		expect(new Set(names).size).toBe(names.length);
	});

	// Set ACAPI_YAML to a copy of AmeriCommerce/rest-api's acapi.yaml to check the checked-in list.
	const yamlPath = process.env.ACAPI_YAML;
	(yamlPath && existsSync(yamlPath) ? it : it.skip)(
		'acapi-routes.json is what scripts/acapi-routes.ts extracts from $ACAPI_YAML',
		() => {
			const fresh = acapiRoutes(readFileSync(yamlPath!, 'utf8'));
			const stored = readAcapi();
			expect(fresh.source.sha256).toBe(stored.source.sha256);
			expect(fresh.routes).toEqual(stored.routes);
		},
	);

	it('the extractor reads paths, methods and names, and skips path-level keys', () => {
		const yaml = [
			'openapi: 3.1.0',
			'paths:',
			'  /adcodes:',
			'    get:',
			'      summary: Get All Adcodes',
			'      operationId: get-adcodes',
			'      responses:',
			"        '200':",
			'          description: OK',
			'    parameters: []',
			"  '/adcodes/{id}':",
			'    parameters:',
			'      - name: id',
			'    delete:',
			'      summary: Delete an Adcode',
			'components:',
			'  schemas: {}',
		].join('\n');
		expect(extractRoutes(yaml)).toEqual([
			{ method: 'GET', path: '/adcodes', summary: 'Get All Adcodes', operationId: 'get-adcodes' },
			{ method: 'DELETE', path: '/adcodes/{id}', summary: 'Delete an Adcode' },
		]);
		expect(() => extractRoutes('paths:\n  /x:\n    frobnicate:\n')).toThrow(
			'unknown key "frobnicate"',
		);
	});

	it('docs-only routes are not in acapi.yaml, each once, each with its docs page', () => {
		const acapi = new Set(readAcapi().routes.map(routeName));
		const names = DOCS_ONLY_ROUTES.map(routeName);
		expect(names.filter((name) => acapi.has(name))).toEqual([]);
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		for (const route of DOCS_ONLY_ROUTES) expect(route.source).toMatch(/\.md\b/);
	});
});

describe('the node against the documented routes', () => {
	const result = coverage();

	it('serves no route that is neither in acapi.yaml nor in the docs-only list', () => {
		const described = result.undocumentedServed.map(
			(name) => `${name} (${result.served.get(name)!.join(', ')})`,
		);
		if (described.length > 0)
			throw new Error(
				`The node sends routes no source documents. Add each to test/fixtures/docsOnlyRoutes.ts with the docs page that describes it, or fix the operation:\n${list(described)}`,
			);
	});

	it('every documented route is served or named in known-missing-routes.json', () => {
		const described = result.unlistedGaps.map(
			(name) => `${name} (${result.documented.get(name)!.source})`,
		);
		if (described.length > 0)
			throw new Error(
				`${described.length} documented routes are neither served nor in test/fixtures/known-missing-routes.json:\n${list(described)}`,
			);
	});

	it('known-missing-routes.json only shrinks: no served route, no undocumented one', () => {
		if (process.env.UPDATE_KNOWN_MISSING === '1') {
			const dropped = pruneKnownMissing();
			if (dropped.length > 0)
				console.log(
					`Removed from test/fixtures/known-missing-routes.json:\n${list(dropped)}\nNow regenerate the README: npx ts-node --transpile-only scripts/operations-table.ts --write`,
				);
			const after = coverage(readKnownMissing().routes);
			expect([...after.nowServed, ...after.listedUndocumented]).toEqual([]);
			return;
		}
		const messages: string[] = [];
		if (result.nowServed.length > 0)
			messages.push(
				`The node serves these now; remove them from test/fixtures/known-missing-routes.json:\n${list(result.nowServed)}`,
			);
		if (result.listedUndocumented.length > 0)
			messages.push(
				`These are in neither acapi.yaml nor the docs-only list; remove them from test/fixtures/known-missing-routes.json:\n${list(result.listedUndocumented)}`,
			);
		if (messages.length > 0)
			throw new Error(
				`${messages.join('\n')}\n(or run: UPDATE_KNOWN_MISSING=1 npx jest test/actions/apiCoverage.test.ts)`,
			);
		const names = result.knownMissing;
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
	});
});

/** A value Create accepts for a field, by type (the parameter as the editor would hold it). */
function sample(field: FieldSpec): unknown {
	switch (field.type) {
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2024-05-15T00:00:00Z';
		case 'json':
			return field.jsonShape === 'object'
				? '{}'
				: JSON.stringify([
						Object.fromEntries((field.entryIdKeys ?? ['id']).map((key) => [key, 1])),
					]);
		case 'options':
			return field.options?.[0]?.value ?? 1;
		default:
			return 'n8n';
	}
}

/** Standard operation value → the parameters one item needs, given an existing record's ID. */
function parametersFor(spec: ResourceSpec, operation: string, id: number): INodeParameters {
	switch (operation) {
		case 'get':
		case 'getFilled':
		case 'delete':
			return { recordId: byId(id) };
		case 'getAll':
			return { limit: 1 };
		case 'selectMany':
			return { ids: String(id) };
		case 'update':
			return { recordId: byId(id), updateFields: { otherFieldsJson: '{"note": "n8n"}' } };
		case 'create':
			return {
				...Object.fromEntries(
					spec.fields
						.filter((field) => field.required)
						.map((field) => [toCamelCase(field.name), sample(field)]),
				),
				additionalFields: { otherFieldsJson: '{"note": "n8n"}' },
			} as INodeParameters;
		default:
			throw new Error(`no parameters for ${operation}`);
	}
}

/** A run whose input items carry a file (binary data), for operations that take one from the workflow. */
interface ScenarioWithInput {
	parameters: Parameters;
	inputItems: INodeExecutionData[];
}
const isWithInput = (value: Parameters | ScenarioWithInput): value is ScenarioWithInput =>
	Array.isArray(value.inputItems) && typeof value.parameters === 'object';

/** One input item with a file in its `data` binary field. */
const withFile = (
	parameters: Parameters,
	content: string,
	fileName: string,
	mimeType: string,
): ScenarioWithInput => ({
	parameters,
	inputItems: [
		{
			json: {},
			binary: { data: { data: Buffer.from(content).toString('base64'), mimeType, fileName } },
		},
	],
});

/** One more run of an operation: its parameters (and input), read from the store when the run starts. */
type Scenario = (sim: Simulator) => Parameters | ScenarioWithInput;

/** The declared calls none of the calls sent matches (`{id}` = a numeric ID). */
const unmade = (endpoints: Endpoint[], sent: string[]) =>
	endpoints
		.filter((endpoint) => !sent.some((call) => endpointPattern(endpoint).test(call)))
		.map(routeName);

/** Runs an operation once per scenario (each item's calls held to its declaration by run()). */
async function callsOf(sim: Simulator, resource: string, operation: string, runs: Scenario[]) {
	const sent: string[] = [];
	for (const scenario of runs) {
		sim.clearRequests();
		const made = scenario(sim);
		const { parameters, inputItems } = isWithInput(made)
			? made
			: { parameters: made, inputItems: undefined };
		await run(sim, { resource, operation, ...parameters }, { continueOnFail: true, inputItems });
		sent.push(
			...sim.requests.map((request) => `${request.method} ${request.path.replace(API, '')}`),
		);
	}
	return sent;
}

/**
 * Runs beyond the default one for standard operations that declare calls only some input makes,
 * keyed `resource/operation` (e.g. a Create that first uploads a file given as binary input).
 */
const STANDARD_EXTRA_RUNS: Record<string, Scenario[]> = {
	// The image from the workflow: POST /upload, then the picture with the uploaded path.
	'productPicture/create': [
		(sim) =>
			withFile(
				{ fileSource: 'binary', productId: sim.store.list('products')[0].id },
				'jpeg bytes',
				'cover.jpg',
				'image/jpeg',
			),
	],
};

describe('each standard operation makes the calls it declares', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { customers: 2, orders: 2, products: 2 } });
	});
	afterAll(async () => await sim.stop());

	const cases = SPECS.flatMap((spec) =>
		spec.operations.map(
			(operation) =>
				[
					`${spec.name} → ${operation.option(spec).name}`,
					spec,
					operation.value,
					operation.endpoints(spec),
				] as const,
		),
	);

	it('covers every standard operation of every resource', () => {
		const standardOperations = new Set(Object.values(standard).map((operation) => operation.value));
		const expected = RESOURCES.flatMap((resource) =>
			resource.spec
				? resource.operations
						.filter((operation) =>
							standardOperations.has(operation.option.value as (typeof standard.get)['value']),
						)
						.map((operation) => `${resource.name} → ${operation.option.name}`)
				: [],
		);
		expect(cases.map(([name]) => name).sort()).toEqual(expected.sort());
	});

	it.each(cases)('%s', async (_name, spec, operation, endpoints) => {
		const table = spec.path.slice(1);
		const existing = sim.store.list(table)[0];
		const id = (existing?.[spec.idField ?? 'id'] as number | undefined) ?? 1;
		const sent = await callsOf(sim, spec.value, operation, [
			() => parametersFor(spec, operation, id),
			...(STANDARD_EXTRA_RUNS[`${spec.value}/${operation}`] ?? []),
		]);
		expect(sent.length).toBeGreaterThan(0);
		expect(unmade(endpoints, sent)).toEqual([]);
	});
});

const SHIPPED = (sim: Simulator) =>
	sim.store.list('order_statuses').find((status) => status.is_shipped === true)!.id as number;
/** An order with items to ship and no shipment yet. */
function unshippedOrder(sim: Simulator): number {
	const shipped = new Set(sim.store.list('order_shipments').map((shipment) => shipment.order_id));
	return sim.store
		.list('orders')
		.find(
			(order) =>
				!shipped.has(order.id) &&
				sim.store.list('order_items').some((item) => item.order_id === order.id),
		)!.id as number;
}
/** An empty cart in the store. */
const newCart = (sim: Simulator) =>
	sim.store.create('carts', { store_id: 1, customer_id: null, associated_order_id: null })
		.id as number;
/** A cart line (a new cart holding one product). */
function cartLine(sim: Simulator) {
	const product = plainProduct(sim);
	return sim.store.create('cart_items', {
		cart_id: newCart(sim),
		product_id: product.id,
		quantity: 1,
		price: product.price ?? 10,
	});
}
/** A saved card of the first order's customer. */
const savedCard = (sim: Simulator) =>
	sim.store
		.list('credit_cards')
		.find((card) => card.customer_id === sim.store.list('orders')[0].customer_id) ??
	sim.store.create('credit_cards', {
		customer_id: sim.store.list('orders')[0].customer_id,
		card_type: 'Visa',
		cardholder_name: 'Jane Doe',
		last_four: '1111',
		expiration_month: 12,
		expiration_year: 2030,
	});
const drip = (sim: Simulator) =>
	(sim.store.list('drips')[0] ?? sim.store.create('drips', { name: 'Welcome', is_enabled: true }))
		.id as number;
const microstore = (sim: Simulator) =>
	(sim.store.list('microstores')[0] ?? sim.store.create('microstores', { name: 'Outlet' }))
		.id as number;
const COVER_VARIANTS = [
	{ sku: 'COVER-MATTE', options: { Finish: 'Matte' }, stock: 4 },
	{ sku: 'COVER-GLOSS', options: { Finish: 'Gloss' }, stock: 2 },
];

/**
 * Runs that together make every call a task operation declares: a declared call no run makes
 * would be a route the README and the coverage count claim without the code sending it.
 */
const TASK_SCENARIOS: Record<string, Scenario[]> = {
	'category/rebuildTree': [() => ({})],
	'emailTemplate/send': [
		(sim) => ({
			recordId: byId(sim.store.list('email_templates')[0]?.id ?? 1),
			sendOptions: { emailAddress: 'jane@example.com' },
		}),
	],
	'inventory/add': [
		(sim) => ({
			identifierType: 'item_number',
			identifierValue: variantProduct(sim).rows[0].item_number as string,
			quantity: 1,
		}),
	],
	'inventory/remove': [
		(sim) => ({
			identifierType: 'item_number',
			identifierValue: variantProduct(sim).rows[0].item_number as string,
			quantity: 1,
		}),
	],
	'inventory/set': [
		(sim) => ({
			identifierType: 'item_number',
			identifierValue: variantProduct(sim).rows[0].item_number as string,
			quantity: 5,
		}),
	],
	'inventory/get': [
		(sim) => ({ identifierType: 'product_id', identifierValue: String(plainProduct(sim).id) }),
		// By name: the product is looked up first.
		(sim) => ({
			identifierType: 'item_name',
			identifierValue: plainProduct(sim).item_name as string,
		}),
	],
	'inventory/getSettings': [() => ({})],
	'inventory/updateSettings': [() => ({ updateFields: { trackInventory: true } })],
	'location/getAll': [() => ({ locationTypes: ['warehouse', 'store_location'], returnAll: true })],
	'order/createShipment': [
		(sim) => ({
			recordId: byId(unshippedOrder(sim)),
			trackingNumbers: '1ZCOVER0001',
			writeOptions: { setStatusId: SHIPPED(sim) },
		}),
	],
	'order/updateStatus': [
		(sim) => ({
			recordId: byId(
				sim.store.list('orders').find((order) => order.order_status_id !== SHIPPED(sim))!
					.id as number,
			),
			statusId: SHIPPED(sim),
		}),
	],
	'orderAddress/createFromStoreLocation': [() => ({ locationId: 1, customerId: 1 })],
	'product/findBySku': [
		(sim) => ({
			lookupField: 'item_number',
			lookupValue: variantProduct(sim).rows[0].item_number as string,
			ifNotFound: 'fail',
		}),
	],
	'product/updatePrice': [
		(sim) => ({
			priceTarget: 'product',
			identifyBy: 'sku',
			sku: plainProduct(sim).item_number as string,
			price: 11,
		}),
		// A variant's price row: created on the first run, changed on the second.
		(sim) => ({
			priceTarget: 'pricingRow',
			identifyBy: 'sku',
			sku: variantProduct(sim).rows[0].item_number as string,
			price: 22.5,
		}),
		(sim) => ({
			priceTarget: 'pricingRow',
			identifyBy: 'sku',
			sku: variantProduct(sim).rows[0].item_number as string,
			price: 23.5,
		}),
	],
	'product/upsert': [
		// New: the product, its option group, values and rows are created.
		() => ({
			itemNumber: 'COVER',
			itemName: 'Cover',
			price: 49,
			mode: 'publish',
			variants: JSON.stringify(COVER_VARIANTS),
			additionalFields: { productStatusId: 1, primaryCategoryId: 2 },
		}),
		// Again, changed: the product and a row are updated, the row left out is deleted.
		() => ({
			itemNumber: 'COVER',
			itemName: 'Cover',
			price: 52,
			mode: 'overwrite',
			variants: JSON.stringify([{ ...COVER_VARIANTS[0], stock: 9 }]),
		}),
	],
	'theme/import': [
		() => ({ themeName: 'Summer', filePath: 'themes/summer.zip' }),
		// The .zip from the workflow: uploaded first.
		() =>
			withFile(
				{ themeName: 'Winter', fileSource: 'binary' },
				'PK zip bytes',
				'winter.zip',
				'application/zip',
			),
	],
	// Issue 14: the documented routes the node gained.
	'adcode/getByName': [
		() => ({ adcodeName: 'cover-spring' }),
		// A name that looks like an ID is looked up in the list instead.
		() => ({ adcodeName: '2024' }),
	],
	'address/getStateByPostalCode': [() => ({ postalCode: '77702' })],
	'cart/addItems': [
		(sim) => ({
			cartId: byId(newCart(sim)),
			cartItems: {
				rows: [{ productId: String(plainProduct(sim).id), quantity: 1, variantIds: '' }],
			},
		}),
	],
	'cart/updateItems': [
		(sim) => {
			const line = cartLine(sim);
			return {
				cartId: byId(line.cart_id as number),
				cartItemQuantities: { rows: [{ cartItemId: String(line.id), quantity: 3 }] },
			};
		},
	],
	'cart/removeItems': [
		(sim) => {
			const line = cartLine(sim);
			return { cartId: byId(line.cart_id as number), cartItemIds: String(line.id) };
		},
	],
	'cart/getTotals': [(sim) => ({ cartId: byId(cartLine(sim).cart_id as number) })],
	'cart/getShippingRates': [
		(sim) => ({
			cartId: byId(cartLine(sim).cart_id as number),
			city: 'Round Rock',
			state: 'TX',
			postalCode: '78681',
			country: 'US',
		}),
	],
	'cart/setShippingMethod': [
		(sim) => ({
			cartId: byId(cartLine(sim).cart_id as number),
			identifier: 'USPS;Priority Mail;USPS Priority Mail',
		}),
	],
	'cart/setShippingEstimate': [
		(sim) => ({ cartId: byId(cartLine(sim).cart_id as number), postalCode: '77701' }),
	],
	'cart/setCouponCode': [
		(sim) => ({ cartId: byId(cartLine(sim).cart_id as number), couponCode: 'SAVE10' }),
	],
	'cart/getPaymentMethods': [(sim) => ({ cartId: byId(cartLine(sim).cart_id as number) })],
	'cart/placeOrder': [
		// The connection drops after the order was made: the cart is read again, nothing re-sent.
		(sim) => {
			const cartId = cartLine(sim).cart_id as number;
			sim.scriptFaults([{ match: { path: /place_order$/ }, reset: true, applyWrite: true }]);
			return {
				cartId: byId(cartId),
				customerFirstName: 'Jo',
				customerLastName: 'Doe',
				customerEmail: 'jo@example.com',
				billing_name: 'Jo Doe',
				billing_address_line_1: '1 Main St',
				billing_city: 'Beaumont',
				billing_state: 'TX',
				billing_postal_code: '77702',
				billing_country: 'US',
				cardNumber: '4111111111111111',
				cardName: 'Jo Doe',
				cardExpirationMonth: '12',
				cardExpirationYear: '2030',
				cardCvv: '987',
			};
		},
	],
	'creditCard/getDecrypted': [(sim) => ({ recordId: byId(savedCard(sim).id as number) })],
	'orderPayment/getDecrypted': [
		(sim) => ({ recordId: byId(sim.store.list('order_payments')[0].id as number) }),
	],
	'customer/integrationUpsert': [
		() => ({ integrationKey: 'cover@example.com', recordJson: '{"first_name": "Cover"}' }),
	],
	'product/integrationUpsert': [
		(sim) => ({
			integrationKey: plainProduct(sim).item_number as string,
			recordJson: '{"price": 12.5}',
		}),
	],
	'order/integrationUpsert': [
		() => ({ recordJson: JSON.stringify({ order_number: 'W-COVER', admin_comments: 'from ERP' }) }),
	],
	'orderPayment/integrationUpsert': [
		(sim) => ({
			recordJson: JSON.stringify({
				order_id: sim.store.list('orders')[0].id,
				transaction_id: 'TX-COVER',
				amount: 1,
			}),
		}),
	],
	'orderShipment/integrationUpsert': [
		(sim) => ({
			recordJson: JSON.stringify({
				order_id: sim.store.list('orders')[0].id,
				tracking_numbers: '1ZCOVER0002',
				shipping_method: 'UPS Ground',
			}),
		}),
	],
	'drip/addMembers': [
		(sim) => ({
			recordId: byId(drip(sim)),
			customerIds: String(sim.store.list('customers')[0].id),
		}),
	],
	'drip/removeMembers': [
		(sim) => ({
			recordId: byId(drip(sim)),
			customerIds: String(sim.store.list('customers')[0].id),
		}),
	],
	'file/upload': [
		() =>
			withFile(
				{ destination: '/shared/images/cover.jpg' },
				'jpeg bytes',
				'cover.jpg',
				'image/jpeg',
			),
	],
	'import/importFromFile': [
		() =>
			withFile(
				{ mapping: { columns: [{ sourceColumn: 'SKU', destinationColumn: 'ItemID' }] } },
				'SKU\nCOVER\n',
				'products.csv',
				'text/csv',
			),
	],
	'import/importFromUrl': [
		() => ({
			fileUrl: 'https://example.com/p.csv',
			mapping: { columns: [{ sourceColumn: 'SKU', destinationColumn: 'ItemID' }] },
		}),
	],
	'product/importMany': [
		(sim) => ({
			importLines: JSON.stringify([
				{ product: { item_number: plainProduct(sim).item_number, cost: 4.56 } },
			]),
		}),
	],
	'store/getActiveCatalog': [() => ({ recordId: byId(1) })],
	'store/updateActiveCatalog': [
		(sim) => ({
			recordId: byId(1),
			updateFields: { categoryIds: String(sim.store.list('categories')[0].id) },
		}),
	],
	'microstore/getActiveCatalog': [(sim) => ({ recordId: byId(microstore(sim)) })],
	'microstore/updateActiveCatalog': [
		(sim) => ({
			recordId: byId(microstore(sim)),
			updateFields: { microstoreCatalogOverride: true },
		}),
	],
	'store/getAlertEmails': [() => ({ recordId: byId(1) })],
	'store/addAlertEmail': [() => ({ recordId: byId(1), email: 'cover@example.com' })],
	'order/processPayment': [
		(sim) => {
			const order = sim.store.list('orders')[0];
			return {
				recordId: byId(order.id as number),
				cardId: String(savedCard(sim).id),
				customerId: String(order.customer_id),
			};
		},
	],
	'order/processPayments': [
		(sim) => ({ recordId: byId(sim.store.list('orders')[0].id as number) }),
	],
	'subscription/pauseItems': [
		(sim) => {
			const line = cartLine(sim);
			const subscription = sim.store.create('subscriptions', {
				saved_cart_id: line.cart_id,
				customer_id: sim.store.list('customers')[0].id,
			});
			return { recordId: byId(subscription.id as number), cartItemIds: String(line.id) };
		},
	],
};

describe('each task operation makes every call it declares', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { customers: 4, orders: 20, products: 6 } });
	});
	afterAll(async () => await sim.stop());

	const taskOperations = RESOURCES.flatMap((resource) =>
		resource.operations
			.filter(
				(operation) =>
					!resource.spec?.operations.some(
						(standardOperation) => standardOperation.value === operation.option.value,
					),
			)
			.map(
				(operation) =>
					[`${resource.value}/${operation.option.value}` as string, operation] as const,
			),
	);

	it('has runs for every task operation', () => {
		const keys = taskOperations.map(([key]) => key);
		const without = keys.filter((key) => !TASK_SCENARIOS[key]);
		if (without.length > 0)
			throw new Error(
				`Add runs to TASK_SCENARIOS (test/actions/apiCoverage.test.ts) that make every call each of these declares:\n${list(without)}`,
			);
		expect(Object.keys(TASK_SCENARIOS).filter((key) => !keys.includes(key))).toEqual([]);
	});

	it.each(taskOperations)('%s', async (key, operation) => {
		const [resource, value] = key.split('/');
		const sent = await callsOf(sim, resource, value, TASK_SCENARIOS[key] ?? []);
		expect(unmade(operation.endpoints, sent)).toEqual([]);
	});
});
