/**
 * What every action-node test needs: run the Cart.com node against a simulator with the access
 * token credential, catch its errors, and read what it sent and returned.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import type { RecordedRequest } from '../simulator';
import { tokenCredentials, type Simulator } from './fixtures';
import { runNode } from './n8n';

export const API = '/api/v1';
export const node = new CartCom();

/** A resource-locator value in "By ID" mode, as the editor stores it. */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Node parameters as a workflow holds them; loosely typed so tests can pass store values straight in. */
export type Parameters = Record<string, unknown>;

export type ThrownError = Error & { description?: string; httpCode?: string; context?: IDataObject };

export async function run(sim: Simulator, parameters: Parameters, options: RunOptions = {}) {
	return await runNode(node, { parameters: parameters as INodeParameters, credentials: tokenCredentials(sim), ...options });
}

/** Runs the node expecting it to throw; returns the error (fails the test when nothing was thrown). */
export async function runFailing(sim: Simulator, parameters: Parameters, options: RunOptions = {}): Promise<ThrownError> {
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

/** The operation values the node offers for a resource, sorted. */
export function operationsOf(resource: string): string[] {
	const property = node.description.properties.find(
		(candidate: INodeProperties) =>
			candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource),
	);
	if (!property) throw new Error(`no Operation parameter for ${resource}`);
	return (property.options as Array<{ value: string }>).map((option) => option.value).sort();
}

/** `?a=1&b=2` of a recorded request as a plain object (count/page included). */
export const queryOf = (request: { query: URLSearchParams }) => Object.fromEntries(request.query.entries());

/** `METHOD /path?query` without the API prefix, e.g. `GET /products?item_number=eq%3AX`. */
export const linesOf = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(API, '')}${request.rawQuery ? `?${request.rawQuery}` : ''}`);

/** `METHOD /path` without the API prefix or the query. */
export const routesOf = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(API, '')}`);

/** The one request the simulator recorded (fails if there were several). */
export function onlyRequest(sim: Simulator): RecordedRequest {
	expect(routesOf(sim.requests)).toHaveLength(1);
	return sim.requests[0];
}

/** The write requests (everything but GET). */
export const writesOf = (sim: Simulator) => sim.requests.filter((request) => request.method !== 'GET');
