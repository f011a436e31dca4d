/**
 * Child process of scenario 4 (started with --expose-gc): runs Product → Get Many with Return All
 * against a simulator running in the parent process, and samples its own memory while doing so,
 * so neither the simulator's records nor its response strings are counted here.
 * Prints one line `RESULT {json}` on stdout.
 */
import { CartCom } from '../nodes/CartCom/CartCom.node';
import { runNode } from '../test/helpers/n8n';

interface Sample {
	heap: number;
	rss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function fullGc(): void {
	// Twice: the first pass may only queue finalizers whose memory the second one frees.
	gc!();
	gc!();
}

/** heapUsed + external; external already includes arrayBuffers (Node's Buffers), so it is not added again. */
function sample(): Sample {
	const usage = process.memoryUsage();
	return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

async function returnAll(url: string, token: string, pageSize: number, limit?: number) {
	return await runNode(new CartCom(), {
		parameters: {
			resource: 'product',
			operation: 'getAll',
			returnAll: limit === undefined,
			...(limit === undefined ? {} : { limit }),
			simplify: false,
			options: { pageSize },
		},
		credentials: { cartComApi: { storeDomain: url, accessToken: token } },
	});
}

async function main(): Promise<void> {
	const url = process.env.BENCH_URL ?? '';
	const token = process.env.BENCH_TOKEN ?? '';
	const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? '100');

	// Warm-up: loads every module and compiles the code paths, so the baseline includes them.
	await returnAll(url, token, pageSize, pageSize * 2);
	fullGc();
	const baseline = sample();

	let peak = baseline;
	let samples = 0;
	const take = () => {
		const now = sample();
		samples++;
		peak = { heap: Math.max(peak.heap, now.heap), rss: Math.max(peak.rss, now.rss) };
	};
	const timer = setInterval(take, 1);
	const started = Date.now();
	let items: Awaited<ReturnType<typeof returnAll>> | undefined = await returnAll(
		url,
		token,
		pageSize,
	);
	const ms = Date.now() - started;
	take();
	clearInterval(timer);
	fullGc();
	const retained = sample();

	const records = items.map((item) => item.json);
	const count = records.length;
	const distinct = new Set(records.map((record) => record.id)).size;
	const json = JSON.stringify(records);
	const jsonBytes = Buffer.byteLength(json);

	// The floor: the same records as plain objects fresh from JSON.parse, without n8n's item wrappers.
	items = undefined;
	records.length = 0;
	fullGc();
	const beforeParse = sample();
	const parsed = JSON.parse(json) as unknown[];
	fullGc();
	const parsedHeap = sample().heap - beforeParse.heap;

	const result = {
		count,
		distinct,
		ms,
		samples,
		jsonBytes,
		peakHeap: peak.heap - baseline.heap,
		peakRss: peak.rss - baseline.rss,
		retainedHeap: retained.heap - baseline.heap,
		parsedHeap,
		parsedCount: parsed.length,
	};
	process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	},
);
