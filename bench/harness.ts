/**
 * What every scenario shares: a simulator per measurement, the transport tuned to its window,
 * the real n8n-core harness of the tests, and counters over the simulator's request log.
 */
import { spawn } from 'child_process';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import {
	configureTransport,
	resetCallBudgets,
	resetPageSizeCaps,
} from '../nodes/CartCom/transport';
import { runNode, runPoll } from '../test/helpers/n8n';
import { startSimulator, type Simulator, type SimulatorOptions } from '../test/simulator';

export type { Simulator };

export interface StoreSetup extends SimulatorOptions {
	/** Calls per window, or false for no limit. */
	budget: { limit: number; windowMs: number } | false;
}

/**
 * A fresh simulator (so no earlier calls sit in its window) and a client that knows the same
 * window. Retry back-off is shortened as in the tests; the waits for the budget are real.
 */
export async function startBenchStore({ budget, ...options }: StoreSetup): Promise<Simulator> {
	configureTransport({
		baseDelayMs: 5,
		maxDelayMs: 40,
		callWindowMs: budget ? budget.windowMs : 10_000,
	});
	resetCallBudgets();
	resetPageSizeCaps();
	return await startSimulator({
		seed: 42,
		...options,
		rateLimit: budget ? { ...budget, retryAfter: 'seconds' } : false,
	});
}

export function credentialsFor(sim: Simulator): Record<string, ICredentialDataDecryptedObject> {
	return { cartComApi: { storeDomain: sim.url, accessToken: sim.options.accessToken } };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const started = performance.now();
	const result = await work();
	return { result, ms: performance.now() - started };
}

export async function runAction(
	node: INodeType,
	sim: Simulator,
	parameters: INodeParameters,
	input?: IDataObject[],
	continueOnFail = false,
): Promise<INodeExecutionData[]> {
	return await runNode(node, {
		parameters,
		credentials: credentialsFor(sim),
		input,
		continueOnFail,
	});
}

export async function pollOnce(
	node: INodeType,
	sim: Simulator,
	parameters: INodeParameters,
	staticData: IDataObject,
): Promise<INodeExecutionData[]> {
	const output = await runPoll(node, {
		parameters,
		credentials: credentialsFor(sim),
		staticData,
		mode: 'trigger',
	});
	return output?.[0] ?? [];
}

export const countStatus = (sim: Simulator, status: number) =>
	sim.requests.filter((request) => request.status === status).length;

/**
 * A full garbage collection before each measured run, so that one run's garbage (and the previous
 * simulator's records) is not collected, at random, during the next.
 */
export const collectGarbage: () => void = (() => {
	setFlagsFromString('--expose_gc');
	return runInNewContext('gc') as () => void;
})();

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Progress on stderr, so the report on stdout stays a clean document. */
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * Runs a script of the repository (real n8n, PostgreSQL…) and waits for it: its stderr, and its
 * stdout when `relayStdout`, go line by line to the progress log; the stdout is returned for the
 * result line the scenario parses.
 */
export async function runScript(
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; relayStdout?: boolean } = {},
): Promise<{ code: number; stdout: string }> {
	return await new Promise((resolve, reject) => {
		const child = spawn('bash', args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		const relay = (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n')) if (line.trim()) progress(line.trim());
		};
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (options.relayStdout) relay(chunk);
		});
		child.stderr.on('data', relay);
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
	});
}
