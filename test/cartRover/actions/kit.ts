/**
 * Running the CartRover action node against the CartRover simulator: credentials per API level,
 * thrown errors caught, and what the simulator recorded read back without the /v1 prefix.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CartRover } from '../../../nodes/CartRover/CartRover.node';
import { cartRoverCredentials, startCartRover } from '../../helpers/cartRoverKit';
import { startHostileServer, type HostileServer } from '../../helpers/hostileServer';
import { runNode } from '../../helpers/n8n';
import type {
	CartRoverLevel,
	CartRoverRecordedRequest,
	CartRoverSimOptions,
	CartRoverSimulator,
} from '../../simulator/cartRover';

export const node = new CartRover();

export type Level = CartRoverLevel;
export type Sim = CartRoverSimulator;

/** A seeded simulator, the transport's back-off and bucket shortened to match it (cartRoverKit). */
export async function startSim(options: CartRoverSimOptions = {}): Promise<Sim> {
	return await startCartRover(options);
}

/** One level's keys, pointed at `url` (the simulator, or a proxy in front of it). */
export const credentialsFor = (sim: Sim, level: Level, url = sim.url) =>
	cartRoverCredentials({ url, keys: sim.keys }, level);

export interface RunOptions {
	level?: Level;
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Send to this base instead of the simulator's (a proxy in front of it). */
	url?: string;
}

export async function run(
	sim: Sim,
	parameters: Record<string, unknown>,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	return await runNode(node, {
		parameters: parameters as INodeParameters,
		credentials: credentialsFor(sim, options.level ?? 'cart', options.url),
		input: options.input,
		continueOnFail: options.continueOnFail,
	});
}

export type ThrownError = Error & { description?: string; context?: IDataObject };

export async function runFailing(
	sim: Sim,
	parameters: Record<string, unknown>,
	options: RunOptions = {},
): Promise<ThrownError> {
	try {
		await run(sim, parameters, options);
	} catch (error) {
		return error as ThrownError;
	}
	throw new Error('the node did not fail');
}

/** Bad input stops the node with one NodeOperationError naming the fields, before any request. */
export async function expectInputError(
	sim: Sim,
	parameters: Record<string, unknown>,
	fields: string[],
	options: RunOptions = {},
): Promise<ThrownError> {
	sim.clearRequests();
	const error = await runFailing(sim, parameters, options);
	expect(error).toBeInstanceOf(NodeOperationError);
	for (const field of fields) expect(error.message).toContain(field);
	expect(sim.requests).toEqual([]);
	return error;
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedIndexes = (items: INodeExecutionData[]) =>
	items.map((item) => (item.pairedItem as { item: number }).item);

/** `METHOD /path?rawQuery` without /v1, as sent. */
export const linesOf = (requests: CartRoverRecordedRequest[]) =>
	requests.map(
		(request) =>
			`${request.method} ${request.path.replace(/^\/v1/, '')}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
	);

/** `METHOD /path` without /v1 or the query. */
export const routesOf = (requests: CartRoverRecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path.replace(/^\/v1/, '')}`);

/** A valid order's parameters for Create; `overrides` replace or add parameters. */
export function orderParameters(custRef: string, overrides: Record<string, unknown> = {}) {
	return {
		resource: 'order',
		operation: 'create',
		custRef,
		shipFirstName: 'Jane',
		shipLastName: 'Doe',
		shipAddress1: '12 Main St',
		shipCity: 'Austin',
		shipState: 'TX',
		shipZip: '78701',
		shipCountry: 'US',
		lineItems: {
			line: [
				{ sku: 'SKU-001', quantity: 3, price: '19.99' },
				{ sku: 'SKU-002', quantity: 1, price: '5.00', discount: '0.50' },
			],
		},
		...overrides,
	};
}

let counter = 0;
/** A cust_ref no seed order has. */
export const newRef = (prefix = 'N8N') => `${prefix}-${Date.now().toString(36)}-${++counter}`;

/**
 * A proxy in front of the simulator that forwards every request, and closes the connection instead
 * of answering the ones `drops` picks: the simulator has applied them (unless `applied` is false),
 * the node never hears so.
 */
export async function startDroppingProxy(
	sim: Sim,
	drops: (url: string) => boolean,
	{ applied = true }: { applied?: boolean } = {},
): Promise<HostileServer> {
	return await startHostileServer('127.0.0.1', async (request, res) => {
		// applied: false drops the request before it reaches the simulator.
		if (!applied && drops(request.url)) {
			res.destroy();
			return;
		}
		const answer = await fetch(`${sim.url}${request.url}`, {
			method: request.method,
			headers: {
				authorization: String(request.headers.authorization),
				'content-type': 'application/json',
			},
			body: request.method === 'POST' ? request.body : undefined,
		});
		const text = await answer.text();
		if (drops(request.url)) {
			res.destroy();
			return;
		}
		res.writeHead(answer.status, { 'content-type': 'application/json' });
		res.end(text);
	});
}
