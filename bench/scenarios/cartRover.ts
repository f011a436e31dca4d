/**
 * Scenario 6 (issue 12, item 6): CartRover Order → Get Many (Status Any, Return All) over 5,000
 * orders against CartRover's leaky bucket (spec page "CartRover API", "Rate Limit",
 * https://versori.com/open-api-spec-library/cartrover-api: 100 calls, one drained every 0.6 s;
 * over it `{"success_code":false,"error_code":"RateLimit",...}`, often with HTTP 200). Pages of
 * 100 with no total, so 5,000 orders take 50 full pages and one empty one: 51 calls, which a fresh
 * bucket of 100 takes without binding. The row therefore measures, at twice CartRover's speed (one
 * call drained every 300 ms; at the bench's usual 5×, 120 ms, the leak is no slower than one page,
 * s = 85–160 ms with the simulator's 50 ms latency, so a one-page-at-a-time client never fills the
 * bucket and the rows would measure latency, not the bucket):
 *
 *   - no bucket: the same Return All on a store without a limit, for s (one request's time),
 *     before and after each repeat's other runs;
 *   - cold: a fresh bucket (F = 0), where the bound is N·s;
 *   - full: another app on the same API user has just filled the bucket to the brim (C calls sent
 *     at once, as a second integration polling the same account would), so every page waits on
 *     the leak;
 *   - back to back: a second Return All right after the full one, on the bucket its own calls keep
 *     full (the steady state of a workflow that pages all day).
 *
 * Each is measured on fresh stores `repeats` times; medians are reported. The bucket's fill at the
 * start of each run (F) is replayed from the times the simulator counted each call.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { CartRover } from '../../nodes/CartRover/CartRover.node';
import { configureCartRoverTransport, resetCallBudgets } from '../../nodes/CartRover/transport';
import { runNode } from '../../test/helpers/n8n';
import {
	startCartRoverSimulator,
	type CartRoverRecordedRequest,
	type CartRoverSimulator,
} from '../../test/simulator/cartRover';
import { LEAKY_BOUND_FORMULA, leakyBucketBoundMs } from '../bound';
import type { BenchConfig } from '../config';
import { collectGarbage, median, progress, timed } from '../harness';
import { ratio, seconds, type Check, type Section } from '../report';

const TARGET_RATIO = 1.1;
const LEVEL = 'merchant';

interface Bucket {
	capacity: number;
	leakMs: number;
}

/** A request as the simulator saw it, and when its bucket counted it (NaN until it was answered). */
interface Arrival {
	request: CartRoverRecordedRequest;
	countedAt: number;
}

interface Store {
	sim: CartRoverSimulator;
	arrivals: Arrival[];
}

interface Run {
	items: number;
	distinctIds: number;
	requests: number;
	rateLimited: number;
	/** RateLimit answers after the node's first answer, i.e. once the bucket's count was known to it. */
	rateLimitedAfterFirst: number;
	/** Most calls the bucket held during the run (right after counting one of the run's calls). */
	peakFill: number;
	initialFill: number;
	ms: number;
}

const bucketLabel = ({ capacity, leakMs }: Bucket) =>
	`leaky bucket of ${capacity} calls, one drained every ${leakMs} ms`;

/**
 * When the simulator's bucket counted each request. The simulator records a request, waits its
 * latency, then takes a bucket slot, runs the handler and sets the record's `status`
 * (test/simulator/cartRover/server.ts), all in one synchronous step; so the moment `status` is set
 * is when the call was counted (later by one handler's run, a few ms). The latency alone would not
 * do: calls that arrive together (another app's burst) are counted one handler after another.
 * `beforeRequest` runs once per registration, so the watcher registers itself again each time.
 */
function watchArrivals(sim: CartRoverSimulator): Arrival[] {
	const arrivals: Arrival[] = [];
	const watch = (): void => {
		sim.beforeRequest(
			() => true,
			(request) => {
				const arrival: Arrival = { request, countedAt: Number.NaN };
				let status = request.status;
				Object.defineProperty(request, 'status', {
					configurable: true,
					enumerable: true,
					get: () => status,
					set: (value: number) => {
						status = value;
						arrival.countedAt = performance.now();
					},
				});
				arrivals.push(arrival);
				watch();
			},
		);
	};
	watch();
	return arrivals;
}

