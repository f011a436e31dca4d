/**
 * Scenario replicaLag (opt-in: `npm run bench -- --only replicaLag`): the store replica example
 * (examples/replicate-store-to-postgres.json) in a real n8n (2.41.1) with a real PostgreSQL, at its
 * 1-minute polling, in real time (n8n's poll scheduler runs on the wall clock, so time is not
 * scaled). scripts/e2e/replica.sh lag backfills, activates the replica, then makes one change every
 * 1–6 s (products, customers, orders, order lines and payments) for REPLICA_LAG_MINUTES (default 5)
 * and watches Postgres every 250 ms: the lag of a change is the time from the change in the store to
 * the moment its version (updated_at) is in the replica's row.
 */
import * as path from 'node:path';

import type { BenchConfig } from '../config';
import { runScript } from '../harness';
import type { Section } from '../report';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'e2e', 'replica.sh');
/** One poll interval plus the time to read the changes and write them. */
const TARGET_P95_MS = 70_000;

interface LagResult {
	minutes: number;
	changes: number;
	measured: number;
	notArrived: number;
	p50: number;
	p95: number;
	max: number;
	min: number;
	executions: number;
	failedExecutions: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function replicaLagScenario(_config: BenchConfig): Promise<Section> {
	const output = await runScript([SCRIPT, 'lag']);
	const line = output.stdout.split('\n').find((l) => l.startsWith('replica-lag: '));
	if (!line)
		throw new Error(
			`scripts/e2e/replica.sh lag exited ${output.code} without a result:\n${output.stdout.slice(-2000)}`,
		);
	const result = JSON.parse(line.slice('replica-lag: '.length)) as LagResult;
	return {
		title:
			'Store replica lag: a change in the store → its row in Postgres, 1-minute polling, real n8n',
		setup: [
			`examples/replicate-store-to-postgres.json in n8n ${process.env.REPLICA_N8N_VERSION ?? '2.41.1'} with PostgreSQL (scripts/e2e/replica.sh lag), real time (not scaled)`,
			`${result.changes} changes, one every 1–6 s for ${result.minutes} min (products, customers, orders, order lines, payments); Postgres watched every 250 ms`,
		],
		columns: ['changes', 'measured', 'p50', 'p95', 'min', 'max', 'executions'],
		rows: [
			[
				String(result.changes),
				String(result.measured),
				seconds(result.p50),
				seconds(result.p95),
				seconds(result.min),
				seconds(result.max),
				String(result.executions),
			],
		],
		checks: [
			{
				what: 'every change reached Postgres',
				measured: `${result.measured}/${result.changes}`,
				target: 'all',
				pass: result.notArrived === 0 && result.measured === result.changes,
			},
			{
				what: 'lag p95',
				measured: seconds(result.p95),
				target: `≤ ${seconds(TARGET_P95_MS)} (poll interval + 10 s)`,
				pass: result.p95 <= TARGET_P95_MS,
			},
			{
				what: 'failed executions',
				measured: String(result.failedExecutions),
				target: '0',
				pass: result.failedExecutions === 0,
			},
		],
		notes: [
			'A change waits for the next poll (up to 60 s; n8n picks a random second of the minute), then its execution reads and writes it: p50 ≈ 30 s and p95 ≈ 57 s plus the execution time are what 1-minute polling allows.',
		],
	};
}
