/**
 * The action-node test kit: run the Cart.com node against a simulator with the access token
 * credential, catch its errors, read what it sent and returned, and the shared suite every
 * spec-driven resource runs for its standard operations (actions/standard/).
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { RESOURCES } from '../../nodes/CartCom/actions/resources';
import type { Endpoint } from '../../nodes/CartCom/helpers/types';
import { findSpec } from '../../nodes/CartCom/actions/specs';
import * as standard from '../../nodes/CartCom/actions/standard';
import type { RecordedRequest } from '../simulator';
import { tokenCredentials, type Simulator } from './fixtures';
import { runNode } from './n8n';

export const API = '/api/v1';
export const node = new CartCom();

/** A resource-locator value in "By ID" mode, as the editor stores it. */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

export interface RunOptions {
	input?: IDataObject[];
	/** Input items with binary data (files from the workflow). */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node's version (the newest when absent, as the editor adds it). */
	typeVersion?: number;
}

/** Node parameters as a workflow holds them; loosely typed so tests can pass store values straight in. */
export type Parameters = Record<string, unknown>;

export type ThrownError = Error & {
	description?: string;
	httpCode?: string;
	context?: IDataObject;
};

/** A call an operation made that its `endpoints` do not list: the README and coverage test would lie. */
export class UndeclaredEndpointError extends Error {}

/** `{id}` is a numeric record ID; other placeholders (`{name}`) one path segment. */
export const endpointPattern = (endpoint: Endpoint) =>
	new RegExp(
		`^${endpoint.method} ${endpoint.path
			.split(/(\{[^}]+\})/)
			.map((part) =>
				part === '{id}'
					? '[0-9]+'
					: part.startsWith('{')
						? '[^/]+'
						: part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
			)
			.join('')}$`,
	);

/**
 * Every call a run sent must be one its operation declares (OperationModule.endpoints), so the
 * README's operations table and test/actions/apiCoverage.test.ts cannot drift from the code: each
 * action test that runs the node checks it for the calls that test makes.
 */
function checkDeclaredEndpoints(parameters: Parameters, sent: RecordedRequest[]) {
	const operation = RESOURCES.find(
		(resource) => resource.value === parameters.resource,
	)?.operations.find((candidate) => candidate.option.value === parameters.operation);
	if (!operation) return; // an unknown operation sends nothing (router.ts refuses it)
	const patterns = operation.endpoints.map(endpointPattern);
	const undeclared = sent
		.map((request) => `${request.method} ${request.path.replace(API, '')}`)
		.filter((call) => !patterns.some((pattern) => pattern.test(call)));
	if (undeclared.length > 0)
		throw new UndeclaredEndpointError(
			`${String(parameters.resource)} → ${String(parameters.operation)} sent calls its endpoints do not declare: ${[...new Set(undeclared)].join(', ')}`,
		);
}

export async function run(sim: Simulator, parameters: Parameters, options: RunOptions = {}) {
	const before = sim.requests.length;
	try {
		return await runNode(node, {
			parameters: parameters as INodeParameters,
			credentials: tokenCredentials(sim),
			...options,
		});
	} finally {
		checkDeclaredEndpoints(parameters, sim.requests.slice(before));
	}
}

/**
 * Takes the store's call budget past its slow start (its first 8 answers go one at a time, which
 * would let one execution finish before another starts), so executions run next in a test overlap.
 */
export async function pastSlowStart(sim: Simulator): Promise<void> {
	await run(
		sim,
		{ resource: 'product', operation: 'getAll', limit: 1 },
		{ input: Array.from({ length: 9 }, () => ({})) },
	);
	sim.clearRequests();
}

/** Runs the node expecting it to throw; returns the error (fails the test when nothing was thrown). */
export async function runFailing(
	sim: Simulator,
	parameters: Parameters,
	options: RunOptions = {},
): Promise<ThrownError> {
	try {
		await run(sim, parameters, options);
	} catch (error) {
		if (error instanceof UndeclaredEndpointError) throw error;
		return error as ThrownError;
	}
	throw new Error('the node did not fail');
}

