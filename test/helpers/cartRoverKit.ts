/**
 * CartRover test set-up for the transport, node and trigger suites: a simulator per suite,
 * credentials for one API level pointing at it, short back-off, a node run, a probe that hands a
 * real n8n execution context to a test (for transport calls), and the credential test as n8n runs it.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
} from 'n8n-workflow';

import { CartRoverApi } from '../../credentials/CartRoverApi.credentials';
import {
	configureCartRoverTransport,
	resetCallBudgets,
	type CartRoverTransportSettings,
} from '../../nodes/CartRover/transport';
import {
	startCartRoverSimulator,
	type CartRoverLevel,
	type CartRoverRecordedRequest,
	type CartRoverSimOptions,
	type CartRoverSimulator,
} from '../simulator/cartRover';
import { additionalDataFor, prepareContainer, runNode, type NodeRun } from './n8n';

export type { CartRoverLevel, CartRoverSimulator };

/** A bucket small and fast enough for tests: 10 calls, one drained every 20 ms. */
export const FAST_BUCKET = { capacity: 10, leakMs: 20 } as const;

/** Short back-off (the logic is the same as with the defaults); the bucket matches the simulator's. */
export function fastCartRoverTransport(overrides: Partial<CartRoverTransportSettings> = {}): void {
	configureCartRoverTransport('defaults');
	configureCartRoverTransport({
		baseDelayMs: 5,
		maxDelayMs: 40,
		minRetryAfterMs: FAST_BUCKET.leakMs,
		bucketCapacity: FAST_BUCKET.capacity,
		bucketLeakMs: FAST_BUCKET.leakMs,
		...overrides,
	});
	resetCallBudgets();
}

/** A seeded simulator with the fast bucket, and the transport set up to match it. */
export async function startCartRover(
	options: CartRoverSimOptions = {},
): Promise<CartRoverSimulator> {
	fastCartRoverTransport();
	return await startCartRoverSimulator({ seed: 42, bucket: FAST_BUCKET, ...options });
}

/** The credential data of one level's keys (the `cartRoverApi` entry a node run needs). */
export function cartRoverCredentialData(
	sim: { url: string; keys: Record<CartRoverLevel, { user: string; key: string }> },
	level: CartRoverLevel = 'merchant',
): ICredentialDataDecryptedObject {
	return {
		apiUser: sim.keys[level].user,
		apiKey: sim.keys[level].key,
		apiLevel: level,
		apiUrl: sim.url,
	};
}

export function cartRoverCredentials(
	sim: { url: string; keys: Record<CartRoverLevel, { user: string; key: string }> },
	level: CartRoverLevel = 'merchant',
): Record<string, ICredentialDataDecryptedObject> {
	return { cartRoverApi: cartRoverCredentialData(sim, level) };
}

/** Runs a CartRover node (action) with one level's keys; returns its first output. */
export async function runCartRoverNode(
	nodeType: INodeType,
	sim: CartRoverSimulator,
	run: Omit<NodeRun, 'credentials'> & { level?: CartRoverLevel },
): Promise<INodeExecutionData[]> {
	const { level, ...rest } = run;
	return await runNode(nodeType, { ...rest, credentials: cartRoverCredentials(sim, level) });
}

/** A node that does nothing but hand its execution context to the test. */
function probeNode<T>(
	body: (ctx: IExecuteFunctions) => Promise<T>,
	result: { value?: T },
): INodeType {
	return {
		description: {
			displayName: 'CartRover Probe',
			name: 'cartRoverProbe',
			group: ['transform'],
			version: 1,
			description: 'Test probe',
			defaults: { name: 'CartRover Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'cartRoverApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			result.value = await body(this);
			return [[]];
		},
	} as INodeType;
}

/**
 * Calls `body` inside a real n8n ExecuteContext whose credential is `credentials` (the real
 * httpRequestWithAuthentication and the credential's authenticate), e.g.
 * `withCartRoverContext(data, (ctx) => cartRoverRequest.call(ctx, {method: 'GET', path: '/merchant/inventory'}))`.
 */
export async function withCartRoverContext<T>(
	credentials: ICredentialDataDecryptedObject,
	body: (ctx: IExecuteFunctions) => Promise<T>,
): Promise<T> {
	const result: { value?: T } = {};
	await runNode(probeNode(body, result), {
		parameters: {},
		credentials: { cartRoverApi: credentials },
	});
	return result.value as T;
}

/** lodash's `get` for dotted keys, as n8n reads a rule's key. */
function valueAt(value: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) =>
				node !== null && typeof node === 'object'
					? (node as Record<string, unknown>)[part]
					: undefined,
			value,
		);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The credential test as n8n's CredentialsTester runs it (packages/cli credentials-tester.service.ts):
 * the test request goes through RoutingNode (expressions such as `$credentials.apiLevel` resolved,
 * the credential's authenticate applied, non-2xx thrown), then `responseCode` rules on a thrown
 * answer and `responseSuccessBody` rules on a 2xx body, in order.
 */
export async function runCartRoverCredentialTest(
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	prepareContainer();
	const credentialType = new CartRoverApi();
	const test = credentialType.test;
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'cartRoverApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { cartRoverApi: { id: 'cred', name: 'cred' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = additionalDataFor({
		parameters: {},
		credentials: { cartRoverApi: data },
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as unknown as IRunExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred',
		name: 'cred',
		type: 'cartRoverApi',
		data,
	});
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === cause.response.status)
					return { status: 'Error', message: rule.properties.message };
			}
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		if (valueAt(body, rule.properties.key) === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** Requests as `METHOD /path?query` strings, for readable assertions. */
export function cartRoverRequestLines(sim: CartRoverSimulator): string[] {
	return sim.requests.map(
		(request) =>
			`${request.method} ${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
	);
}

/** The requests the simulator served (not refused by auth, the bucket or a handler). */
export function servedCartRoverRequests(
	sim: CartRoverSimulator,
	method?: string,
): CartRoverRecordedRequest[] {
	return sim.requests.filter(
		(request) =>
			request.status === 200 &&
			request.errorCode === undefined &&
			(!method || request.method === method),
	);
}

/** How many requests the simulator refused with RateLimit. */
export const rateLimitRefusals = (sim: CartRoverSimulator): number =>
	sim.requests.filter((request) => request.errorCode === 'RateLimit').length;