async function startStore(
	config: BenchConfig,
	bucket: Bucket | 'off',
	orders: number,
): Promise<Store> {
	configureCartRoverTransport({
		// A store without a bucket must not be paced by the client's model of one either.
		bucketCapacity: bucket === 'off' ? Number.MAX_SAFE_INTEGER : bucket.capacity,
		bucketLeakMs: bucket === 'off' ? 1 : bucket.leakMs,
		// A refused call waits at least one leak, as the transport's default (600 ms) does at real speed.
		minRetryAfterMs: bucket === 'off' ? 1 : bucket.leakMs,
		baseDelayMs: 5,
		maxDelayMs: 40,
	});
	resetCallBudgets();
	const sim = await startCartRoverSimulator({
		seed: config.seed,
		orders,
		bucket,
		latencyMs: config.latencyMs,
	});
	return { sim, arrivals: watchArrivals(sim) };
}

/** Calls counted in the bucket (refusals are not), sorted by when. */
const countedTimes = (arrivals: Arrival[], user: string) =>
	arrivals
		.filter(
			({ request, countedAt }) =>
				request.apiUser === user && request.errorCode !== 'RateLimit' && !Number.isNaN(countedAt),
		)
		.map(({ countedAt }) => countedAt)
		.sort((a, b) => a - b);

/**
 * Replays the simulator's bucket (the same continuous drain, never below empty) over the counted
 * calls: its fill at `at`, and the most it held right after a call counted at or after `from`.
 */
function replayBucket(
	times: number[],
	bucket: Bucket,
	from: number,
	at: number,
): { fill: number; peak: number } {
	let level = 0;
	let last = Number.NEGATIVE_INFINITY;
	let peak = 0;
	for (const time of times) {
		if (time >= at) break;
		if (last > Number.NEGATIVE_INFINITY) level = Math.max(0, level - (time - last) / bucket.leakMs);
		level += 1;
		last = time;
		if (time >= from) peak = Math.max(peak, level);
	}
	return {
		fill: last > Number.NEGATIVE_INFINITY ? Math.max(0, level - (at - last) / bucket.leakMs) : 0,
		peak,
	};
}

function credentialsOf(sim: CartRoverSimulator) {
	const keys = sim.keys[LEVEL];
	return {
		cartRoverApi: { apiUser: keys.user, apiKey: keys.key, apiLevel: LEVEL, apiUrl: sim.url },
	};
}

async function returnAll(sim: CartRoverSimulator): Promise<INodeExecutionData[]> {
	return await runNode(new CartRover(), {
		parameters: {
			resource: 'order',
			operation: 'getAll',
			status: 'any',
			returnAll: true,
			simplify: false,
		},
		credentials: credentialsOf(sim),
	});
}

/**
 * One Return All on `store`, with the bucket's fill at its start replayed from the arrivals.
 * `before` runs after the garbage collection, right before the clock starts.
 */
async function measuredRun(
	store: Store,
	bucket: Bucket | 'off',
	before?: () => Promise<void>,
): Promise<Run> {
	const { sim, arrivals } = store;
	collectGarbage();
	await before?.();
	const first = sim.requests.length;
	const startedAt = performance.now();
	const { result: items, ms } = await timed(() => returnAll(sim));
	const own = sim.requests.slice(first);
	const rateLimited = own.filter((request) => request.errorCode === 'RateLimit').length;
	const replay =
		bucket === 'off'
			? { fill: 0, peak: 0 }
			: replayBucket(countedTimes(arrivals, sim.keys[LEVEL].user), bucket, startedAt, Infinity);
	return {
		items: items.length,
		distinctIds: new Set(items.map((item) => item.json.cust_ref)).size,
		requests: own.length,
		rateLimited,
		rateLimitedAfterFirst: own.slice(1).filter((request) => request.errorCode === 'RateLimit')
			.length,
		peakFill: replay.peak,
		initialFill:
			bucket === 'off'
				? 0
				: replayBucket(countedTimes(arrivals, sim.keys[LEVEL].user), bucket, 0, startedAt).fill,
		ms,
	};
}