/** Bad input stops the node with a NodeOperationError naming the field, before anything is sent. */
export async function expectInputError(
	sim: Simulator,
	parameters: Parameters,
	field: string,
	options: RunOptions = {},
): Promise<ThrownError> {
	sim.clearRequests();
	const error = await runFailing(sim, parameters, options);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toContain(field);
	expect(sim.requests).toEqual([]);
	return error;
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedIndexes = (items: INodeExecutionData[]) =>
	items.map((item) => (item.pairedItem as { item: number }).item);

/** The operation values the node offers for a resource, sorted. */
export function operationsOf(resource: string): string[] {
	const property = node.description.properties.find(
		(candidate: INodeProperties) =>
			candidate.name === 'operation' &&
			candidate.displayOptions?.show?.resource?.includes(resource),
	);
	if (!property) throw new Error(`no Operation parameter for ${resource}`);
	return (property.options as Array<{ value: string }>).map((option) => option.value).sort();
}

/** `?a=1&b=2` of a recorded request as a plain object (count/page included). */
export const queryOf = (request: { query: URLSearchParams }) =>
	Object.fromEntries(request.query.entries());

/** `METHOD /path?query` without the API prefix, e.g. `GET /products?item_number=eq%3AX`. */
export const linesOf = (requests: RecordedRequest[]) =>
	requests.map(
		(request) =>
			`${request.method} ${request.path.replace(API, '')}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
	);

/** `METHOD /path` without the API prefix or the query. */
export const routesOf = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(API, '')}`);

/** The one request the simulator recorded (fails if there were several). */
export function onlyRequest(sim: Simulator): RecordedRequest {
	expect(routesOf(sim.requests)).toHaveLength(1);
	return sim.requests[0];
}

/** The write requests (everything but GET). */
export const writesOf = (sim: Simulator) =>
	sim.requests.filter((request) => request.method !== 'GET');

// ---- store data the tests read ----

/** A store record as the tests read it. */
export type Row = IDataObject;

/** A seeded product with variant inventory rows, and its rows. */
export function variantProduct(sim: Simulator, index = 0): { product: Row; rows: Row[] } {
	const products = sim.store
		.list('products')
		.filter((product) => product.use_variant_inventory === true);
	const product = products[index] as Row;
	const rows = sim.store
		.list('variant_inventory')
		.filter((row) => row.product_id === product.id) as Row[];
	return { product, rows };
}

/** A seeded product without variant inventory. */
export function plainProduct(sim: Simulator, index = 0): Row {
	return sim.store.list('products').filter((product) => product.use_variant_inventory !== true)[
		index
	] as Row;
}

/** Shipments per order id, from the store itself. */
export function shipmentsByOrder(sim: Simulator): Map<number, IDataObject[]> {
	const grouped = new Map<number, IDataObject[]>();
	for (const shipment of sim.store.list('order_shipments')) {
		const orderId = shipment.order_id as number;
		grouped.set(orderId, [...(grouped.get(orderId) ?? []), shipment as IDataObject]);
	}
	return grouped;
}

/** Records of a table in turn, starting again at the first: each call a record that exists now. */
export function inTurn(sim: () => Simulator, table: string): () => IDataObject {
	let next = 0;
	return () => {
		const records = sim().store.list(table);
		return records[next++ % records.length] as IDataObject;
	};
}

// ---- the standard operations of a spec-driven resource ----

interface CreateCase {
	parameters: INodeParameters;
	body: IDataObject;
	/** What the store keeps, where it differs from what was sent (it writes dates its own way). */
	stored?: IDataObject;
}

interface FilterCase {
	filters: INodeParameters;
	query: Record<string, string>;
	matches: (record: IDataObject) => boolean;
}

/** A value, or a function that reads it from the store once the simulator runs. */
type Lazy<T> = T | (() => T);
const resolve = <T extends object>(value: Lazy<T>): T =>
	typeof value === 'function' ? value() : value;

export interface StandardCase {
	resource: string;
	/** An existing record to read, change and delete (a different one each call). */
	pick: () => IDataObject;
	create: Lazy<CreateCase>;
	update: { updateFields: INodeParameters; body: IDataObject };
	filter: Lazy<FilterCase>;
	/** Get Many's limit (default 3); a table seeded with fewer records needs a smaller one. */
	limit?: number;
	/** A nested collection Get With Related must fill, e.g. addresses. */
	related?: string;
}

/**
 * One test per standard operation the resource's spec offers: the request sent (method, path,
 * query, body) and the items returned or the state left in the store. Path, Simplify fields and
 * the optional operations come from the spec, as the node reads them.
 */
export function standardOperationTests(getSim: () => Simulator, testCase: StandardCase) {
	const spec = findSpec(testCase.resource);
	const table = spec.path.slice(1);
	const path = `${API}${spec.path}`;
	const { resource } = testCase;
	const offers = (operation: (typeof spec.operations)[number]) =>
		spec.operations.includes(operation);

	it('Get reads one record (simplified)', async () => {
		const sim = getSim();
		const record = testCase.pick();
		const items = await run(sim, {
			resource,
			operation: 'get',
			recordId: byId(record.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`GET /${table}/${String(record.id)}`]);
		const expected: IDataObject = { id: record.id };
		for (const field of spec.simplifyFields ?? Object.keys(record))
			if (field in record) expected[field] = record[field];
		expect(jsonOf(items)).toEqual([expected]);
		expect(pairedIndexes(items)).toEqual([0]);
	});

	it('Get Many with a filter sends it and returns the matching records', async () => {
		const sim = getSim();
		const filter = resolve(testCase.filter);
		const items = await run(sim, {
			resource,
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: filter.filters,
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(path);
		expect(queryOf(request)).toEqual({ ...filter.query, count: '1000', page: '1', sort: '-id' });
		const expected = sim.store
			.list(table)
			.filter((record) => filter.matches(record as IDataObject))
			.reverse();
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected.map((record) => record.id));
	});

	it('Get Many without Return All stops at the limit, simplified by default', async () => {
		const sim = getSim();
		const limit = testCase.limit ?? 3;
		const items = await run(sim, { resource, operation: 'getAll', limit });

		expect(queryOf(onlyRequest(sim))).toEqual({ count: String(limit), page: '1', sort: '-id' });
		const first = sim.store.list(table).reverse().slice(0, limit);
		expect(jsonOf(items).map((json) => json.id)).toEqual(first.map((record) => record.id));
		if (spec.simplifyFields) {
			const kept = new Set(['id', ...spec.simplifyFields]);
			for (const json of jsonOf(items))
				expect(Object.keys(json).filter((key) => !kept.has(key))).toEqual([]);
		}
	});

	it('Create posts the fields and returns the new record', async () => {
		const sim = getSim();
		const create = resolve(testCase.create);
		const before = sim.store.count(table);
		const items = await run(sim, { resource, operation: 'create', ...create.parameters });

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(path);
		expect(request.body).toEqual(create.body);
		expect(sim.store.count(table)).toBe(before + 1);
		const stored = sim.store.get(table, items[0].json.id as number);
		expect(stored).toMatchObject(create.stored ?? create.body);
	});

	it('Update sends the changed fields with PUT', async () => {
		const sim = getSim();
		const record = testCase.pick();
		const items = await run(sim, {
			resource,
			operation: 'update',
			recordId: byId(record.id as number),
			updateFields: testCase.update.updateFields,
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${path}/${String(record.id)}`);
		expect(request.body).toEqual(testCase.update.body);
		expect(sim.store.get(table, record.id as number)).toMatchObject(testCase.update.body);
		expect(items[0].json).toMatchObject({ id: record.id, ...testCase.update.body });
	});

	it('Delete removes the record and returns deleted: true', async () => {
		const sim = getSim();
		const record = testCase.pick();
		const items = await run(sim, {
			resource,
			operation: 'delete',
			recordId: byId(record.id as number),
		});

		expect(routesOf(sim.requests)).toEqual([`DELETE /${table}/${String(record.id)}`]);
		expect(jsonOf(items)).toEqual([{ id: record.id, deleted: true }]);
		expect(sim.store.get(table, record.id as number)).toBeUndefined();
	});

	if (offers(standard.getWithRelated)) {
		it('Get With Related reads /filled', async () => {
			const sim = getSim();
			const record = testCase.pick();
			const items = await run(sim, {
				resource,
				operation: 'getFilled',
				recordId: byId(record.id as number),
			});

			expect(routesOf(sim.requests)).toEqual([`GET /${table}/${String(record.id)}/filled`]);
			expect(items[0].json.id).toBe(record.id);
			if (testCase.related) expect(items[0].json[testCase.related]).toEqual(expect.any(Array));
		});
	}

	if (offers(standard.getSeveral)) {
		it('Get Several by ID sends select_many with the ids', async () => {
			const sim = getSim();
			const ids = [testCase.pick(), testCase.pick()]
				.map((record) => record.id as number)
				.sort((a, b) => a - b);
			const items = await run(sim, {
				resource,
				operation: 'selectMany',
				ids: ids.join(','),
				simplify: false,
			});

			const request = onlyRequest(sim);
			expect(request.path).toBe(`${path}/select_many`);
			expect(queryOf(request).ids).toBe(ids.join(','));
			expect(jsonOf(items).map((json) => json.id)).toEqual(ids);
		});
	}

	it('with Continue On Fail, an unknown ID becomes an error item paired to it; the others succeed', async () => {
		const sim = getSim();
		const [a, b] = [testCase.pick(), testCase.pick()];
		const items = await run(
			sim,
			{ resource, operation: 'get', recordId: byId('={{ $json.id }}'), simplify: false },
			{ input: [{ id: a.id }, { id: 987654 }, { id: b.id }], continueOnFail: true },
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json.id).toBe(a.id);
		expect(items[1].json).toMatchObject({ error: expect.any(String), httpCode: '404' });
		expect(items[2].json.id).toBe(b.id);
	});

	it('a non-numeric ID fails before any request, naming the field', async () => {
		await expectInputError(getSim(), { resource, operation: 'get', recordId: byId('12a') }, 'ID');
	});
}
