/**
 * Benchmark settings from command-line flags and environment variables (flags win).
 * The defaults are a scaled-down Cart.com budget (20 calls per 2 s: the same rate as a
 * 20-per-10 s plan would need five times longer to show), so a full run stays short.
 */

export const SCENARIOS = [
	'returnAll',
	'triggerIdle',
	'writes',
	'memory',
	'faults',
	'cartRover',
	'httpRequest',
	'queueMode',
	'queueModeN8n',
	'replicaLag',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** Run only when named in --only: they need PostgreSQL (and Redis) and a real n8n, about 8–10 minutes each. */
export const OPT_IN_SCENARIOS: readonly ScenarioName[] = ['queueModeN8n', 'replicaLag'];

export interface BenchConfig {
	/** Calls the simulated store allows per rolling window. */
	limit: number;
	windowMs: number;
	/** Delay the simulator adds to every request. */
	latencyMs: number;
	/** Budget of the write scenario, high enough that latency (not the budget) limits a sequential run. */
	writeLimit: number;
	writeConcurrency: number;
	quick: boolean;
	/** Runs per measurement of scenario 1; the median is reported. */
	repeats: number;
	seed: number;
	only: ScenarioName[];
	/** Sizes; --quick shrinks the slow ones. */
	orders: number;
	changes: number;
	writes: number;
	shipmentWrites: number;
	memoryProducts: number;
	soakPolls: number;
	soakWrites: number;
	faultRate: number;
	/** CartRover's leaky bucket (scenario cartRover): calls it holds and ms per call drained. */
	bucketCapacity: number;
	leakMs: number;
	cartRoverOrders: number;
	/** Scenario httpRequest (real n8n): orders, deadline per run, n8n's port, the simulator's port (0 = free). */
	httpOrders: number;
	httpDeadlineS: number;
	n8nPort: number;
	simPort: number;
}

const USAGE = `Usage: npm run bench -- [flags]
  --limit N          calls allowed per window (default 20; env BENCH_LIMIT)
  --window S         rolling window in seconds (default 2; env BENCH_WINDOW_S)
  --real-window      use Cart.com's real 10 s window (same as --window 10)
  --latency MS       simulator delay per request (default 50; env BENCH_LATENCY_MS)
  --write-limit N    calls per window for the write scenario (default 200, i.e. 10x the read budget)
  --concurrency N    Parallel Requests of the write scenario (default 10, the node's maximum)
  --fault-rate P     share of requests that fail in the soak (default 0.2; env BENCH_FAULT_RATE)
  --writes N         inventory writes (default 1000; 200 with --quick)
  --shipments N      shipments created (default 1000; 150 with --quick)
  --products N       products of the memory scenario (default 50000)
  --polls N          trigger polls of the soak (default 100; 30 with --quick)
  --repeats N        runs per Return All measurement, median reported (default 3; 1 with --quick)
  --seed N           simulator seed (default 42)
  --leak MS          CartRover bucket: ms per call drained (default 300: CartRover's 600 at 2x speed;
                     env BENCH_LEAK_MS)
  --real-bucket      use CartRover's real leak of 600 ms per call (same as --leak 600)
  --bucket N         CartRover bucket size in calls (default 100)
  --cartrover-orders N  orders of the CartRover Return All (default 5000)
  --http-orders N    orders of the httpRequest scenario in real n8n (default 3000)
  --http-deadline S  seconds before a run of the httpRequest scenario is killed (default 120)
  --n8n-port N       port n8n's environment gets in the httpRequest scenario (default 5790;
                     env BENCH_N8N_PORT; the runner broker is N+1)
  --sim-port N       the simulator's port in the httpRequest scenario (default: a free one;
                     env BENCH_SIM_PORT)
  --only a,b         run only these scenarios: ${SCENARIOS.join(', ')}
                     (replicaLag and queueModeN8n only when named: real n8n + PostgreSQL (+ Redis);
                     REPLICA_LAG_MINUTES, default 5; queueModeN8n's ports: E2E_QUEUE_PORT, default 5700-5707)
  --quick            smaller sizes, for a run of about two minutes (env BENCH_QUICK=1)`;

function numberFrom(
	name: string,
	text: string | undefined,
	{ min = 0, integer = true } = {},
): number {
	const value = Number(text);
	if (
		text === undefined ||
		text.trim() === '' ||
		!Number.isFinite(value) ||
		value < min ||
		(integer && !Number.isInteger(value))
	) {
		throw new Error(
			`${name} needs a ${integer ? 'whole ' : ''}number >= ${min}, got "${String(text)}"\n${USAGE}`,
		);
	}
	return value;
}

const envNumber = (
	name: string,
	fallback: number,
	options?: { min?: number; integer?: boolean },
) => (process.env[name] === undefined ? fallback : numberFrom(name, process.env[name], options));

export function parseConfig(argv: string[]): BenchConfig {
	const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
	const config: BenchConfig = {
		limit: envNumber('BENCH_LIMIT', 20, { min: 1 }),
		windowMs: envNumber('BENCH_WINDOW_S', 2, { min: 0.1, integer: false }) * 1000,
		latencyMs: envNumber('BENCH_LATENCY_MS', 50),
		writeLimit: 200,
		writeConcurrency: 10,
		quick,
		repeats: quick ? 1 : 3,
		seed: 42,
		only: SCENARIOS.filter((name) => !OPT_IN_SCENARIOS.includes(name)),
		orders: 10_000,
		changes: 10_000,
		writes: quick ? 200 : 1000,
		shipmentWrites: quick ? 150 : 1000,
		memoryProducts: 50_000,
		soakPolls: quick ? 30 : 100,
		soakWrites: quick ? 100 : 300,
		faultRate: envNumber('BENCH_FAULT_RATE', 0.2, { integer: false }),
		bucketCapacity: 100,
		// CartRover's 0.6 s per call at twice the speed, not five times: at 120 ms the leak is no
		// slower than one page (s = 85–160 ms here), so a serial client could never fill the bucket.
		leakMs: envNumber('BENCH_LEAK_MS', 300, { min: 1, integer: false }),
		cartRoverOrders: 5000,
		httpOrders: 3000,
		httpDeadlineS: 120,
		n8nPort: envNumber('BENCH_N8N_PORT', 5790, { min: 1 }),
		simPort: envNumber('BENCH_SIM_PORT', 0),
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => argv[++i];
		switch (flag) {
			case '--quick':
				break;
			case '--limit':
				config.limit = numberFrom(flag, value(), { min: 1 });
				break;
			case '--window':
				config.windowMs = numberFrom(flag, value(), { min: 0.1, integer: false }) * 1000;
				break;
			case '--real-window':
				config.windowMs = 10_000;
				break;
			case '--latency':
				config.latencyMs = numberFrom(flag, value());
				break;
			case '--write-limit':
				config.writeLimit = numberFrom(flag, value(), { min: 1 });
				break;
			case '--concurrency':
				config.writeConcurrency = numberFrom(flag, value(), { min: 1 });
				break;
			case '--fault-rate':
				config.faultRate = numberFrom(flag, value(), { integer: false });
				break;
			case '--writes':
				config.writes = numberFrom(flag, value(), { min: 1 });
				break;
			case '--shipments':
				config.shipmentWrites = numberFrom(flag, value(), { min: 1 });
				break;
			case '--products':
				config.memoryProducts = numberFrom(flag, value(), { min: 1 });
				break;
			case '--polls':
				config.soakPolls = numberFrom(flag, value(), { min: 1 });
				break;
			case '--repeats':
				config.repeats = numberFrom(flag, value(), { min: 1 });
				break;
			case '--seed':
				config.seed = numberFrom(flag, value());
				break;
			case '--leak':
				config.leakMs = numberFrom(flag, value(), { min: 1, integer: false });
				break;
			case '--real-bucket':
				config.leakMs = 600;
				break;
			case '--bucket':
				config.bucketCapacity = numberFrom(flag, value(), { min: 1 });
				break;
			case '--cartrover-orders':
				config.cartRoverOrders = numberFrom(flag, value(), { min: 1 });
				break;
			case '--http-orders':
				config.httpOrders = numberFrom(flag, value(), { min: 1 });
				break;
			case '--http-deadline':
				config.httpDeadlineS = numberFrom(flag, value(), { min: 1, integer: false });
				break;
			case '--n8n-port':
				config.n8nPort = numberFrom(flag, value(), { min: 1 });
				break;
			case '--sim-port':
				config.simPort = numberFrom(flag, value());
				break;
			case '--only': {
				const names = (value() ?? '')
					.split(',')
					.map((name) => name.trim())
					.filter(Boolean);
				const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
				if (names.length === 0 || unknown.length)
					throw new Error(`--only: unknown scenario(s) ${unknown.join(', ')}\n${USAGE}`);
				config.only = names as ScenarioName[];
				break;
			}
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown flag ${flag}\n${USAGE}`);
		}
	}
	if (config.faultRate > 0.8)
		throw new Error('--fault-rate above 0.8 leaves too few requests to measure anything');
	return config;
}

export const budgetLabel = (limit: number, windowMs: number) =>
	`${limit} calls / ${windowMs / 1000} s`;
