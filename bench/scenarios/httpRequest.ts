/**
 * Scenario httpRequest (issue 15, point 4): the side-by-side users ask for first. The same Return
 * All of every order, in real n8n (the cached 1.123.81, `n8n execute`), done with n8n's own HTTP
 * Request node as a careful user would set it up (Authentication: Predefined Credential Type →
 * Cart.com API; pagination by page number; Retry On Fail at its largest: 5 tries, 5 s apart), and
 * with the Cart.com node at its defaults, against the simulator with Cart.com's real budget of
 * 20 calls per 10 s (not the bench's scaled window: the node in n8n keeps the real 10 s window, and
 * the HTTP Request node's retry waits are fixed in real seconds).
 *
 * Each run gets a fresh store (an empty window) and a deadline: a run that has not finished by then
 * is killed (its process group) and reported as such. Measured from the store's request log and
 * n8n's execution data: requests, 429s, orders returned (distinct ids) against the store's, the
 * node's execution time as n8n records it (all tries included), and the ratio to the Cart.com node.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSimulator, type Simulator } from '../../test/simulator';
import type { BenchConfig } from '../config';
import { progress } from '../harness';
import { ratio, seconds, type Cell, type Check, type Section } from '../report';

const REPO = path.resolve(__dirname, '..', '..');
const N8N_VERSION = '1.123.81';
const CACHE = path.join(REPO, '.cache');
const WORK = path.join(CACHE, 'bench-http');
const INSTANCE = 'bench-http';
const PACKAGE = 'n8n-nodes-cartcom';
const CREDENTIAL = { id: 'benchCartcomTokn', name: 'Cart.com bench store', type: 'cartComApi' };
const TOKEN = 'bench-token';
const WINDOW_MS = 10_000;
const NODE_NAME = 'Return All';

interface Way {
	id: string;
	label: string;
	/** The node under test; its parameters and node-level settings. */
	node: Record<string, unknown>;
	httpRequest: boolean;
}

function httpRequestWay(
	id: string,
	label: string,
	api: string,
	pagination: Record<string, unknown>,
): Way {
	return {
		id,
		label,
		httpRequest: true,
		node: {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 5000,
			parameters: {
				method: 'GET',
				url: `${api}/orders`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: CREDENTIAL.type,
				sendQuery: true,
				queryParameters: {
					parameters: [
						{ name: 'count', value: '100' },
						{ name: 'sort', value: 'id' },
					],
				},
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							...pagination,
						},
					},
				},
			},
		},
	};
}

/** Cart.com answers 404 for a page past the end (docs): the documented end of a paged read. */
const END_AT_404 = {
	paginationCompleteWhen: 'receiveSpecificStatusCodes',
	statusCodesWhenComplete: '404',
};

export function ways(api: string): Way[] {
	const cartCom = (pageSize?: number): Record<string, unknown> => ({
		type: `${PACKAGE}.cartCom`,
		typeVersion: 1,
		parameters: {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: pageSize === undefined ? {} : { pageSize },
		},
	});
	return [
		{
			id: 'benchHttpNodeDef',
			label: 'Cart.com node, defaults',
			httpRequest: false,
			node: cartCom(),
		},
		{
			id: 'benchHttpNode100',
			label: 'Cart.com node, Page Size 100',
			httpRequest: false,
			node: cartCom(100),
		},
		httpRequestWay(
			'benchHttpRetryNo',
			'(a) HTTP Request: pages end at 404, Retry On Fail, no interval',
			api,
			END_AT_404,
		),
		httpRequestWay(
			'benchHttpNatural',
			'(b) HTTP Request: complete when no next_page, Retry On Fail',
			api,
			{ paginationCompleteWhen: 'other', completeExpression: '={{ !$response.body.next_page }}' },
		),
		httpRequestWay(
			'benchHttpIntv500',
			'(c) HTTP Request: pages end at 404, Retry On Fail, 500 ms interval',
			api,
			{ ...END_AT_404, requestInterval: 500 },
		),
	];
}

