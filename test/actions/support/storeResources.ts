/**
 * Small helpers shared by the people / locations / other-resources tests: run the node against
 * the simulator, pick records by id, read the node's own operation lists.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

import { CartCom } from '../../../nodes/CartCom/CartCom.node';
import { runNode } from '../../helpers/n8n';
import { tokenCredentials, type Simulator } from '../../helpers/fixtures';

export const node = new CartCom();

/** A resource-locator value in "By ID" mode, as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
}

export async function run(sim: Simulator, parameters: INodeParameters, options: RunOptions = {}) {
	return await runNode(node, { parameters, credentials: tokenCredentials(sim), ...options });
}

/** Runs the node and returns what it threw (fails the test if it did not throw). */
export async function runFailing(
	sim: Simulator,
	parameters: INodeParameters,
	options: RunOptions = {},
) {
	try {
		await run(sim, parameters, options);
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('the node did not fail');
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

/** The one request the simulator recorded (fails if there were several). */
export function onlyRequest(sim: Simulator) {
	expect(sim.requests).toHaveLength(1);
	return sim.requests[0];
}

/** `?a=1&b=2` of a recorded request as a plain object (count/page included). */
export const queryOf = (request: { query: URLSearchParams }) =>
	Object.fromEntries(request.query.entries());
