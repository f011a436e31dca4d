/**
 * Command line entry: `ts-node --transpile-only test/simulator/cli.ts --port 4010 [flags]`.
 * Runs the Cart.com simulator and, beside it, the CartRover one (default port 4011) until
 * SIGINT/SIGTERM. The token and keys printed are the local fake ones.
 */
import { startCartRoverSimulator, type CartRoverSimOptions } from './cartRover';
import { startSimulator } from './server';
import type { SimulatorOptions } from './types';

const USAGE = `Usage: cli.ts [--port N] [--host H] [--token T] [--router-user U] [--router-secret S] [--site-id ID]
  [--seed N] [--orders N] [--products N] [--customers N] [--latency MS] [--rate-limit N/WINDOWSEC | off]
  [--error-rate P] [--time-zone IANA] [--oauth-client-id ID] [--oauth-client-secret S]
  [--oauth-ttl SECONDS] [--oauth-rotation rotate|keep|same]
  CartRover: [--cartrover-port N | off] [--cartrover-seed N] [--cartrover-orders N]
  [--cartrover-bucket CAPACITY/LEAKMS | off] [--cartrover-error-status 200 | http]`;

export const DEFAULT_CARTROVER_PORT = 4011;

export interface CartRoverCli {
	/** undefined: not served (`--cartrover-port off`). */
	options: CartRoverSimOptions | undefined;
	/** Whether the port was asked for: a busy default port only warns, a busy chosen one fails. */
	portChosen: boolean;
}

