/**
 * Command line entry: `ts-node --transpile-only test/simulator/cli.ts --port 4010 [flags]`.
 * Runs the simulator until SIGINT/SIGTERM. The token printed is the local fake one.
 */
import { startSimulator } from './server';
import type { SimulatorOptions } from './types';

const USAGE = `Usage: cli.ts [--port N] [--host H] [--token T] [--router-user U] [--router-secret S] [--site-id ID]
  [--seed N] [--orders N] [--products N] [--customers N] [--latency MS] [--rate-limit N/WINDOWSEC | off]
  [--error-rate P] [--time-zone IANA]`;

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
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const sim = await startSimulator(options);
	const { products, orders, customers } = sim.options.sizes;
	console.log(`Cart.com simulator listening on ${sim.url} (token: ${sim.options.accessToken})`);
	console.log(
		`  router user ${sim.options.router.userName}, site id ${sim.options.router.siteId}; ` +
			`${products} products, ${orders} orders, ${customers} customers seeded in ${Date.now() - started} ms`,
	);
	const shutdown = (): void => {
		sim.stop().then(
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
