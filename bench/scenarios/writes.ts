/**
 * Scenario 3: many writes one at a time vs with Parallel Requests (writeOptions.concurrency), for
 * Inventory → Set and Order → Create Shipment, each on a fresh store. The budget is set high enough
 * that a sequential run is limited by latency, which is what parallel requests can win back; a
 * last run does parallel writes under the tight read budget, where the budget must win instead.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { peakCallsInWindow, serialBoundMs } from '../bound';
import { budgetLabel, type BenchConfig } from '../config';
import {
	collectGarbage,
	countStatus,
	progress,
	runAction,
	startBenchStore,
	timed,
	type Simulator,
} from '../harness';
import { seconds, times, type Check, type Section } from '../report';

const TARGET_SPEEDUP = 3;

interface Budget {
	limit: number;
	windowMs: number;
}

interface WriteRun {
	ms: number;
	requests: number;
	tooMany: number;
	peakInWindow: number;
	/** Items that failed (continue-on-fail error items); none are expected without faults. */
	errors: number;
	/** Whether the store holds exactly what was asked for, each write applied once. */
	verified: boolean;
}

interface Workload {
	label: string;
	/** Requests each item makes. */
	callsPerItem: number;
	setUp(sim: Simulator, count: number): IDataObject[];
	parameters: INodeParameters;
	verify(sim: Simulator, input: IDataObject[], output: INodeExecutionData[]): boolean;
	sizes(count: number): Record<string, number>;
}

/** Products that hold their own stock (no variant rows), enough for one write each. */
function plainProductIds(sim: Simulator, count: number): number[] {
	const ids = sim.store
		.list('products')
		.filter((product) => !product.use_variant_inventory)
		.map((product) => product.id as number);
	if (ids.length < count)
		throw new Error(`only ${ids.length} products without variant inventory, need ${count}`);
	return ids.slice(0, count);
}

export const inventorySet: Workload = {
	label: 'Inventory → Set',
	callsPerItem: 1,
	sizes: (count) => ({ products: Math.ceil(count / 0.6) + 20, orders: 0, customers: 10 }),
	setUp: (sim, count) =>
		plainProductIds(sim, count).map((productId, k) => ({ productId, qty: 1000 + k })),
	parameters: {
		resource: 'inventory',
		operation: 'set',
		identifierType: 'product_id',
		identifierValue: '={{ $json.productId }}',
		quantity: '={{ $json.qty }}',
	},
	verify(sim, input) {
		return (
			sim.store.writeCount('products') === input.length &&
			input.every(
				(row) => sim.store.get('products', row.productId as number)?.quantity_on_hand === row.qty,
			)
		);
	},
};

/** Orders with at least one item, their shipments removed so each needs exactly one new shipment. */
function unshippedOrderIds(sim: Simulator, count: number): number[] {
	const withItems = new Set(sim.store.list('order_items').map((item) => item.order_id as number));
	const ids = sim.store
		.list('orders')
		.map((order) => order.id as number)
		.filter((id) => withItems.has(id))
		.slice(0, count);
	if (ids.length < count) throw new Error(`only ${ids.length} orders with items, need ${count}`);
	const chosen = new Set(ids);
	for (const shipment of sim.store.list('order_shipments')) {
		if (chosen.has(shipment.order_id as number))
			sim.store.remove('order_shipments', shipment.id as number);
	}
	return ids;
}

export const shipmentsPerOrder = (sim: Simulator): Map<number, number> => {
	const counts = new Map<number, number>();
	for (const shipment of sim.store.list('order_shipments')) {
		const orderId = shipment.order_id as number;
		counts.set(orderId, (counts.get(orderId) ?? 0) + 1);
	}
	return counts;
};

export const SHIPMENT_PARAMETERS: INodeParameters = {
	resource: 'order',
	operation: 'createShipment',
	recordId: { __rl: true, mode: 'id', value: '={{ $json.orderId }}' },
	trackingNumbers: '={{ $json.tracking }}',
	carrier: 'UPS',
	itemsToShip: 'allUnshipped',
};

export const createShipments: Workload = {
	label: 'Order → Create Shipment',
	// Reads the order's shipments and items (so a re-run never ships twice), then one POST.
	callsPerItem: 3,
	sizes: (count) => ({ orders: count + 20, customers: 200, products: 60, maxItemsPerOrder: 3 }),
	setUp: (sim, count) =>
		unshippedOrderIds(sim, count).map((orderId) => ({ orderId, tracking: `1ZBENCH${orderId}` })),
	parameters: SHIPMENT_PARAMETERS,
	verify(sim, input) {
		const counts = shipmentsPerOrder(sim);
		return input.every((row) => counts.get(row.orderId as number) === 1);
	},
};

async function runWrites(
	config: BenchConfig,
	workload: Workload,
	count: number,
	concurrency: number,
	budget: Budget,
): Promise<WriteRun> {
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: workload.sizes(count),
		latencyMs: config.latencyMs,
		budget,
	});
	try {
		const input = workload.setUp(sim, count);
		const writesBefore = sim.store.writeCount();
		collectGarbage();
		const { result: output, ms } = await timed(() =>
			runAction(
				new CartCom(),
				sim,
				{ ...workload.parameters, writeOptions: { concurrency } },
				input,
				true,
			),
		);
		const errors = output.filter((item) => item.json.error !== undefined).length;
		return {
			ms,
			requests: sim.requests.length,
			tooMany: countStatus(sim, 429),
			peakInWindow: peakCallsInWindow(
				sim.requests.map((request) => request.at),
				budget.windowMs,
			),
			errors,
			verified:
				errors === 0 &&
				output.length === count &&
				sim.store.writeCount() - writesBefore === count &&
				workload.verify(sim, input, output),
		};
	} finally {
		await sim.stop();
	}
}

