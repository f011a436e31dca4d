/**
 * Scenario 5: a fault soak. The simulator fails a share of requests (500/503, connection resets,
 * truncated JSON, spurious 429s, in equal parts), and writes are applied BEFORE the fault is
 * returned, so a client that repeats a write blindly would apply it twice. Counted:
 * - Return All of the orders: records lost or returned twice;
 * - trigger polls while orders change and are created, also during the polls: versions lost or emitted twice;
 * - writes (Inventory → Add, Order → Create Shipment run twice): writes applied more than once,
 *   and failed items that were applied without an error saying they may have been.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { budgetLabel, type BenchConfig } from '../config';
import { pollOnce, progress, runAction, sleep, startBenchStore, type Simulator } from '../harness';
import { type Check, type Section } from '../report';
import { loadTrigger, triggerUnavailable } from './triggerIdle';
import { SHIPMENT_PARAMETERS, shipmentsPerOrder } from './writes';
import type { FaultOptions, SimRecord } from '../../test/simulator';

/** What an error must say when the write may have reached the store. */
const MAY_HAVE_BEEN_APPLIED =
	/may (already )?have been applied|check the (store|record) before running again/i;

function faultMix(rate: number): FaultOptions {
	const share = rate / 4;
	return {
		errorRate: share,
		resetRate: share,
		malformedRate: share,
		rateLimitRate: share,
		applyWritesBeforeFault: true,
	};
}

const statusCounts = (sim: Simulator) => {
	const counts = { total: sim.requests.length, errors: 0, resets: 0, tooMany: 0 };
	for (const request of sim.requests) {
		if (request.status === 0) counts.resets++;
		else if (request.status === 429) counts.tooMany++;
		else if (request.status >= 500) counts.errors++;
	}
	return counts;
};

const faultSummary = (sim: Simulator) => {
	const counts = statusCounts(sim);
	return `${counts.total} requests: ${counts.errors} 5xx, ${counts.resets} resets, ${counts.tooMany} 429s, truncated bodies logged as 200`;
};

// ---- Return All ---------------------------------------------------------------------------

async function returnAllUnderFaults(
	config: BenchConfig,
	rows: Section['rows'],
	checks: Check[],
): Promise<void> {
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { orders: config.orders, customers: 500, products: 100 },
		latencyMs: config.latencyMs,
		budget: { limit: config.limit, windowMs: config.windowMs },
		faults: faultMix(config.faultRate),
	});
	try {
		progress(
			`soak: Return All of ${config.orders} orders under ${config.faultRate * 100} % faults`,
		);
		const expected = sim.store.list('orders').map((order) => order.id as number);
		let returned: unknown[] = [];
		let failure = '';
		try {
			const items = await runAction(new CartCom(), sim, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			});
			returned = items.map((item) => item.json.id);
		} catch (error) {
			failure = error instanceof Error ? error.message : String(error);
		}
		const distinct = new Set(returned);
		const lost = expected.filter((id) => !distinct.has(id)).length;
		const duplicated = returned.length - distinct.size;
		rows.push([
			'Return All (orders)',
			faultSummary(sim),
			`${returned.length} returned, ${distinct.size} distinct${failure ? `; run failed: ${failure}` : ''}`,
			lost,
			duplicated,
			'-',
		]);
		checks.push({
			what: 'Return All: lost / duplicated',
			measured: `${lost} / ${duplicated}`,
			target: '0 / 0',
			pass: lost === 0 && duplicated === 0,
		});
	} finally {
		await sim.stop();
	}
}

// ---- Trigger polls ------------------------------------------------------------------------

interface LedgerVersion {
	/** `id@updated_at` for Order Updated, `id` for Order Created. */
	key: string;
	/** Wall-clock span (performance.now) in which this version was the record's current one. */
	since: number;
	until?: number;
}

/**
 * Every change made to the store during the soak, with when it happened, so that what a poll must
 * have emitted is known: each version that was current during the WHOLE of a successful poll.
 */
