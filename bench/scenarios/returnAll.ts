/**
 * Scenario 1: Order → Get Many with Return All over 10,000 orders, at the default page size and
 * at the largest the simulator allows. Each page size runs in pairs on fresh stores: without a
 * budget, to learn the time one request takes (s), and within the budget; the bound uses s. The
 * median of the repeats is reported, because one garbage collection can move a 1 s run by 10 %.
 */
import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../nodes/CartCom/transport';
import { BOUND_FORMULA, naiveBoundMs, peakCallsInWindow, serialBoundMs } from '../bound';
import { budgetLabel, type BenchConfig } from '../config';
import {
	collectGarbage,
	countStatus,
	median,
	progress,
	runAction,
	startBenchStore,
	timed,
	type StoreSetup,
} from '../harness';
import { ratio, seconds, type Check, type Section } from '../report';

const TARGET_RATIO = 1.1;

interface Run {
	items: number;
	distinctIds: number;
	requests: number;
	tooMany: number;
	ms: number;
	peakInWindow: number;
}

async function returnAllOrders(
	config: BenchConfig,
	pageSize: number,
	budget: StoreSetup['budget'],
): Promise<Run> {
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { orders: config.orders, customers: 500, products: 100 },
		latencyMs: config.latencyMs,
		budget,
	});
	try {
		collectGarbage();
		const { result: items, ms } = await timed(() =>
			runAction(new CartCom(), sim, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				options: { pageSize },
			}),
		);
		return {
			items: items.length,
			distinctIds: new Set(items.map((item) => item.json.id)).size,
			requests: sim.requests.length,
			tooMany: countStatus(sim, 429),
			ms,
			peakInWindow: peakCallsInWindow(
				sim.requests.map((request) => request.at),
				budget ? budget.windowMs : 10_000,
			),
		};
	} finally {
		await sim.stop();
	}
}

export async function returnAllScenario(config: BenchConfig): Promise<Section> {
	const { limit, windowMs } = config;
	const rows: Section['rows'] = [];
	const checks: Check[] = [];
	for (const pageSize of [DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]) {
		const freeRuns: Run[] = [];
		const runs: Run[] = [];
		for (let repeat = 1; repeat <= config.repeats; repeat++) {
			progress(
				`Return All, page size ${pageSize}, run ${repeat}/${config.repeats}: without a budget, then within ${budgetLabel(limit, windowMs)}`,
			);
			freeRuns.push(await returnAllOrders(config, pageSize, false));
			runs.push(await returnAllOrders(config, pageSize, { limit, windowMs }));
		}
		const freeMs = median(freeRuns.map((run) => run.ms));
		const serviceMs = freeMs / freeRuns[0].requests;
		const wallMs = median(runs.map((run) => run.ms));
		const requests = runs[0].requests;
		const tooMany = runs.reduce((sum, run) => sum + run.tooMany, 0);
		const peakInWindow = Math.max(...runs.map((run) => run.peakInWindow));
		const boundMs = serialBoundMs(requests, limit, windowMs, serviceMs);
		const wallRatio = wallMs / boundMs;
		rows.push([
			pageSize,
			runs[0].items,
			requests,
			tooMany,
			`${serviceMs.toFixed(0)} ms`,
			seconds(freeMs),
			seconds(wallMs),
			seconds(boundMs),
			ratio(wallRatio),
			seconds(naiveBoundMs(requests, limit, windowMs)),
			`${peakInWindow}/${limit}`,
		]);
		const complete = runs.every(
			(run) => run.items === config.orders && run.distinctIds === config.orders,
		);
		checks.push(
			{
				what: `page ${pageSize}: wall ÷ bound`,
				measured: ratio(wallRatio),
				target: `≤ ${TARGET_RATIO}`,
				pass: wallRatio <= TARGET_RATIO,
			},
			{
				what: `page ${pageSize}: 429s`,
				measured: String(tooMany),
				target: '0',
				pass: tooMany === 0,
			},
			{
				what: `page ${pageSize}: each order once`,
				measured: runs.map((run) => `${run.distinctIds}/${run.items}`).join(', '),
				target: `${config.orders}/${config.orders}`,
				pass: complete,
			},
		);
	}
	return {
		title: `1. Return All: ${config.orders.toLocaleString('en-US')} orders`,
		setup: [
			`budget ${budgetLabel(limit, windowMs)} (rolling window), latency ${config.latencyMs} ms per request; ` +
				`median of ${config.repeats} run(s) per figure, each on a fresh store; 429s summed over all runs`,
			BOUND_FORMULA,
		],
		columns: [
			'page size',
			'items',
			'requests',
			'429s',
			's',
			'wall, no limit',
			'wall',
			'bound',
			'wall ÷ bound',
			'N·W/L',
			'peak calls/window',
		],
		rows,
		checks,
		notes: [
			'items / each order once: distinct ids / items returned, per run.',
			's = one request’s time (latency + serving + parsing) in the run without a limit; the bound is the fastest a one-page-at-a-time client can go within the budget.',
			'N·W/L is "requests ÷ allowed rate", which ignores the free first window: shown for comparison, not used.',
			'The client waits 150 ms beyond each window (the transport’s safety margin), which is most of the gap to the bound in short windows.',
			'peak calls/window = most requests that reached the store within any one window (it must not exceed L).',
		],
	};
}
