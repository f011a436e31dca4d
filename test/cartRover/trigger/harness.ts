/**
 * Set-up of the CartRover Trigger suites: the CartRover simulator on a controllable clock, and polls
 * through n8n-core's real PollContext with static data carried between polls.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CartRoverTrigger } from '../../../nodes/CartRover/CartRoverTrigger.node';
import { configureCartRoverTransport, resetCallBudgets } from '../../../nodes/CartRover/transport';
import type { TriggerState } from '../../../nodes/CartRover/trigger/state';
import { runPoll } from '../../helpers/n8n';
import {
	startCartRoverSimulator,
	type CartRoverLevel,
	type CartRoverSimOptions,
	type CartRoverSimulator,
} from '../../simulator/cartRover';

/** The simulator's clock: whole seconds, moved by the test only. */
export class SimClock {
	constructor(public ms: number = Math.floor(Date.now() / 1000) * 1000) {}
	readonly now = (): Date => new Date(this.ms);
	get seconds(): number {
		return Math.floor(this.ms / 1000);
	}
	advance(ms: number): void {
		this.ms += ms;
	}
}

/**
 * The transport as the suites run it: the client-side leaky bucket out of the way (the simulator's
 * own bucket is what a test turns on), and short back-offs. Call in beforeAll; `restoreTransport` after.
 */
export function fastTransport(): void {
	configureCartRoverTransport({
		bucketCapacity: 1_000_000,
		bucketLeakMs: 1,
		baseDelayMs: 1,
		maxDelayMs: 5,
		minRetryAfterMs: 1,
		maxRetries: 2,
	});
	resetCallBudgets();
}

export function restoreTransport(): void {
	configureCartRoverTransport('defaults');
	resetCallBudgets();
}

export async function startSim(
	clock: SimClock,
	options: CartRoverSimOptions = {},
): Promise<CartRoverSimulator> {
	return await startCartRoverSimulator({
		now: clock.now,
		bucket: 'off',
		seed: 7,
		orders: 30,
		...options,
	});
}

export function credentialsFor(
	sim: CartRoverSimulator,
	level: CartRoverLevel = 'merchant',
): Record<string, ICredentialDataDecryptedObject> {
	return {
		cartRoverApi: {
			apiUser: sim.keys[level].user,
			apiKey: sim.keys[level].key,
			apiLevel: level,
			apiUrl: sim.url,
		},
	};
}

export interface PollRun {
	parameters: INodeParameters;
	staticData: IDataObject;
	mode?: WorkflowExecuteMode;
	level?: CartRoverLevel;
}

export async function poll(
	sim: CartRoverSimulator,
	run: PollRun,
): Promise<INodeExecutionData[][] | null> {
	return await runPoll(new CartRoverTrigger(), {
		parameters: run.parameters,
		credentials: credentialsFor(sim, run.level),
		staticData: run.staticData,
		mode: run.mode ?? 'trigger',
	});
}

/** The emitted items' JSON (empty for null). */
export const emitted = (result: INodeExecutionData[][] | null): IDataObject[] =>
	result === null ? [] : result[0].map((item) => item.json);

/** `cust_ref@status` of each emitted item, in order. */
export const transitionsEmitted = (result: INodeExecutionData[][] | null): string[] =>
	emitted(result).map((json) => `${String(json.cust_ref)}@${String(json.event)}`);

/** The trigger's own part of the workflow static data (n8n keys it by node name). */
export const nodeData = (staticData: IDataObject): IDataObject =>
	(staticData['node:CartRover Trigger'] ?? {}) as IDataObject;

export const stateOf = (staticData: IDataObject): TriggerState =>
	nodeData(staticData).state as unknown as TriggerState;

/** The workflow static data size as n8n would store it. */
export const stateSize = (staticData: IDataObject): number => JSON.stringify(staticData).length;

export const listRequests = (sim: CartRoverSimulator) =>
	sim.requests.filter((request) => request.path.includes('/orders/list/'));

let created = 0;

/** A new order through the Cart API, as a cart would push it (POST /cart/orders/cartrover). */
export async function createOrder(sim: CartRoverSimulator, custRef?: string): Promise<string> {
	const ref = custRef ?? `T-${++created}-${Math.random().toString(36).slice(2, 7)}`;
	const { user, key } = sim.keys.cart;
	const response = await fetch(`${sim.url}/v1/cart/orders/cartrover`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({
			cust_ref: ref,
			ship_first_name: 'Ada',
			ship_last_name: 'Lovelace',
			ship_address_1: '1 Main St',
			ship_city: 'Austin',
			ship_state: 'TX',
			ship_zip: '78701',
			ship_country: 'US',
			items: [{ item: 'SKU-1', quantity: 1, price: 10 }],
		}),
	});
	const body = (await response.json()) as IDataObject;
	if (body.success_code !== true) throw new Error(`create failed: ${JSON.stringify(body)}`);
	return ref;
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
export function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		chance: (p: number) => next() < p,
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
	};
}