/** Takes the `--cartrover-*` flags out of argv; the rest goes to parseArgs. */
export function splitCartRoverArgs(argv: string[]): { rest: string[]; cartRover: CartRoverCli } {
	const rest: string[] = [];
	const options: CartRoverSimOptions = { port: DEFAULT_CARTROVER_PORT };
	let served = true;
	let portChosen = false;
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (!flag.startsWith('--cartrover-')) {
			rest.push(flag);
			continue;
		}
		const value = argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value`);
		switch (flag) {
			case '--cartrover-port':
				portChosen = true;
				if (value === 'off') served = false;
				else options.port = parseNumber(flag, value);
				break;
			case '--cartrover-seed':
				options.seed = parseNumber(flag, value);
				break;
			case '--cartrover-orders':
				options.orders = parseNumber(flag, value);
				break;
			case '--cartrover-bucket': {
				if (value === 'off') {
					options.bucket = 'off';
					break;
				}
				const match = /^(\d+)\/(\d+)$/.exec(value);
				if (!match)
					throw new Error('--cartrover-bucket expects CAPACITY/LEAKMS, e.g. 100/600, or off');
				options.bucket = { capacity: Number(match[1]), leakMs: Number(match[2]) };
				break;
			}
			case '--cartrover-error-status':
				if (value !== '200' && value !== 'http')
					throw new Error('--cartrover-error-status expects 200 or http');
				options.errorStatus = value === 'http' ? 'http' : 200;
				break;
			default:
				throw new Error(`Unknown flag ${flag}\n${USAGE}`);
		}
	}
	return { rest, cartRover: { options: served ? options : undefined, portChosen } };
}

/** Starts the CartRover simulator beside Cart.com's; a busy default port is reported, not fatal. */
async function startCartRover(cli: CartRoverCli, host: string | undefined) {
	if (!cli.options) return undefined;
	try {
		const sim = await startCartRoverSimulator({ ...cli.options, host });
		console.log(`CartRover simulator listening on ${sim.url} (API URL for the credential)`);
		for (const [level, keys] of Object.entries(sim.keys))
			console.log(`  ${level} keys: API User ${keys.user}, API Key ${keys.key}`);
		console.log(
			`  ${sim.orders.size} orders seeded; the Cart keys are cart source ${sim.cartSource}`,
		);
		return sim;
	} catch (error) {
		if (cli.portChosen) throw error;
		console.warn(
			`CartRover simulator not started (${error instanceof Error ? error.message : String(error)}); pass --cartrover-port N or off`,
		);
		return undefined;
	}
}

function parseNumber(flag: string, value: string | undefined): number {
	const parsed = Number(value);
	if (value === undefined || !Number.isFinite(parsed)) throw new Error(`${flag} needs a number`);
	return parsed;
}

export function parseArgs(argv: string[]): SimulatorOptions {
	const options: SimulatorOptions = { port: 4010 };
	const sizes: NonNullable<SimulatorOptions['sizes']> = {};
	const router = { userName: 'sim-user', userSecret: 'sim-secret', siteId: '1' };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		const takeValue = (): string => {
			if (value === undefined) throw new Error(`${flag} needs a value`);
			i++;
			return value;
		};
		switch (flag) {
			case '--port':
				options.port = parseNumber(flag, takeValue());
				break;
			case '--host':
				options.host = takeValue();
				break;
			case '--token':
				options.accessToken = takeValue();
				break;
			case '--router-user':
				router.userName = takeValue();
				break;
			case '--router-secret':
				router.userSecret = takeValue();
				break;
			case '--site-id':
				router.siteId = takeValue();
				break;
			case '--seed':
				options.seed = parseNumber(flag, takeValue());
				break;
			case '--orders':
				sizes.orders = parseNumber(flag, takeValue());
				break;
			case '--products':
				sizes.products = parseNumber(flag, takeValue());
				break;
			case '--customers':
				sizes.customers = parseNumber(flag, takeValue());
				break;
			case '--latency':
				options.latencyMs = parseNumber(flag, takeValue());
				break;
			case '--error-rate':
				options.faults = { ...options.faults, errorRate: parseNumber(flag, takeValue()) };
				break;
			case '--time-zone':
				options.timeZone = takeValue();
				break;
			case '--oauth-client-id':
				options.oauth = { ...options.oauth, clientId: takeValue() };
				break;
			case '--oauth-client-secret':
				options.oauth = { ...options.oauth, clientSecret: takeValue() };
				break;
			case '--oauth-ttl':
				options.oauth = {
					...options.oauth,
					accessTokenTtlMs: parseNumber(flag, takeValue()) * 1000,
				};
				break;
			case '--oauth-rotation': {
				const rotation = takeValue();
				if (rotation !== 'rotate' && rotation !== 'keep' && rotation !== 'same')
					throw new Error('--oauth-rotation expects rotate, keep or same');
				options.oauth = { ...options.oauth, refreshRotation: rotation };
				break;
			}
			case '--rate-limit': {
				const text = takeValue();
				if (text === 'off') {
					options.rateLimit = false;
					break;
				}
				const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text);
				if (!match) throw new Error('--rate-limit expects N/WINDOWSEC, e.g. 20/10, or off');
				options.rateLimit = {
					limit: Number(match[1]),
					windowMs: Number(match[2]) * 1000,
					retryAfter: 'seconds',
				};
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
	options.router = router;
	options.sizes = sizes;
	return options;
}

async function main(): Promise<void> {
	const { rest, cartRover } = splitCartRoverArgs(process.argv.slice(2));
	const options = parseArgs(rest);
	const started = Date.now();
	const sim = await startSimulator(options);
	const { products, orders, customers } = sim.options.sizes;
	console.log(`Cart.com simulator listening on ${sim.url} (token: ${sim.options.accessToken})`);
	console.log(
		`  router user ${sim.options.router.userName}, site id ${sim.options.router.siteId}; ` +
			`${products} products, ${orders} orders, ${customers} customers seeded in ${Date.now() - started} ms`,
	);
	const oauth = sim.oauth.options;
	console.log(
		`  OAuth app: client id ${oauth.clientId}, client secret ${oauth.clientSecret}; access tokens live ${oauth.accessTokenTtlMs / 1000} s, refresh tokens ${oauth.refreshRotation}`,
	);
	const cartRoverSim = await startCartRover(cartRover, options.host);
	const shutdown = (): void => {
		Promise.all([sim.stop(), cartRoverSim?.close()]).then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
