/**
 * Scenario 4: peak memory of Product → Get Many (Return All) over 50,000 products, compared with
 * the size of the JSON of the records it returns. The node runs in a child process (memoryChild.ts)
 * that measures itself; the simulator runs here, in this process, so it is not counted.
 */
import { spawn } from 'child_process';
import path from 'path';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../nodes/CartCom/transport';
import type { BenchConfig } from '../config';
import { median, progress, startBenchStore, type Simulator } from '../harness';
import { mb, ratio, type Check, type Section } from '../report';

const TARGET_RATIO = 2;
const CHILD = path.join(__dirname, '../memoryChild.ts');

interface ChildResult {
	count: number;
	distinct: number;
	ms: number;
	samples: number;
	jsonBytes: number;
	peakHeap: number;
	peakRss: number;
	retainedHeap: number;
	parsedHeap: number;
	parsedCount: number;
}

function runChild(sim: Simulator, pageSize: number): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--expose-gc', '-r', 'ts-node/register/transpile-only', CHILD],
			{
				cwd: path.join(__dirname, '../..'),
				env: {
					...process.env,
					BENCH_URL: sim.url,
					BENCH_TOKEN: sim.options.accessToken,
					BENCH_PAGE_SIZE: String(pageSize),
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
			if (code !== 0 || !line)
				reject(new Error(`memory child exited with ${String(code)}: ${stderr.trim().slice(-800)}`));
			else resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
		});
	});
}

export async function memoryScenario(config: BenchConfig): Promise<Section> {
	const products = config.memoryProducts;
	progress(`memory: seeding ${products} products`);
	// No budget and no latency: memory does not depend on them, and the run stays short.
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { products, orders: 0, customers: 10 },
		budget: false,
	});
	const rows: Section['rows'] = [];
	const checks: Check[] = [];
	try {
		for (const pageSize of [DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]) {
			const results: ChildResult[] = [];
			for (let repeat = 1; repeat <= config.repeats; repeat++) {
				progress(
					`memory: Return All of ${products} products, page size ${pageSize}, child process ${repeat}/${config.repeats}`,
				);
				results.push(await runChild(sim, pageSize));
			}
			const jsonBytes = results[0].jsonBytes;
			const mid = (pick: (result: ChildResult) => number) => median(results.map(pick));
			const peakRatios = results.map((result) => result.peakHeap / jsonBytes);
			const peakRatio = median(peakRatios);
			// Since issue 15 the node asks for 1,000 unless Page Size is set: that row is the default.
			const label = pageSize === MAX_PAGE_SIZE ? `${pageSize} (the default)` : String(pageSize);
			rows.push([
				label,
				results[0].count,
				mb(jsonBytes),
				mb(mid((result) => result.peakHeap)),
				ratio(peakRatio),
				results.length > 1
					? `${ratio(Math.min(...peakRatios))}–${ratio(Math.max(...peakRatios))}`
					: '-',
				mb(mid((result) => result.peakRss)),
				ratio(mid((result) => result.peakRss) / jsonBytes),
				mb(mid((result) => result.retainedHeap)),
				ratio(mid((result) => result.retainedHeap) / jsonBytes),
				ratio(mid((result) => result.parsedHeap) / jsonBytes),
				`${(mid((result) => result.ms) / 1000).toFixed(1)} s`,
			]);
			checks.push(
				{
					what: `page ${label}: peak ÷ JSON size`,
					measured: ratio(peakRatio),
					target: `≤ ${TARGET_RATIO}`,
					pass: peakRatio <= TARGET_RATIO,
				},
				{
					what: `page ${pageSize}: each product once`,
					measured: results.map((result) => `${result.distinct}/${result.count}`).join(', '),
					target: `${products}/${products}`,
					pass: results.every(
						(result) => result.count === products && result.distinct === products,
					),
				},
			);
		}
	} finally {
		await sim.stop();
	}
	return {
		title: `4. Memory: Return All of ${products.toLocaleString('en-US')} products`,
		setup: [
			'node in a child process with --expose-gc; simulator in the parent; Simplify off (full records); figures are above a baseline taken after a warm-up run and a full GC',
			'heap = heapUsed + external (external includes arrayBuffers, i.e. Buffers); sampled every 1 ms during the run',
			`median of ${config.repeats} child run(s) per page size (range = lowest–highest peak ÷ JSON)`,
		],
		columns: [
			'page size',
			'records',
			'JSON',
			'peak heap',
			'peak ÷ JSON',
			'range',
			'peak RSS',
			'RSS ÷ JSON',
			'held after GC',
			'held ÷ JSON',
			'JSON.parse floor ÷ JSON',
			'time',
		],
		rows,
		checks,
		notes: [
			'JSON = byte length of JSON.stringify of the returned records (what the node outputs).',
			'peak heap includes garbage not yet collected (response bodies, parsed pages); held after GC = what the output itself keeps alive.',
			'JSON.parse floor = heap of the same records parsed straight from their JSON and nothing else: the least any node that returns all records as n8n items must hold.',
			'The sampler runs between event-loop turns, so a peak inside one synchronous step (parsing one page) can be missed by up to one page’s size.',
		],
	};
}