class ChangeLedger {
	readonly updates: LedgerVersion[] = [];
	readonly creations: LedgerVersion[] = [];
	private readonly current = new Map<number, LedgerVersion>();
	private serial = 0;
	constructor(
		private readonly sim: Simulator,
		private readonly pool: number[],
	) {}

	private random<T>(values: T[]): T {
		return values[Math.floor(Math.random() * values.length)];
	}

	private record(id: number, updatedAt: unknown): void {
		const now = performance.now();
		const previous = this.current.get(id);
		if (previous) previous.until = now;
		const version: LedgerVersion = { key: `${id}@${String(updatedAt)}`, since: now };
		this.current.set(id, version);
		this.updates.push(version);
	}

	update(): void {
		const id = this.random(this.pool);
		const record = this.sim.store.update('orders', id, {
			admin_comments: `soak change ${++this.serial}`,
		});
		this.record(id, record.updated_at);
	}

	create(): void {
		const template: SimRecord = { ...this.sim.store.get('orders', this.random(this.pool)) };
		delete template.id;
		delete template.created_at;
		delete template.updated_at;
		const record = this.sim.store.create('orders', {
			...template,
			order_number: `SOAK-${++this.serial}`,
		});
		const id = record.id as number;
		this.record(id, record.updated_at);
		this.creations.push({ key: String(id), since: performance.now() });
		this.pool.push(id);
	}

	/** A few changes and now and then a new order. */
	burst(maxChanges: number): void {
		const changes = Math.floor(Math.random() * (maxChanges + 1));
		for (let k = 0; k < changes; k++) this.update();
		if (Math.random() < 0.3) this.create();
	}

	/** The record's version now (what a final poll must have emitted). */
	finalVersions(): LedgerVersion[] {
		return [...this.current.values()];
	}
}

interface Feed {
	label: string;
	parameters: INodeParameters;
	staticData: IDataObject;
	emitted: Map<string, number>;
	keyOf: (json: IDataObject) => string;
	versions: (ledger: ChangeLedger) => LedgerVersion[];
	/** Versions a successful poll should have emitted by its end but had not. */
	missed: Set<string>;
	failedPolls: number;
	polls: number;
}

function newFeed(
	label: string,
	event: string,
	keyOf: Feed['keyOf'],
	versions: Feed['versions'],
): Feed {
	return {
		label,
		parameters: { event, simplify: false },
		staticData: {},
		emitted: new Map(),
		keyOf,
		versions,
		missed: new Set(),
		failedPolls: 0,
		polls: 0,
	};
}

/** One poll; checks that every version current throughout it has been emitted by its end. */
async function pollFeed(
	trigger: INodeType,
	sim: Simulator,
	feed: Feed,
	ledger: ChangeLedger,
): Promise<boolean> {
	feed.polls++;
	const started = performance.now();
	let items: INodeExecutionData[];
	try {
		items = await pollOnce(trigger, sim, feed.parameters, feed.staticData);
	} catch {
		feed.failedPolls++; // the cursor stays where it was; the next poll reads the same changes again
		return false;
	}
	const ended = performance.now();
	for (const item of items) {
		const key = feed.keyOf(item.json);
		feed.emitted.set(key, (feed.emitted.get(key) ?? 0) + 1);
	}
	for (const version of feed.versions(ledger)) {
		const visibleThroughout =
			version.since < started && (version.until === undefined || version.until > ended);
		if (visibleThroughout && !feed.emitted.has(version.key)) feed.missed.add(version.key);
	}
	return items.length > 0;
}

