/**
 * Scenario queueMode: one store, several processes, one budget. Two child processes stand for two
 * n8n queue-mode workers: each has its own memory, so its own call budget, and they share nothing
 * but the store, which counts all their calls together in X-AC-Call-Limit (as Cart.com does). Six
 * executions run at once, three per process: Return All of the orders, Inventory Set of half the
 * SKUs, Create Shipment for half the orders; each process runs one of each.
 *
 * The same run in real n8n (a main, two `n8n worker` processes, PostgreSQL, Redis) is the e2e
 * test/e2e/queueMode.ts, at smaller sizes and Cart.com's real 10 s window.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';

import { serialBoundMs } from '../bound';
import { budgetLabel, type BenchConfig } from '../config';
import { countStatus, progress, startBenchStore, type Simulator } from '../harness';
import type { QueueJob, QueueJobResult } from '../queueWorker';
import { seconds, type Check, type Section } from '../report';

const CHILD = path.join(__dirname, '..', 'queueWorker.ts');
const PROCESSES = 2;

interface Child {
	process: ChildProcessWithoutNullStreams;
	ready: Promise<void>;
	result: Promise<{ results: QueueJobResult[]; at: number }>;
}

function startChild(sim: Simulator, windowMs: number, jobs: QueueJob[]): Child {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD], {
		cwd: path.join(__dirname, '../..'),
		env: {
			...process.env,
			BENCH_URL: sim.url,
			BENCH_TOKEN: sim.options.accessToken,
			BENCH_WINDOW_MS: String(windowMs),
			BENCH_JOBS: JSON.stringify(jobs),
		},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	let onReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (onReady = resolve));
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		if (stdout.includes('READY\n')) onReady();
	});
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const result = new Promise<{ results: QueueJobResult[]; at: number }>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => {
			const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
			if (code !== 0 || !line)
				reject(new Error(`queue child exited with ${String(code)}: ${stderr.trim().slice(-800)}`));
			else resolve({ results: JSON.parse(line.slice(7)) as QueueJobResult[], at: Date.now() });
		});
	});
	return { process: child, ready, result };
}

export async function queueModeScenario(config: BenchConfig): Promise<Section> {
	const { limit, windowMs } = config;
	const sizes = config.quick
		? { orders: 300, skus: 100, shipments: 60 }
		: { orders: 1000, skus: 500, shipments: 200 };
	const sim = await startBenchStore({
		budget: { limit, windowMs },
		sizes: {
			orders: sizes.orders,
			products: Math.ceil(sizes.skus / 0.5) + 50,
			customers: 200,
		},
		latencyMs: config.latencyMs,
	});
	try {
		const all = sim.store
			.list('products')
			.filter((p) => p.use_variant_inventory === false && typeof p.item_number === 'string');
		const unique = all.filter(
			(p) => all.filter((q) => q.item_number === p.item_number).length === 1,
		);
		if (unique.length < sizes.skus)
			throw new Error(`only ${unique.length} plain products with a unique SKU`);
		const stock = unique
			.slice(0, sizes.skus)
			.map((p, k) => ({ id: Number(p.id), sku: String(p.item_number), qty: 2000 + k }));
		const withItems = new Set(sim.store.list('order_items').map((i) => Number(i.order_id)));
		const toShip = sim.store
			.list('orders')
			.map((o) => Number(o.id))
			.filter((id) => withItems.has(id))
			.slice(0, sizes.shipments);
		if (toShip.length < sizes.shipments) throw new Error(`only ${toShip.length} orders with items`);
		const chosen = new Set(toShip);
		for (const s of sim.store.list('order_shipments'))
			if (chosen.has(Number(s.order_id))) sim.store.remove('order_shipments', Number(s.id));
		const shipments = toShip.map((orderId, k) => ({
			orderId,
			tracking: `1ZBENCH${String(k).padStart(8, '0')}`,
		}));
		const part = <T>(list: T[], k: number) =>
			list.slice(
				Math.floor((k * list.length) / PROCESSES),
				Math.floor(((k + 1) * list.length) / PROCESSES),
			);
		const jobsOf = (k: number): QueueJob[] => [
			{ kind: 'orders' },
			{ kind: 'inventory', items: part(stock, k).map(({ sku, qty }) => ({ sku, qty })) },
			{ kind: 'shipments', items: part(shipments, k) },
		];

		progress(`queueMode: starting ${PROCESSES} worker processes`);
		const children = Array.from({ length: PROCESSES }, (_, k) =>
			startChild(sim, windowMs, jobsOf(k)),
		);
		await Promise.all(children.map(async (child) => await child.ready));
		const writesBefore = sim.store.writeCount('products');
		const since = sim.requests.length;
		const started = Date.now();
		for (const child of children) child.process.stdin.write('GO\n');
		progress('queueMode: six executions running');
		const done = await Promise.all(children.map(async (child) => await child.result));
		const wallMs = Math.max(...done.map((d) => d.at)) - started;

		const run = sim.requests.slice(since);
		const tooMany = countStatus(sim, 429);
		const counted = run.length - tooMany;
		// All calls sent in parallel under the plan: full windows, then one request's time.
		const boundMs = serialBoundMs(counted, limit, windowMs, 0) + config.latencyMs;
		const results = done.flatMap((d) => d.results);
		const orderIds = sim.store.list('orders').map((o) => Number(o.id));
		const lists = results.filter((r) => r.kind === 'orders').map((r) => r.ids);
		const lostOrders = lists.reduce(
			(n, ids) => n + orderIds.filter((id) => !ids.includes(id)).length,
			0,
		);
		const duplicated = lists.reduce((n, ids) => n + ids.length - new Set(ids).size, 0);
		const lostStock = stock.filter(
			(p) => sim.store.get('products', p.id)?.quantity_on_hand !== p.qty,
		).length;
		const perOrder = new Map<number, number>();
		for (const s of sim.store.list('order_shipments'))
			perOrder.set(Number(s.order_id), (perOrder.get(Number(s.order_id)) ?? 0) + 1);
		const lostShipments = toShip.filter((id) => !perOrder.has(id)).length;
		const doubleShipments = toShip.filter((id) => (perOrder.get(id) ?? 0) > 1).length;
		const doubleStock = Math.max(0, sim.store.writeCount('products') - writesBefore - stock.length);
		const errors = results.reduce((n, r) => n + r.errors, 0);
		const lost = lostOrders + lostStock + lostShipments;
		const doubled = doubleShipments + doubleStock;
		const ratio = wallMs / boundMs;
		const checks = queueChecks({
			lost: lost + errors,
			duplicated,
			doubled,
			tooMany,
			requests: run.length,
			ratio,
		});
		return {
			title: 'Queue mode: one store, two worker processes, one budget',
			setup: [
				`${PROCESSES} child processes (own memory, own call budget, like n8n queue-mode workers), 3 executions each at once:`,
				`Return All of ${sizes.orders} orders (x2), Inventory Set by SKU of ${sizes.skus} SKUs (half each), Create Shipment for ${sizes.shipments} orders (half each);`,
				`one store, budget ${budgetLabel(limit, windowMs)}, latency ${config.latencyMs} ms; the processes share only X-AC-Call-Limit.`,
				`bound = (ceil(N/L) - 1)·W + s for all N calls the store counted, sent in parallel (s = ${config.latencyMs} ms).`,
			],
			columns: [
				'requests',
				'429s',
				'counted',
				'wall',
				'bound',
				'wall ÷ bound',
				'lost',
				'duplicated',
				'double-written',
			],
			rows: [
				[
					run.length,
					tooMany,
					counted,
					seconds(wallMs),
					seconds(boundMs),
					ratio.toFixed(2),
					lost,
					duplicated,
					doubled,
				],
			],
			checks,
			notes: [
				'The same run in real n8n (main + 2 `n8n worker`s, PostgreSQL, Redis): npm run bench -- --only queueModeN8n; at small sizes it is part of npm run test:e2e (test/e2e/queueMode.ts).',
			],
		};
	} finally {
		await sim.stop();
	}
}

/** Issue 15's targets for one store shared by several processes. */
export function queueChecks(figures: {
	lost: number;
	duplicated: number;
	doubled: number;
	tooMany: number;
	requests: number;
	ratio: number;
}): Check[] {
	const share = (100 * figures.tooMany) / Math.max(1, figures.requests);
	return [
		{
			what: 'records lost',
			measured: String(figures.lost),
			target: '0',
			pass: figures.lost === 0,
		},
		{
			what: 'records duplicated (Return All)',
			measured: String(figures.duplicated),
			target: '0',
			pass: figures.duplicated === 0,
		},
		{
			what: 'records double-written',
			measured: String(figures.doubled),
			target: '0',
			pass: figures.doubled === 0,
		},
		{
			what: '429s ÷ requests',
			measured: `${share.toFixed(2)} %`,
			target: '≤ 1 %',
			pass: share <= 1,
		},
		{
			what: 'wall ÷ bound',
			measured: figures.ratio.toFixed(2),
			target: '≤ 1.3',
			pass: figures.ratio <= 1.3,
		},
	];
}
