/**
 * Child process of the queueMode scenario: one "worker" with its own memory (its own call budget,
 * as an n8n queue-mode worker has), running its executions at once against the simulator in the
 * parent. Prints `READY` once loaded, starts on a `GO` line on stdin, and prints one line
 * `RESULT {json}` when its executions are done.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CartCom } from '../nodes/CartCom/CartCom.node';
import { configureTransport } from '../nodes/CartCom/transport';
import { runNode } from '../test/helpers/n8n';

export type QueueJob =
	| { kind: 'orders' }
	| { kind: 'inventory'; items: Array<{ sku: string; qty: number }> }
	| { kind: 'shipments'; items: Array<{ orderId: number; tracking: string }> };

export interface QueueJobResult {
	kind: QueueJob['kind'];
	/** Record ids the execution returned (Return All), or items it output. */
	ids: number[];
	errors: number;
	ms: number;
}

const PARAMETERS: Record<QueueJob['kind'], INodeParameters> = {
	orders: { resource: 'order', operation: 'getAll', returnAll: true, simplify: false },
	inventory: {
		resource: 'inventory',
		operation: 'set',
		identifierType: 'item_number',
		identifierValue: '={{ $json.sku }}',
		quantity: '={{ $json.qty }}',
	},
	shipments: {
		resource: 'order',
		operation: 'createShipment',
		recordId: { __rl: true, mode: 'id', value: '={{ $json.orderId }}' },
		trackingNumbers: '={{ $json.tracking }}',
		carrier: 'UPS',
		itemsToShip: 'allUnshipped',
	},
};

async function runJob(job: QueueJob, url: string, token: string): Promise<QueueJobResult> {
	const started = performance.now();
	const output = await runNode(new CartCom(), {
		parameters: PARAMETERS[job.kind],
		credentials: { cartComApi: { storeDomain: url, accessToken: token } },
		input: job.kind === 'orders' ? undefined : (job.items as unknown as IDataObject[]),
		continueOnFail: true,
	});
	return {
		kind: job.kind,
		ids: output.map((item) => Number(item.json.id)),
		errors: output.filter((item) => item.json.error !== undefined).length,
		ms: performance.now() - started,
	};
}

async function main(): Promise<void> {
	const url = process.env.BENCH_URL ?? '';
	const token = process.env.BENCH_TOKEN ?? '';
	const jobs = JSON.parse(process.env.BENCH_JOBS ?? '[]') as QueueJob[];
	configureTransport({
		baseDelayMs: 5,
		maxDelayMs: 40,
		callWindowMs: Number(process.env.BENCH_WINDOW_MS ?? '10000'),
	});
	process.stdout.write('READY\n');
	await new Promise<void>((resolve) => {
		process.stdin.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('GO')) resolve();
		});
	});
	const results = await Promise.all(jobs.map(async (job) => await runJob(job, url, token)));
	process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	},
);