async function triggerUnderFaults(
	config: BenchConfig,
	trigger: INodeType,
	rows: Section['rows'],
	checks: Check[],
): Promise<void> {
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { orders: 2000, customers: 200, products: 60 },
		latencyMs: config.latencyMs,
		budget: { limit: config.limit, windowMs: config.windowMs },
		faults: faultMix(config.faultRate),
	});
	const ledger = new ChangeLedger(
		sim,
		sim.store.list('orders').map((order) => order.id as number),
	);
	const updated = newFeed(
		'Order Updated',
		'orderUpdated',
		(json) => `${String(json.id)}@${String(json.updated_at)}`,
		(l) => l.updates,
	);
	const created = newFeed(
		'Order Created',
		'orderCreated',
		(json) => String(json.id),
		(l) => l.creations,
	);
	const feeds = [updated, created];
	try {
		progress(
			`soak: ${config.soakPolls} polls of each of Order Updated and Order Created while orders change`,
		);
		// Activation (remembers where the store is); repeated until it gets through the faults.
		for (const feed of feeds) {
			for (
				let attempt = 0;
				attempt < 20 && feed.staticData['node:Cart.com Trigger'] === undefined;
				attempt++
			) {
				await pollFeed(trigger, sim, feed, ledger);
			}
		}
		// Changes also land while a poll is in flight: on a third of the requests the store receives.
		const stopChangingMidPoll = sim.onRequest(() => {
			if (Math.random() < 0.33) ledger.burst(2);
		});
		for (let round = 0; round < config.soakPolls; round++) {
			ledger.burst(6);
			for (const feed of feeds) await pollFeed(trigger, sim, feed, ledger);
		}
		stopChangingMidPoll();
		const faultLog = faultSummary(sim);
		// Drain without faults: whatever is still pending must now come out, once.
		sim.options.faults = {};
		for (const feed of feeds) {
			for (let k = 0; k < 10 && (await pollFeed(trigger, sim, feed, ledger)); k++) await sleep(10);
		}

		const report = (feed: Feed, finals: LedgerVersion[]) => {
			// Lost: never emitted, though current throughout a successful poll or still current at the end.
			const lost = new Set(
				[...feed.missed, ...finals.map((version) => version.key)].filter(
					(key) => !feed.emitted.has(key),
				),
			).size;
			// Late: not emitted by a poll it was current throughout, but by a later one.
			const late = [...feed.missed].filter((key) => feed.emitted.has(key)).length;
			const duplicated = [...feed.emitted.values()].filter((count) => count > 1).length;
			const total = [...feed.emitted.values()].reduce((sum, count) => sum + count, 0);
			rows.push([
				`Trigger ${feed.label}`,
				faultLog,
				`${feed.polls} polls (${feed.failedPolls} failed, retried by the next); ${feed.versions(ledger).length} versions made, ${total} emitted, ${late} late`,
				lost,
				duplicated,
				'-',
			]);
			checks.push(
				{
					what: `Trigger ${feed.label}: lost / emitted twice`,
					measured: `${lost} / ${duplicated}`,
					target: '0 / 0',
					pass: lost === 0 && duplicated === 0,
				},
				{
					what: `Trigger ${feed.label}: emitted a poll late`,
					measured: String(late),
					target: '0',
					pass: late === 0,
				},
			);
		};
		report(updated, ledger.finalVersions());
		report(created, ledger.creations);
	} finally {
		await sim.stop();
	}
}

// ---- Writes -------------------------------------------------------------------------------

interface WriteOutcome {
	ok: number;
	/** Failed with an error that says the write may have been applied. */
	failedWarned: number;
	failedSilently: number;
	errorText: string[];
}

function outcomes(output: INodeExecutionData[]): WriteOutcome {
	const result: WriteOutcome = { ok: 0, failedWarned: 0, failedSilently: 0, errorText: [] };
	for (const item of output) {
		if (item.json.error === undefined) {
			result.ok++;
			continue;
		}
		const text = `${String(item.json.error)} ${String(item.json.description ?? '')}`;
		result.errorText.push(text);
		if (MAY_HAVE_BEEN_APPLIED.test(text)) result.failedWarned++;
		else result.failedSilently++;
	}
	return result;
}