/** The fastest a run can go with C requests in flight: latency-bound or budget-bound, whichever is slower. */
function parallelBoundMs(
	calls: number,
	concurrency: number,
	serviceMs: number,
	budget: Budget,
): number {
	return Math.max(
		(calls * serviceMs) / concurrency,
		serialBoundMs(calls, budget.limit, budget.windowMs, 0) + serviceMs,
	);
}

export async function writesScenario(config: BenchConfig): Promise<Section> {
	const roomy: Budget = { limit: config.writeLimit, windowMs: config.windowMs };
	const tight: Budget = { limit: config.limit, windowMs: config.windowMs };
	const concurrency = config.writeConcurrency;
	const rows: Section['rows'] = [];
	const checks: Check[] = [];
	const row = (
		label: string,
		count: number,
		c: number,
		budget: Budget,
		run: WriteRun,
		extra: string[],
	) =>
		rows.push([
			label,
			count,
			c,
			budgetLabel(budget.limit, budget.windowMs),
			run.requests,
			run.tooMany,
			`${run.peakInWindow}/${budget.limit}`,
			seconds(run.ms),
			run.verified ? 'yes' : 'NO',
			...extra,
		]);

	for (const [workload, count] of [
		[inventorySet, config.writes],
		[createShipments, config.shipmentWrites],
	] as const) {
		progress(`${workload.label}: ${count} items one at a time`);
		const sequential = await runWrites(config, workload, count, 1, roomy);
		progress(`${workload.label}: ${count} items, ${concurrency} in parallel`);
		const parallel = await runWrites(config, workload, count, concurrency, roomy);
		const speedup = sequential.ms / parallel.ms;
		const serviceMs = sequential.ms / sequential.requests;
		const ceiling =
			sequential.ms / parallelBoundMs(parallel.requests, concurrency, serviceMs, roomy);
		row(workload.label, count, 1, roomy, sequential, ['', '']);
		row(workload.label, count, concurrency, roomy, parallel, [times(speedup), times(ceiling)]);
		checks.push(
			{
				what: `${workload.label}: speed-up`,
				measured: times(speedup),
				target: `≥ ${TARGET_SPEEDUP}x`,
				pass: speedup >= TARGET_SPEEDUP,
			},
			{
				what: `${workload.label}: 429s`,
				measured: String(sequential.tooMany + parallel.tooMany),
				target: '0',
				pass: sequential.tooMany + parallel.tooMany === 0,
			},
			{
				what: `${workload.label}: each write applied once`,
				measured: sequential.verified && parallel.verified ? 'yes' : 'no',
				target: 'yes',
				pass: sequential.verified && parallel.verified,
			},
		);
	}

	const tightCount = Math.min(config.writes, config.limit * 10);
	progress(
		`${inventorySet.label}: ${tightCount} items, ${concurrency} in parallel, within ${budgetLabel(tight.limit, tight.windowMs)}`,
	);
	const squeezed = await runWrites(config, inventorySet, tightCount, concurrency, tight);
	const budgetBound = serialBoundMs(squeezed.requests, tight.limit, tight.windowMs, 0);
	row(`${inventorySet.label} (tight budget)`, tightCount, concurrency, tight, squeezed, [
		'',
		`bound ${seconds(budgetBound)}`,
	]);
	checks.push(
		{
			what: 'parallel, tight budget: 429s / peak',
			measured: `${squeezed.tooMany} / ${squeezed.peakInWindow}`,
			target: `0 / ≤ ${tight.limit}`,
			pass: squeezed.tooMany === 0 && squeezed.peakInWindow <= tight.limit,
		},
		{
			what: 'parallel, tight budget: applied once',
			measured: squeezed.verified ? 'yes' : 'no',
			target: 'yes',
			pass: squeezed.verified,
		},
	);

	return {
		title: '3. Writes: one at a time vs Parallel Requests',
		setup: [
			`latency ${config.latencyMs} ms; budget ${budgetLabel(roomy.limit, roomy.windowMs)} (roomy, so latency limits the sequential run) and ${budgetLabel(tight.limit, tight.windowMs)} (tight)`,
			`Create Shipment makes ${createShipments.callsPerItem} requests per item (reads the order's shipments and items, then POSTs), Inventory → Set one`,
		],
		columns: [
			'operation',
			'items',
			'parallel',
			'budget',
			'requests',
			'429s',
			'peak calls/window',
			'wall',
			'verified',
			'speed-up',
			'ceiling',
		],
		rows,
		checks,
		notes: [
			'speed-up = sequential wall ÷ parallel wall. ceiling = the best possible speed-up here: sequential wall ÷ max(requests·s ÷ parallel, budget bound), s = sequential wall ÷ requests.',
			'verified = every item succeeded, the store holds exactly the values sent, and the store counted exactly one applied write per item.',
			'peak calls/window = most requests that reached the store within any one window (it must not exceed the limit).',
			'tight budget: the speed-up is capped by the budget; what matters is that parallel requests wait for it (no 429) rather than overrun it; bound = (ceil(N/L) - 1)·W.',
		],
	};
}