/**
 * Another app on the same API user fills the bucket: `calls` calls sent at once with the same keys
 * (CartRover meters per API user, spec page). Plain HTTP, not through the node, so the node's
 * transport does not know about them, as it would not know about another app's. They read the
 * merchant's order sources (`GET /cart/list`, rate limited and cheap to serve): a list of 5,000
 * orders takes the simulator ~9 ms per call, so 100 of them would be counted over ~1 s and the
 * bucket would drain meanwhile.
 */
async function fillFromAnotherApp(sim: CartRoverSimulator, capacity: number): Promise<void> {
	const { user, key } = sim.keys[LEVEL];
	const authorization = `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;
	const call = async () => {
		const response = await fetch(`${sim.url}/v1/cart/list`, {
			headers: { Authorization: authorization },
		});
		const body = (await response.json()) as { success_code?: unknown };
		return {
			accepted: body.success_code === true,
			remaining: Number(response.headers.get('x-cartrover-api-minute-hits-remaining')),
		};
	};
	const burst = await Promise.all(Array.from({ length: capacity }, call));
	const refused = burst.filter((answer) => !answer.accepted).length;
	if (refused) throw new Error(`filling the bucket: ${refused} of ${capacity} calls were refused`);
	// What drained while the burst was served is topped up, until the bucket reports no room.
	let remaining = Math.min(...burst.map((answer) => answer.remaining));
	for (let topUp = 0; remaining > 0 && topUp < 20; topUp++) remaining = (await call()).remaining;
}

interface Phase {
	label: string;
	runs: Run[];
}

export async function cartRoverScenario(config: BenchConfig): Promise<Section> {
	const bucket: Bucket = { capacity: config.bucketCapacity, leakMs: config.leakMs };
	const orders = config.cartRoverOrders;
	const free: Phase = { label: 'no bucket (measures s)', runs: [] };
	const cold: Phase = { label: 'cold: fresh bucket', runs: [] };
	const full: Phase = { label: 'full: another app just filled it', runs: [] };
	const backToBack: Phase = { label: 'back to back: the run after "full"', runs: [] };
	try {
		// One unmeasured Return All first, so that loading and compiling the node's code is not
		// counted in the first measured run (that run sets s).
		const warmUp = await startStore(config, 'off', 500);
		try {
			await returnAll(warmUp.sim);
		} finally {
			await warmUp.sim.close();
		}
		// s is measured before and after each repeat's runs with a bucket, and their mean bounds
		// them: other load on the machine moves s from one minute to the next.
		const measureService = async (when: string) => {
			progress(`CartRover Return All of ${orders} orders, ${when}: without a bucket`);
			const store = await startStore(config, 'off', orders);
			try {
				free.runs.push(await measuredRun(store, 'off'));
			} finally {
				await store.sim.close();
			}
		};
		for (let repeat = 1; repeat <= config.repeats; repeat++) {
			const of = `run ${repeat}/${config.repeats}`;
			await measureService(`${of}, before`);
			progress(`CartRover Return All, ${of}: fresh ${bucketLabel(bucket)}`);
			let store = await startStore(config, bucket, orders);
			try {
				cold.runs.push(await measuredRun(store, bucket));
			} finally {
				await store.sim.close();
			}
			progress(`CartRover Return All, ${of}: bucket filled by another app, then back to back`);
			store = await startStore(config, bucket, orders);
			try {
				const { sim } = store;
				full.runs.push(
					await measuredRun(store, bucket, () => fillFromAnotherApp(sim, bucket.capacity)),
				);
				backToBack.runs.push(await measuredRun(store, bucket));
			} finally {
				await store.sim.close();
			}
			await measureService(`${of}, after`);
		}
	} finally {
		configureCartRoverTransport('defaults');
		resetCallBudgets();
	}

	const pages = (run: Run) => run.requests - run.rateLimited;
	// Repeat r's runs are bounded with the mean s of its runs without a bucket (before and after).
	const serviceOf = cold.runs.map(
		(_, repeat) =>
			(free.runs[2 * repeat].ms / pages(free.runs[2 * repeat]) +
				free.runs[2 * repeat + 1].ms / pages(free.runs[2 * repeat + 1])) /
			2,
	);
	const serviceMs = median(serviceOf);
	const boundOf = (run: Run, repeat: number) =>
		leakyBucketBoundMs(
			pages(run),
			{ ...bucket, initialFill: run.initialFill },
			serviceOf[repeat],
			config.latencyMs,
		);
	const ratiosOf = (runs: Run[]) => runs.map((run, repeat) => run.ms / boundOf(run, repeat));
	const rows: Section['rows'] = [];
	const checks: Check[] = [];
	for (const phase of [free, cold, full, backToBack]) {
		const { runs } = phase;
		// The runs without a bucket give s; their bound would be their own time.
		const limited = phase !== free;
		const wallMs = median(runs.map((run) => run.ms));
		const boundMs = limited ? median(runs.map(boundOf)) : Number.NaN;
		const ratios = limited ? ratiosOf(runs) : [];
		const wallRatio = limited ? median(ratios) : Number.NaN;
		const rateLimited = runs.reduce((sum, run) => sum + run.rateLimited, 0);
		const afterFirst = runs.reduce((sum, run) => sum + run.rateLimitedAfterFirst, 0);
		rows.push([
			phase.label,
			limited ? median(runs.map((run) => run.initialFill)).toFixed(1) : '–',
			runs[0].items,
			runs[0].requests,
			rateLimited,
			limited ? Math.max(...runs.map((run) => run.peakFill)).toFixed(1) : '–',
			seconds(wallMs),
			limited ? seconds(boundMs) : `s = ${serviceMs.toFixed(1)} ms`,
			limited ? ratio(wallRatio) : '–',
		]);
		const complete = runs.every((run) => run.items === orders && run.distinctIds === orders);
		const what = phase.label.split(':')[0];
		if (limited) {
			checks.push({
				what: `CartRover ${what}: wall ÷ bound`,
				measured:
					runs.length > 1
						? `${ratio(wallRatio)} (${ratios.map(ratio).join(', ')})`
						: ratio(wallRatio),
				target: `≤ ${TARGET_RATIO}`,
				pass: wallRatio <= TARGET_RATIO,
			});
			checks.push(
				phase === full
					? {
							what: `CartRover ${what}: RateLimit errors once the count is known`,
							measured: `${afterFirst} (${rateLimited} in all)`,
							target: '0',
							pass: afterFirst === 0,
						}
					: {
							what: `CartRover ${what}: RateLimit errors`,
							measured: String(rateLimited),
							target: '0',
							pass: rateLimited === 0,
						},
			);
		}
		checks.push({
			what: `CartRover ${what}: each order once`,
			measured: runs.map((run) => `${run.distinctIds}/${run.items}`).join(', '),
			target: `${orders}/${orders}`,
			pass: complete,
		});
	}
	return {
		title: `6. CartRover Return All: ${orders.toLocaleString('en-US')} orders`,
		setup: [
			`${bucketLabel(bucket)} (CartRover's 100 per 0.6 s ${
				bucket.leakMs === 600 ? 'at real speed' : `at ${(600 / bucket.leakMs).toFixed(1)}× speed`
			}), latency ${config.latencyMs} ms per request, Merchant keys, Status Any, page size 100; ` +
				`median of ${config.repeats} run(s) per figure, each repeat on fresh stores and bounded with its own s; ` +
				'RateLimit errors summed over all runs; ' +
				`s = ${serviceMs.toFixed(1)} ms (${serviceOf.map((ms) => ms.toFixed(1)).join(', ')} per repeat)`,
			LEAKY_BOUND_FORMULA,
		],
		columns: [
			'run',
			'F at start',
			'items',
			'requests',
			'RateLimit',
			'peak fill',
			'wall',
			'bound',
			'wall ÷ bound',
		],
		rows,
		checks,
		notes: [
			'F at start = calls in the bucket when the Return All began, replayed from when the simulator counted each call (F = 0 when the bucket is fresh).',
			'peak fill = most calls the bucket held during the Return All (highest over the repeats; CartRover refuses a call that would take it over C). Near C: the leak paced the pages; far below: the bucket never bound.',
			's = one request’s time (latency + serving + parsing + n8n) in the run without a bucket; the bound is the fastest a one-page-at-a-time client can go through the bucket from fill F.',
			'full: the other app’s calls leave (almost) no room, so the node’s first call may be refused whatever a client does: it learns the count only from an answer (X-CartRover-Api-Minute-Hits-Remaining, spec page). The target counts the RateLimit errors after that first answer.',
			'back to back: the node’s own calls keep the bucket full, so every page waits on the leak; the bucket’s count is known from the run before.',
		],
	};
}
