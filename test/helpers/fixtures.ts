/**
 * Shared test set-up: a simulator per suite, credentials pointing at it, and short retry
 * back-off (the transport's defaults are for real stores; the logic under test is the same).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	configureTransport,
	resetCallBudgets,
	resetPageSizeCaps,
} from '../../nodes/CartCom/transport';
import {
	startSimulator,
	type RecordedRequest,
	type Simulator,
	type SimulatorOptions,
} from '../simulator';

export type { Simulator };

export async function startStore(options: SimulatorOptions = {}): Promise<Simulator> {
	configureTransport({ baseDelayMs: 5, maxDelayMs: 40 });
	resetCallBudgets();
	resetPageSizeCaps();
	return await startSimulator({ seed: 42, ...options });
}

export function tokenCredentials(sim: Simulator): Record<string, ICredentialDataDecryptedObject> {
	return { cartComApi: { storeDomain: sim.url, accessToken: sim.options.accessToken } };
}

export function routerCredentials(sim: Simulator): Record<string, ICredentialDataDecryptedObject> {
	const router = sim.options.router;
	return {
		cartComRouterApi: {
			userName: router.userName,
			userSecret: router.userSecret,
			siteId: router.siteId,
			routerUrl: sim.apiBase,
		},
	};
}

/** The requests the store answered (not 429s or injected faults), optionally for one method. */
export function servedRequests(sim: Simulator, method?: string): RecordedRequest[] {
	return sim.requests.filter(
		(request) =>
			request.status >= 200 && request.status < 300 && (!method || request.method === method),
	);
}

/** Requests as `METHOD /path?query` strings, for readable assertions. */
export function requestLines(sim: Simulator): string[] {
	return sim.requests.map(
		(request) =>
			`${request.method} ${request.path}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
	);
}

export type NodeFailure = Error & {
	description?: string;
	httpCode?: string;
	context?: Record<string, unknown>;
};

/** Awaits a node run that must fail and returns its error (the test fails if it succeeded). */
export async function failureOf(run: Promise<unknown>): Promise<NodeFailure> {
	try {
		await run;
	} catch (error) {
		return error as NodeFailure;
	}
	throw new Error('the node did not fail');
}
