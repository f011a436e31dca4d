/**
 * Scenario queueModeN8n (opt-in: `npm run bench -- --only queueModeN8n`, about 10 minutes): the
 * queueMode run at issue 15's full sizes in real n8n instead of child processes. scripts/e2e/run.sh
 * packs the package and runs test/e2e/queueMode.ts alone (E2E_QUEUE_SIZE=full): PostgreSQL, Redis,
 * an `n8n start` main and two `n8n worker --concurrency=3`, six webhook executions at once (Return All
 * of 1,000 orders ×2, Inventory Set by SKU of 250 SKUs ×2, Create Shipment for 100 orders ×2).
 *
 * The node inside n8n counts over Cart.com's real 10 s window (it cannot be told another), so the
 * store's plan is the bench's rate over 10 s: 20 calls / 2 s becomes 100 calls / 10 s.
 */
import * as path from 'node:path';

import { budgetLabel, type BenchConfig } from '../config';
import { progress, runScript } from '../harness';
import { seconds, type Section } from '../report';
import { queueChecks } from './queueMode';

const REPO = path.resolve(__dirname, '..', '..');
const WINDOW_MS = 10_000;

/** The `queue-result:` line test/e2e/queueMode.ts prints. */
interface QueueResult {
	size: string;
	limit: number;
	windowMs: number;
	requests: number;
	perCaller: string;
	tooMany: number;
	wallMs: number;
	boundMs: number;
	counted: number;
	lost: number;
	duplicated: number;
	doubled: number;
	executionsPerWorker: number[];
}

async function runQueueE2e(limit: number): Promise<{ code: number; stdout: string }> {
	return await runScript([path.join(REPO, 'scripts', 'e2e', 'run.sh')], {
		cwd: REPO,
		env: {
			...process.env,
			// No per-version suite and no replica: the queue-mode step alone.
			E2E_N8N_VERSIONS: ' ',
			E2E_SKIP_REPLICA: '1',
			E2E_QUEUE_SIZE: 'full',
			E2E_QUEUE_LIMIT: String(limit),
		},
		relayStdout: true,
	});
}

export async function queueModeN8nScenario(config: BenchConfig): Promise<Section> {
	const limit = Math.round((config.limit * WINDOW_MS) / config.windowMs);
	progress(`queueModeN8n: real n8n main + 2 workers, ${budgetLabel(limit, WINDOW_MS)}`);
	const output = await runQueueE2e(limit);
	const line = output.stdout.split('\n').find((text) => text.startsWith('queue-result: '));
	if (!line)
		throw new Error(
			`scripts/e2e/run.sh (queue mode) exited ${output.code} without a result:\n${output.stdout.slice(-2000)}`,
		);
	const result = JSON.parse(line.slice('queue-result: '.length)) as QueueResult;
	const ratio = result.wallMs / result.boundMs;
	const e2eChecks = /e2e queue mode[^:]*: (\d+) passed, (\d+) failed/.exec(output.stdout);
	return {
		title: 'Queue mode in real n8n: main + two `n8n worker`s, one store, one budget',
		setup: [
			`n8n ${process.env.E2E_QUEUE_VERSION ?? '2.41.1'} in queue mode (PostgreSQL, Redis, n8n start + 2 × n8n worker --concurrency=3), the packed package; test/e2e/queueMode.ts with E2E_QUEUE_SIZE=full`,
			'six webhook executions at once: Return All of 1,000 orders (x2), Inventory Set by SKU of 250 SKUs (x2), Create Shipment for 100 orders (x2); the main keeps polling an Order Updated trigger every minute',
			`one store, budget ${budgetLabel(result.limit, result.windowMs)} (the bench's rate over Cart.com's real window); the processes share only X-AC-Call-Limit`,
			'bound = (ceil(N/L) - 1)·W for all N calls the store counted; wall = first execution start to last execution end (n8n records)',
		],
		columns: [
			'requests',
			'by caller',
			'429s',
			'wall',
			'bound',
			'wall ÷ bound',
			'executions per worker',
			'lost',
			'duplicated',
			'double-written',
		],
		rows: [
			[
				result.requests,
				result.perCaller,
				result.tooMany,
				seconds(result.wallMs),
				seconds(result.boundMs),
				ratio.toFixed(2),
				result.executionsPerWorker.join(' + '),
				result.lost,
				result.duplicated,
				result.doubled,
			],
		],
		checks: [
			...queueChecks({ ...result, ratio }),
			{
				what: 'e2e checks of the run (executions on the workers, polls on the main, credential)',
				measured: e2eChecks ? `${e2eChecks[1]} passed, ${e2eChecks[2]} failed` : 'no summary',
				target: 'all passed',
				pass: Boolean(e2eChecks) && e2eChecks?.[2] === '0',
			},
		],
	};
}
