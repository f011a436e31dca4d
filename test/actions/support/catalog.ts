/**
 * Helpers for the catalog and inventory tests (products, variants, pricing, pictures, categories,
 * inventory): run the node against the simulator and read what it sent.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CartCom } from '../../../nodes/CartCom/CartCom.node';
import { tokenCredentials, type Simulator } from '../../helpers/fixtures';
import { runNode } from '../../helpers/n8n';
import type { RecordedRequest } from '../../simulator';

export const API = '/api/v1';
const node = new CartCom();

/** A resource-locator value in "By ID" mode, as the editor stores it. */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Node parameters as a workflow holds them; loosely typed so tests can pass store values straight in. */
export type Parameters = Record<string, unknown>;

export async function run(sim: Simulator, parameters: Parameters, options: RunOptions = {}) {
	return await runNode(node, { parameters: parameters as INodeParameters, credentials: tokenCredentials(sim), ...options });
}

export type ThrownError = Error & { description?: string; httpCode?: string; context?: IDataObject };

/** Runs the node expecting it to throw; returns the error (fails the test when nothing was thrown). */
export async function runFailing(sim: Simulator, parameters: Parameters, options: RunOptions = {}) {
	try {
		await run(sim, parameters, options);
	} catch (error) {
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

export function operationsOf(resource: string): string[] {
	const property = node.description.properties.find(
		(candidate: INodeProperties) =>
			candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource),
	);
	if (!property) throw new Error(`no Operation parameter for ${resource}`);
	return (property.options as Array<{ value: string }>).map((option) => option.value).sort();
}

export const queryOf = (request: { query: URLSearchParams }) => Object.fromEntries(request.query.entries());

/** `METHOD /path?query` without the API prefix, e.g. `GET /products?item_number=eq%3AX`. */
export const linesOf = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(API, '')}${request.rawQuery ? `?${request.rawQuery}` : ''}`);

/** `METHOD /path` without the API prefix or the query. */
export const routesOf = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(API, '')}`);

export const writesOf = (sim: Simulator) => sim.requests.filter((request) => request.method !== 'GET');

export function onlyRequest(sim: Simulator): RecordedRequest {
	expect(routesOf(sim.requests)).toHaveLength(1);
	return sim.requests[0];
}

/** A store record as the tests read it. */
export type Row = IDataObject;

/** A seeded product with variant inventory rows, and one without. */
export function variantProduct(sim: Simulator, index = 0): { product: Row; rows: Row[] } {
	const products = sim.store.list('products').filter((product) => product.use_variant_inventory === true);
	const product = products[index] as Row;
	const rows = sim.store.list('variant_inventory').filter((row) => row.product_id === product.id) as Row[];
	return { product, rows };
}

export function plainProduct(sim: Simulator, index = 0): Row {
	return sim.store.list('products').filter((product) => product.use_variant_inventory !== true)[index] as Row;
}