async function inventoryAddUnderFaults(
	config: BenchConfig,
	rows: Section['rows'],
	checks: Check[],
): Promise<void> {
	const count = config.soakWrites;
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { products: Math.ceil(count / 0.6) + 20, orders: 0, customers: 10 },
		latencyMs: config.latencyMs,
		budget: { limit: config.writeLimit, windowMs: config.windowMs },
	});
	try {
		progress(`soak: ${count} × Inventory → Add under faults (writes applied before the fault)`);
		const products = sim.store
			.list('products')
			.filter((product) => !product.use_variant_inventory)
			.slice(0, count);
		const before = new Map(
			products.map((product) => [product.id as number, product.quantity_on_hand as number]),
		);
		const writesBefore = sim.store.writeCount('products');
		sim.options.faults = faultMix(config.faultRate);
		const output = await runAction(
			new CartCom(),
			sim,
			{
				resource: 'inventory',
				operation: 'add',
				identifierType: 'product_id',
				identifierValue: '={{ $json.productId }}',
				quantity: 1,
				writeOptions: { concurrency: config.writeConcurrency },
			},
			products.map((product) => ({ productId: product.id as number })),
			true,
		);
		const faultLog = faultSummary(sim);
		let doubled = 0;
		let lostWrites = 0;
		let unwarned = 0;
		output.forEach((item, index) => {
			const id = products[index].id as number;
			const applied = (sim.store.get('products', id)!.quantity_on_hand as number) - before.get(id)!;
			const failed = item.json.error !== undefined;
			if (applied > 1) doubled++;
			if (!failed && applied === 0) lostWrites++;
			if (
				failed &&
				applied === 1 &&
				!MAY_HAVE_BEEN_APPLIED.test(
					`${String(item.json.error)} ${String(item.json.description ?? '')}`,
				)
			)
				unwarned++;
		});
		const result = outcomes(output);
		const applied = sim.store.writeCount('products') - writesBefore;
		rows.push([
			'Inventory → Add (1 unit each)',
			faultLog,
			`${count} items: ${result.ok} ok, ${result.failedWarned} failed saying "may have been applied"; ${applied} writes applied`,
			lostWrites,
			`${doubled} applied twice`,
			unwarned,
		]);
		checks.push(
			{
				what: 'Inventory → Add: double-written',
				measured: String(doubled),
				target: '0',
				pass: doubled === 0,
			},
			{
				what: 'Inventory → Add: ok but not applied',
				measured: String(lostWrites),
				target: '0',
				pass: lostWrites === 0,
			},
			{
				what: 'Inventory → Add: applied, error without warning',
				measured: String(unwarned),
				target: '0',
				pass: unwarned === 0 && output.length === count,
			},
		);
	} finally {
		await sim.stop();
	}
}