function workflowOf(way: Way) {
	const start = {
		id: '00000000-0000-4000-8000-00000000b001',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node = {
		id: '00000000-0000-4000-8000-00000000b002',
		name: NODE_NAME,
		position: [240, 0],
		credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		...way.node,
	};
	return {
		id: way.id,
		name: `bench: ${way.label}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [start, node],
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
	};
}

interface Exec {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
	killed: boolean;
}

/**
 * Runs a command in its own process group; at the deadline the whole group is killed (n8n's CLI
 * may have children), and the result says so. Its stdout goes to a file: n8n's CLI exits before a
 * pipe has taken all of a large execution (megabytes of JSON), while writes to a file are complete.
 */
async function exec(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	deadlineMs: number,
	cwd = REPO,
): Promise<Exec> {
	const started = Date.now();
	fs.mkdirSync(WORK, { recursive: true });
	const stdoutFile = path.join(WORK, 'stdout.txt');
	const stdoutFd = fs.openSync(stdoutFile, 'w');
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env,
			cwd,
			detached: true,
			stdio: ['ignore', stdoutFd, 'pipe'],
		});
		fs.closeSync(stdoutFd);
		let stderr = '';
		let killed = false;
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			killed = true;
			if (child.pid !== undefined) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		}, deadlineMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			const stdout = fs.readFileSync(stdoutFile, 'utf8');
			fs.rmSync(stdoutFile, { force: true });
			resolve({ code, stdout, stderr, ms: Date.now() - started, killed });
		});
	});
}

async function mustExec(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	deadlineMs: number,
) {
	const result = await exec(command, args, env, deadlineMs);
	if (result.code !== 0 || result.killed) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
		throw new Error(
			`${path.basename(command)} ${args.join(' ')} ${result.killed ? 'timed out' : `exited ${result.code}`}:\n${tail}`,
		);
	}
	return result;
}

/** n8n's environment from scripts/n8n/env.sh, for one user folder and port. */
export async function n8nEnv(port: number): Promise<NodeJS.ProcessEnv> {
	const base: NodeJS.ProcessEnv = {
		...process.env,
		N8N_VERSION,
		N8N_INSTANCE: INSTANCE,
		N8N_PORT: String(port),
	};
	for (const name of Object.keys(base)) if (name.startsWith('npm_config_')) delete base[name];
	delete base.N8N_RUNNERS_BROKER_PORT;
	const dump = await mustExec(
		'bash',
		['-c', 'source scripts/n8n/env.sh >/dev/null 2>&1; env -0'],
		base,
		60_000,
	);
	const env: NodeJS.ProcessEnv = {};
	for (const entry of dump.stdout.split('\0')) {
		const at = entry.indexOf('=');
		if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
	}
	// n8n execute --rawOutput prints the execution at log level info: keep it.
	return env;
}

/** The last complete top-level JSON object n8n printed (it surrounds it with log lines). */
export function executionJson(stdout: string): ExecutionData | undefined {
	const lines = stdout.split('\n');
	for (let first = 0; first < lines.length; first++) {
		if (lines[first] !== '{') continue;
		for (let last = lines.length - 1; last > first; last--) {
			if (lines[last] !== '}') continue;
			try {
				return JSON.parse(lines.slice(first, last + 1).join('\n')) as ExecutionData;
			} catch {
				// not this span
			}
		}
	}
	return undefined;
}

interface ExecutionData {
	status?: string;
	data?: {
		resultData?: {
			error?: { message?: string };
			runData?: Record<
				string,
				Array<{
					executionTime?: number;
					error?: { message?: string };
					data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
				}>
			>;
		};
	};
}

interface Outcome {
	way: Way;
	requests: number;
	tooMany: number;
	orders: number;
	distinct: number;
	storeOrders: number;
	/** The node's execution time as n8n recorded it (all tries), or the time to the kill. */
	nodeMs: number;
	processMs: number;
	status: string;
	finished: boolean;
}

/** Orders in the node's output: one per item (Cart.com node), or the pages' `orders` (HTTP Request). */
function ordersOf(
	items: Array<{ json: Record<string, unknown> }>,
	httpRequest: boolean,
): unknown[] {
	if (!httpRequest) return items.map((item) => item.json.id);
	return items.flatMap((item) =>
		Array.isArray(item.json.orders)
			? (item.json.orders as Array<{ id?: unknown }>).map((order) => order.id)
			: [],
	);
}

export async function runWay(
	config: BenchConfig,
	way: Way,
	env: NodeJS.ProcessEnv,
	simPort: number,
	deadlineMs: number,
): Promise<Outcome> {
	const sim: Simulator = await startSimulator({
		seed: config.seed,
		port: simPort,
		accessToken: TOKEN,
		sizes: { orders: config.httpOrders, customers: 300, products: 60 },
		latencyMs: config.latencyMs,
		rateLimit: { limit: config.limit, windowMs: WINDOW_MS, retryAfter: 'seconds' },
	});
	try {
		const storeOrders = sim.store.count('orders');
		const run = await exec('n8n', ['execute', `--id=${way.id}`, '--rawOutput'], env, deadlineMs);
		if (process.env.BENCH_HTTP_DUMP) fs.writeFileSync(path.join(WORK, `${way.id}.out`), run.stdout);
		const listRequests = sim.requests.filter((request) => request.path === '/api/v1/orders');
		const execution = run.killed ? undefined : executionJson(run.stdout);
		const nodeRun = execution?.data?.resultData?.runData?.[NODE_NAME]?.[0];
		const items = nodeRun?.data?.main?.[0] ?? [];
		const ids = ordersOf(items, way.httpRequest);
		const firstAt = listRequests[0]?.at ?? Date.now();
		const lastAt = listRequests.at(-1)?.at ?? firstAt;
		// Without execution data (n8n prints none for a failed run), the store's log gives the time.
		const storeMs = lastAt - firstAt + config.latencyMs;
		const printedError = /Execution error:\s*\n(.*)/.exec(run.stdout)?.[1];
		const error =
			nodeRun?.error?.message ?? execution?.data?.resultData?.error?.message ?? printedError;
		const status = run.killed
			? `killed at the ${seconds(deadlineMs)} deadline`
			: error
				? `error: ${error.slice(0, 80)}`
				: (execution?.status ?? (run.code === 0 ? 'success' : `exit ${run.code}`));
		return {
			way,
			requests: listRequests.length,
			tooMany: listRequests.filter((request) => request.status === 429).length,
			orders: ids.length,
			distinct: new Set(ids).size,
			storeOrders,
			nodeMs: run.killed ? Date.now() - firstAt : (nodeRun?.executionTime ?? storeMs),
			processMs: run.ms,
			status,
			finished: !run.killed,
		};
	} finally {
		await sim.stop();
	}
}

async function freePort(): Promise<number> {
	const sim = await startSimulator({ sizes: { orders: 1, customers: 1, products: 1 } });
	const { port } = sim;
	await sim.stop();
	return port;
}

/** Newest modification time under a folder (source files only). */
function newestMtime(folder: string): number {
	let newest = 0;
	for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
		else newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** dist/ was built after the last change to the package's sources: no need to build again. */
function distIsFresh(): boolean {
	const built = path.join(REPO, 'dist', 'nodes', 'CartCom', 'CartCom.node.js');
	if (!fs.existsSync(built)) return false;
	if (process.env.BENCH_SKIP_BUILD === '1') return true;
	const sources = Math.max(
		newestMtime(path.join(REPO, 'nodes')),
		newestMtime(path.join(REPO, 'credentials')),
		fs.statSync(path.join(REPO, 'package.json')).mtimeMs,
	);
	return fs.statSync(built).mtimeMs > sources;
}

function skipped(reason: string): Section {
	return {
		title: '7. Return All in real n8n: the HTTP Request node side by side',
		setup: [reason],
		columns: ['run'],
		rows: [['not run']],
		checks: [],
	};
}

export async function httpRequestScenario(config: BenchConfig): Promise<Section> {
	const n8nDir = path.join(CACHE, 'n8n', N8N_VERSION, 'node_modules', '.bin', 'n8n');
	if (!fs.existsSync(n8nDir))
		return skipped(
			`n8n ${N8N_VERSION} is not installed: run scripts/n8n/install.sh ${N8N_VERSION} first.`,
		);
	const deadlineMs = config.httpDeadlineS * 1000;
	const simPort = config.simPort || (await freePort());
	const api = `http://127.0.0.1:${simPort}/api/v1`;
	const env = await n8nEnv(config.n8nPort);
	const userFolder = env.N8N_USER_FOLDER ?? '';
	if (!userFolder.includes(INSTANCE)) throw new Error(`unexpected n8n user folder ${userFolder}`);

	fs.rmSync(WORK, { recursive: true, force: true });
	fs.mkdirSync(path.join(WORK, 'workflows'), { recursive: true });
	if (!distIsFresh()) {
		progress('httpRequest: npm run build');
		await mustExec('npm', ['run', '--silent', 'build'], { ...process.env }, 600_000);
	}
	progress('httpRequest: npm pack, install into a fresh n8n user folder, import');
	const packed = await mustExec(
		'npm',
		['pack', '--silent', '--pack-destination', WORK],
		{ ...process.env },
		300_000,
	);
	const tarball = path.join(WORK, packed.stdout.trim().split('\n').pop() ?? '');
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	await mustExec(
		path.join(REPO, 'scripts/n8n/install-package.sh'),
		[tarball, userFolder],
		env,
		600_000,
	);
	const credentialsFile = path.join(WORK, 'credentials.json');
	fs.writeFileSync(
		credentialsFile,
		JSON.stringify([
			{ ...CREDENTIAL, data: { storeDomain: `http://127.0.0.1:${simPort}`, accessToken: TOKEN } },
		]),
	);
	const all = ways(api);
	for (const way of all)
		fs.writeFileSync(
			path.join(WORK, 'workflows', `${way.id}.json`),
			JSON.stringify(workflowOf(way)),
		);
	await mustExec('n8n', ['import:credentials', `--input=${credentialsFile}`], env, 300_000);
	await mustExec(
		'n8n',
		['import:workflow', '--separate', `--input=${path.join(WORK, 'workflows')}`],
		env,
		300_000,
	);

	const outcomes: Outcome[] = [];
	for (const way of all) {
		progress(`httpRequest: ${way.label} (deadline ${config.httpDeadlineS} s)`);
		outcomes.push(await runWay(config, way, env, simPort, deadlineMs));
	}

	const node = outcomes[0];
	const node100 = outcomes[1];
	const rows: Cell[][] = outcomes.map((outcome) => [
		outcome.way.label,
		outcome.status,
		outcome.requests,
		outcome.tooMany,
		`${outcome.distinct}/${outcome.storeOrders}${outcome.orders !== outcome.distinct ? ` (${outcome.orders} items)` : ''}`,
		outcome.finished ? seconds(outcome.nodeMs) : `> ${seconds(outcome.nodeMs)}`,
		seconds(outcome.processMs),
		`${outcome.finished ? '' : '> '}${ratio(outcome.nodeMs / node.nodeMs)}`,
		`${outcome.finished ? '' : '> '}${ratio(outcome.nodeMs / node100.nodeMs)}`,
	]);
	const complete = (outcome: Outcome) =>
		outcome.finished &&
		outcome.status === 'success' &&
		outcome.distinct === outcome.storeOrders &&
		outcome.orders === outcome.storeOrders;
	const checks: Check[] = [
		{
			what: 'Cart.com node, defaults: every order once, 0 429s',
			measured: `${node.distinct}/${node.storeOrders}, ${node.tooMany} 429s`,
			target: `${node.storeOrders}/${node.storeOrders}, 0`,
			pass: complete(node) && node.tooMany === 0,
		},
		{
			what: 'Cart.com node, defaults: no slower than any HTTP Request set-up that returned every order',
			measured: outcomes
				.slice(2)
				.map((outcome) => (complete(outcome) ? ratio(outcome.nodeMs / node.nodeMs) : 'incomplete'))
				.join(', '),
			target: '≥ 1 each',
			pass: outcomes
				.slice(2)
				.every((outcome) => !complete(outcome) || outcome.nodeMs >= node.nodeMs),
		},
	];
	return {
		title: `7. Return All in real n8n ${N8N_VERSION}: the HTTP Request node side by side (${config.httpOrders.toLocaleString('en-US')} orders)`,
		setup: [
			`budget ${config.limit} calls / 10 s (Cart.com's real window, not the bench's scaled one), latency ${config.latencyMs} ms; ` +
				`a fresh store per run; each run is one \`n8n execute\` with a deadline of ${config.httpDeadlineS} s (then killed)`,
			'HTTP Request node 4.2: Authentication Predefined Credential Type → Cart.com API; GET /api/v1/orders?count=100&sort=id; ' +
				'Pagination "Update a Parameter in Each Request": page = {{ $pageCount + 1 }}; Retry On Fail, Max Tries 5, Wait Between Tries 5,000 ms (the largest n8n allows)',
		],
		columns: [
			'run',
			'result',
			'requests',
			'429s',
			'orders (distinct / in store)',
			'node time',
			'n8n execute (with start-up)',
			'÷ node, defaults',
			'÷ node, page 100',
		],
		rows,
		checks,
		notes: [
			'node time = the execution time n8n recorded for the node (all tries and waits included); for a failed run (n8n prints no execution data) the time from its first request to its last answer; for a killed run, from its first request to the kill.',
			'(a) pages until the store answers 404 (its documented end). A 429 is an error, so Retry On Fail runs the node again, from page 1: without an interval every try meets the limit again.',
			'(b) "no next_page" is the natural test, but a 429 body has no next_page either: the read ends there and reports success, the 429 body being its last item.',
			'(c) a 500 ms interval keeps 30 pages of 100 under 20 calls / 10 s; the Cart.com node needs no interval: it paces by the store’s X-AC-Call-Limit and Retry-After.',
			'Not run: "Response Is Empty" does not fit Cart.com. n8n goes on while the body is a non-empty object (n8n-core, requestWithAuthenticationPaginated), and every Cart.com answer is one, the 404 past the end included, so the read ends in that 404 as an error; under the limit a 429 comes first, as in (a).',
		],
	};
}
