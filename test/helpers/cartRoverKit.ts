/**
 * CartRover test set-up for the transport, node and trigger suites: a simulator per suite,
 * credentials for one API level pointing at it, short back-off, a node run, a probe that hands a
 * real n8n execution context to a test (for transport calls), and the credential test as n8n runs it.
 */
import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { CartRover } from '../../nodes/CartRover/CartRover.node';
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
import { prepareContainer, runNode, type NodeRun } from './n8n';

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

export type CredentialTestResult = INodeCredentialTestResult;

/**
 * The credential test function n8n picks for `cartRoverApi` from a node, as n8n's CredentialsTester
 * does (packages/cli credentials-tester.service.ts, getCredentialTestFunction): the node's
 * credential entry names it with `testedBy`, its `methods.credentialTest` holds it.
 */
export function cartRoverCredentialTestOf(nodeType: INodeType): ICredentialTestFunction {
	const entry = nodeType.description.credentials?.find(
		(credential) => credential.name === 'cartRoverApi',
	);
	const testedBy = entry?.testedBy;
	if (typeof testedBy !== 'string')
		throw new Error(`${nodeType.description.name}: no testedBy for cartRoverApi`);
	const test = nodeType.methods?.credentialTest?.[testedBy];
	if (typeof test !== 'function')
		throw new Error(`${nodeType.description.name}: no methods.credentialTest.${testedBy}`);
	return test;
}

/**
 * The credential test as n8n runs it (credentials-tester.service.ts, testCredentials): the node's
 * test function called on a real n8n-core CredentialTestContext (its `helpers.request` is n8n's
 * proxyRequestToAxios), with the decrypted credential. `nodeType` is the CartRover action node
 * unless given (n8n uses the first node it finds that supports the credential).
 */
export async function runCartRoverCredentialTest(
	data: ICredentialDataDecryptedObject,
	nodeType: INodeType = new CartRover(),
): Promise<CredentialTestResult> {
	prepareContainer();
	const test = cartRoverCredentialTestOf(nodeType);
	const credential: ICredentialsDecrypted = {
		id: 'cred',
		name: 'CartRover account',
		type: 'cartRoverApi',
		data: { ...data },
	};
	return await test.call(new CredentialTestContext(), credential);
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