async function shipmentsUnderFaults(
	config: BenchConfig,
	rows: Section['rows'],
	checks: Check[],
): Promise<void> {
	const count = Math.max(10, Math.round(config.soakWrites / 3));
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { orders: count + 20, customers: 100, products: 60, maxItemsPerOrder: 3 },
		latencyMs: config.latencyMs,
		budget: { limit: config.writeLimit, windowMs: config.windowMs },
	});
	try {
		progress(
			`soak: Create Shipment for ${count} orders under faults, run twice, then once without faults`,
		);
		const withItems = new Set(sim.store.list('order_items').map((item) => item.order_id as number));
		const orderIds = sim.store
			.list('orders')
			.map((order) => order.id as number)
			.filter((id) => withItems.has(id))
			.slice(0, count);
		const chosen = new Set(orderIds);
		for (const shipment of sim.store.list('order_shipments')) {
			if (chosen.has(shipment.order_id as number))
				sim.store.remove('order_shipments', shipment.id as number);
		}
		const input = orderIds.map((orderId) => ({ orderId, tracking: `1ZSOAK${orderId}` }));
		const parameters = {
			...SHIPMENT_PARAMETERS,
			writeOptions: { concurrency: config.writeConcurrency },
		};
		const runs: WriteOutcome[] = [];
		let unwarned = 0;
		const writesBefore = sim.store.writeCount('order_shipments');
		sim.options.faults = faultMix(config.faultRate);
		for (let run = 0; run < 2; run++) {
			const before = shipmentsPerOrder(sim);
			const output = await runAction(new CartCom(), sim, parameters, input, true);
			const after = shipmentsPerOrder(sim);
			output.forEach((item, index) => {
				const orderId = orderIds[index];
				const createdNow = (after.get(orderId) ?? 0) > (before.get(orderId) ?? 0);
				if (
					item.json.error !== undefined &&
					createdNow &&
					!MAY_HAVE_BEEN_APPLIED.test(
						`${String(item.json.error)} ${String(item.json.description ?? '')}`,
					)
				)
					unwarned++;
			});
			runs.push(outcomes(output));
		}
		const faultLog = faultSummary(sim);
		sim.options.faults = {};
		const clean = outcomes(await runAction(new CartCom(), sim, parameters, input, true));
		const counts = shipmentsPerOrder(sim);
		const doubled = orderIds.filter((id) => (counts.get(id) ?? 0) > 1).length;
		const missing = orderIds.filter((id) => (counts.get(id) ?? 0) === 0).length;
		// Cart.com upserts a shipment by (order, shipment name), so a repeated POST leaves one record but
		// is still a second write: the store's count of applied writes shows it.
		const shipments = orderIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
		const repeatedWrites = sim.store.writeCount('order_shipments') - writesBefore - shipments;
		rows.push([
			'Create Shipment (run, re-run)',
			faultLog,
			`${count} orders; ok per run: ${runs.map((run) => run.ok).join(', ')}, then ${clean.ok} without faults; ${shipments} shipments, ${shipments + repeatedWrites} writes applied`,
			missing,
			`${doubled} orders with 2+ shipments, ${repeatedWrites} writes repeated`,
			unwarned,
		]);
		checks.push(
			{
				what: 'Create Shipment: double-written',
				measured: `${doubled} orders, ${repeatedWrites} writes`,
				target: '0, 0',
				pass: doubled === 0 && repeatedWrites === 0,
			},
			{
				what: 'Create Shipment: missing after re-runs',
				measured: String(missing),
				target: '0',
				pass: missing === 0,
			},
			{
				what: 'Create Shipment: applied, error without warning',
				measured: String(unwarned),
				target: '0',
				pass: unwarned === 0,
			},
		);
	} finally {
		await sim.stop();
	}
}

export async function faultSoakScenario(config: BenchConfig): Promise<Section> {
	const rows: Section['rows'] = [];
	const checks: Check[] = [];
	const setup = [
		`${config.faultRate * 100} % of requests fail: 500/503, reset, truncated JSON and spurious 429 in equal parts; writes are applied before their fault is returned`,
		`reads within ${budgetLabel(config.limit, config.windowMs)}, writes within ${budgetLabel(config.writeLimit, config.windowMs)}, latency ${config.latencyMs} ms; items run with Continue On Fail`,
	];
	await returnAllUnderFaults(config, rows, checks);
	const trigger = loadTrigger();
	if (trigger) await triggerUnderFaults(config, trigger, rows, checks);
	else rows.push(['Trigger', ...triggerUnavailable('').rows[0], '-', '-', '-', '-']);
	await inventoryAddUnderFaults(config, rows, checks);
	await shipmentsUnderFaults(config, rows, checks);
	return {
		title: '5. Fault soak',
		setup,
		columns: [
			'workload',
			'faults seen',
			'outcome',
			'lost',
			'duplicated / double-written',
			'applied but error without warning',
		],
		rows,
		checks,
		notes: [
			'Return All lost/duplicated: order ids missing from / repeated in the output.',
			'Trigger: a version (Updated: id + updated_at; Created: id) must be emitted by every successful poll during the whole of which it was current, and every record’s last version by the final polls (run without faults). lost = never emitted; late = emitted only by a later poll; emitted twice = the same version emitted more than once. Versions overwritten while a poll ran may legitimately never be seen.',
			'Writes: the store’s own state decides. double-written = a unit added twice; for shipments, an order with two shipments or a write applied again (the store’s writeCount above one per shipment: Cart.com upserts a shipment by order and name, so a repeated POST leaves no second record); "ok but not applied" = an item reported as done that the store does not have.',
			'A failed write counts as warned when its error says it may have been applied (or to check the store/record before running again).',
		],
	};
}
