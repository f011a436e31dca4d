/**
 * The store replica examples in real n8n with a real PostgreSQL (scripts/e2e/replica.sh runs this
 * after sourcing scripts/n8n/env.sh for its own user folder):
 *
 *   examples/backfill-store-to-postgres.json   Create Tables → every customer, product, order → Postgres
 *   examples/replicate-store-to-postgres.json  Order / Product / Customer Updated → Postgres
 *
 * REPLICA_MODE=check (default, the e2e): backfill, compare; activate the replica; a bulk of orders
 * stamped with one instant (the trigger pages through it) and, while it pages, more changes; 200
 * random changes in bursts (same-millisecond ties, new records, order items and payments added,
 * changed and removed); wait (with a deadline) until caught up; then every row of the five tables
 * must equal the store's record as its API returns it (key sorted JSON of `raw`, and the key columns).
 *
 * REPLICA_MODE=lag (npm run bench -- --only replicaLag): one change every 1–6 s for
 * REPLICA_LAG_MINUTES (default 5) at the example's 1-minute polling; prints `replica-lag: {json}`
 * with the time from each change to its row in Postgres.
 *
 *   E2E_TARBALL        the `npm pack` tarball to install (required)
 *   E2E_WORK_DIR       credentials/workflow JSON and logs (default: a temp dir)
 *   REPLICA_PG_PORT    port of the private PostgreSQL (default 55432)
 *   REPLICA_PG_DIR     its data folder (default /tmp/cartcom-replica-pg-<port>; must be reachable by
 *                      the `postgres` user when run as root)
 *   REPLICA_SEED       seed of the random changes (default 15)
 *
 * Prints `e2e replica …: N passed, N failed` last; exit code 0 only when nothing failed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DateTime } from 'luxon';

import { startSimulator, type Simulator } from '../simulator';
import { Prng } from '../simulator/prng';
import {
	assert,
	Checks,
	executeWorkflow,
	finishedExecutions,
	mustRun,
	n8nCli,
	n8nScript,
	REPO_ROOT,
	run,
	sqlite,
	StopRun,
	waitFor,
} from './harness';

const { simulatorCredentials } = require('../../scripts/demo/simulator-credentials.js') as {
	simulatorCredentials: (url: string) => unknown[];
};

export const REPLICA = {
	file: 'replicate-store-to-postgres.json',
	id: 'cartcomExReplica',
	triggers: ['Order Updated', 'Product Updated', 'Customer Updated'],
};
export const BACKFILL = { file: 'backfill-store-to-postgres.json', id: 'cartcomExBackfil' };
/** The credential id both examples name (n8n links imported workflows to it). */
export const PG_CREDENTIAL = { id: 'cartcomReplicaPg', name: 'Postgres replica', type: 'postgres' };

/** Replica table → the store's API list it mirrors. */
const TABLES: Array<{ table: string; path: string; key: string }> = [
	{ table: 'cartcom_customers', path: 'customers', key: 'customers' },
	{ table: 'cartcom_products', path: 'products', key: 'products' },
	{ table: 'cartcom_orders', path: 'orders', key: 'orders' },
	{ table: 'cartcom_order_items', path: 'order_items', key: 'items' },
	{ table: 'cartcom_order_payments', path: 'order_payments', key: 'payments' },
];

const mode = process.env.REPLICA_MODE === 'lag' ? 'lag' : 'check';
const version = process.env.N8N_VERSION ?? '?';
const checks = new Checks(`replica n8n ${version}${mode === 'lag' ? ' (lag)' : ''}`);
const PG_PORT = Number(process.env.REPLICA_PG_PORT ?? 55432);
const PG_DIR = process.env.REPLICA_PG_DIR ?? `/tmp/cartcom-replica-pg-${PG_PORT}`;
const POSTGRES_SH = path.join(REPO_ROOT, 'scripts', 'services', 'postgres.sh');

// ---- PostgreSQL ------------------------------------------------------------------------------------

function psqlPath(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'psql')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.length ? path.join(root, versions[0], 'bin', 'psql') : 'psql';
}

async function psql(sql: string): Promise<string> {
	process.env.PGPASSWORD = 'n8n';
	const result = await mustRun(psqlPath(), [
		'-h',
		'127.0.0.1',
		'-p',
		String(PG_PORT),
		'-U',
		'n8n',
		'-d',
		'n8n',
		'-qAt',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		sql,
	]);
	return result.stdout.trim();
}

// ---- comparing -------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

/** JSON with object keys sorted, so jsonb's key order does not matter. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as Row)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as Row)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

/** Every record of an API list, as the store answers it now (the simulator's own HTTP API). */
async function storeList(sim: Simulator, listPath: string, key: string): Promise<Row[]> {
	const records: Row[] = [];
	for (let page = 1; page <= 1000; page++) {
		const response = await fetch(`${sim.apiBase}/${listPath}?count=100&page=${page}&sort=id`, {
			headers: { 'X-AC-Auth-Token': sim.options.accessToken },
		});
		assert(response.status === 200, `GET /${listPath} answered ${response.status}`);
		const body = (await response.json()) as Record<string, Row[]>;
		const list = body[key];
		assert(Array.isArray(list), `GET /${listPath} has no "${key}" list`);
		records.push(...list);
		if (list.length < 100) return records;
	}
	throw new Error(`GET /${listPath}: more than 1000 pages`);
}

interface Comparison {
	counts: string[];
	differences: string[];
}

/** The replica's rows and the store's records, table by table: identical when `differences` is empty. */
async function compare(sim: Simulator): Promise<Comparison> {
	const counts: string[] = [];
	const differences: string[] = [];
	for (const { table, path: listPath, key } of TABLES) {
		const expected = new Map<string, string>();
		for (const record of await storeList(sim, listPath, key))
			expected.set(String(record.id), canonical(record));
		// The key columns must say what raw says (an upsert that mapped a column wrongly shows here).
		const orderKey = table.includes('order_') ? ", 'order_id', order_id" : '';
		const rows = JSON.parse(
			await psql(
				`select coalesce(json_agg(json_build_object('id', id, 'updated_at', updated_at, 'raw', raw${orderKey}) order by id), '[]') from ${table}`,
			),
		) as Array<{ id: number; updated_at: string | null; order_id?: number; raw: Row }>;
		const actual = new Map<string, string>();
		for (const row of rows) {
			actual.set(String(row.id), canonical(row.raw));
			const rawAt = row.raw.updated_at ? Date.parse(String(row.raw.updated_at)) : null;
			const columnAt = row.updated_at ? Date.parse(row.updated_at) : null;
			if (String(row.raw.id) !== String(row.id) || rawAt !== columnAt)
				differences.push(`${table} ${row.id}: key columns disagree with raw`);
			if (row.order_id !== undefined && String(row.raw.order_id) !== String(row.order_id))
				differences.push(`${table} ${row.id}: order_id column disagrees with raw`);
		}
		counts.push(`${table} ${actual.size}/${expected.size}`);
		for (const [id, record] of expected) {
			const stored = actual.get(id);
			if (stored === undefined) differences.push(`${table} ${id}: missing in the replica`);
			else if (stored !== record)
				differences.push(`${table} ${id}: differs: ${firstDifference(stored, record)}`);
		}
		for (const id of actual.keys())
			if (!expected.has(id)) differences.push(`${table} ${id}: in the replica, not in the store`);
	}
	return { counts, differences };
}

function firstDifference(stored: string, expected: string): string {
	const a = JSON.parse(stored) as Row;
	const b = JSON.parse(expected) as Row;
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		if (canonical(a[key]) !== canonical(b[key]))
			return `${key}: replica ${JSON.stringify(a[key])?.slice(0, 80)}, store ${JSON.stringify(b[key])?.slice(0, 80)}`;
	}
	return 'key order only';
}

// ---- changes in the store --------------------------------------------------------------------------

const instantOf = (timestamp: unknown) =>
	DateTime.fromISO(String(timestamp), { setZone: true }).toMillis();

/** Changes made through the store (the simulator's SimStore), as a shop, an admin or an import would. */
class StoreChanges {
	readonly kinds = new Map<string, number>();
	private serial = 0;

	constructor(
		private readonly sim: Simulator,
		private readonly rng: Prng,
	) {}

	private pick<T>(list: T[]): T {
		return list[this.rng.int(0, list.length - 1)];
	}

	private count(kind: string): void {
		this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
	}

	private ids(resource: string): number[] {
		return this.sim.store.list(resource).map((record) => Number(record.id));
	}

	/**
	 * Whether Cart.com moves an order's updated_at when only its lines or payments change is not
	 * documented (see the README, "Store replica in Postgres"): here the order is saved with them, the
	 * assumption the replica's limits name.
	 */
	private touchOrder(orderId: number): void {
		this.sim.store.update('orders', orderId, { admin_comments: `lines changed ${++this.serial}` });
	}

	/** One random change; returns what changed (resource and id) for the lag measurement. */
	random(): { resource: string; id: number } {
		const store = this.sim.store;
		const roll = this.rng.next();
		if (roll < 0.17) {
			const id = this.pick(this.ids('products'));
			store.update('products', id, {
				price: this.rng.int(100, 9999) / 100,
				quantity_on_hand: this.rng.int(0, 500),
			});
			this.count('product changed');
			return { resource: 'products', id };
		}
		if (roll < 0.22) {
			const template = store.get('products', this.pick(this.ids('products')));
			assert(template, 'no product to copy');
			const { id: _id, created_at: _c, updated_at: _u, ...fields } = template;
			const created = store.create('products', {
				...fields,
				item_number: `REPLICA-${++this.serial}`,
				item_name: `Replica test product ${this.serial}`,
			});
			this.count('product added');
			return { resource: 'products', id: Number(created.id) };
		}
		if (roll < 0.35) {
			const id = this.pick(this.ids('customers'));
			store.update('customers', id, { last_name: `Changed${++this.serial}` });
			this.count('customer changed');
			return { resource: 'customers', id };
		}
		if (roll < 0.4) {
			const template = store.get('customers', this.pick(this.ids('customers')));
			assert(template, 'no customer to copy');
			const { id: _id, created_at: _c, updated_at: _u, ...fields } = template;
			const created = store.create('customers', {
				...fields,
				email: `replica${++this.serial}@example.com`,
			});
			this.count('customer added');
			return { resource: 'customers', id: Number(created.id) };
		}
		if (roll < 0.55) {
			const id = this.pick(this.ids('orders'));
			store.update('orders', id, {
				order_status_id: this.rng.int(1, 3),
				admin_comments: `changed ${++this.serial}`,
			});
			this.count('order changed');
			return { resource: 'orders', id };
		}
		if (roll < 0.62) {
			const id = placeOrder(this.sim, this.pick(this.ordersWithItems()));
			this.count('order placed (with items and payments)');
			return { resource: 'orders', id };
		}
		const items = store.list('order_items');
		if (roll < 0.74) {
			const item = this.pick(items);
			store.update('order_items', Number(item.id), {
				quantity: this.rng.int(1, 5),
				price: this.rng.int(100, 5000) / 100,
			});
			this.touchOrder(Number(item.order_id));
			this.count('order item changed');
			return { resource: 'orders', id: Number(item.order_id) };
		}
		if (roll < 0.8) {
			const { id: _id, created_at: _c, updated_at: _u, ...fields } = this.pick(items);
			const orderId = this.pick(this.ids('orders'));
			store.create('order_items', { ...fields, order_id: orderId, parent_order_item_id: null });
			this.touchOrder(orderId);
			this.count('order item added');
			return { resource: 'orders', id: orderId };
		}
		if (roll < 0.88) {
			// A line without kit components pointing at it (Cart.com removes those with their parent).
			const parents = new Set(items.map((item) => item.parent_order_item_id).filter(Boolean));
			const item = this.pick(items.filter((line) => !parents.has(line.id)));
			store.remove('order_items', Number(item.id));
			this.touchOrder(Number(item.order_id));
			this.count('order item removed');
			return { resource: 'orders', id: Number(item.order_id) };
		}
		const payments = store.list('order_payments');
		const payment = this.pick(payments);
		if (roll < 0.95 || payments.length < 10) {
			store.update('order_payments', Number(payment.id), {
				amount: this.rng.int(100, 20000) / 100,
				is_approved: this.rng.chance(0.5),
			});
			this.count('order payment changed');
		} else {
			store.remove('order_payments', Number(payment.id));
			this.count('order payment removed');
		}
		this.touchOrder(Number(payment.order_id));
		return { resource: 'orders', id: Number(payment.order_id) };
	}

	private ordersWithItems(): number[] {
		return [...new Set(this.sim.store.list('order_items').map((item) => Number(item.order_id)))];
	}
}

/** A new order, a copy of another with its lines and payments (new ids), as a shop places one. */
function placeOrder(sim: Simulator, templateId: number): number {
	const template = sim.store.get('orders', templateId);
	assert(template, `order ${templateId} is gone`);
	const { id: _id, created_at: _c, updated_at: _u, ...fields } = template;
	const order = sim.store.create('orders', { ...fields, order_number: '' });
	const copies = new Map<unknown, unknown>();
	const lines = sim.store.list('order_items').filter((item) => item.order_id === templateId);
	for (const line of lines) {
		const { id, created_at: _ic, updated_at: _iu, ...lineFields } = line;
		copies.set(id, sim.store.create('order_items', { ...lineFields, order_id: order.id }).id);
	}
	for (const line of lines.filter((item) => item.parent_order_item_id)) {
		sim.store.update('order_items', Number(copies.get(line.id)), {
			parent_order_item_id: copies.get(line.parent_order_item_id),
		});
	}
	for (const payment of sim.store.list('order_payments')) {
		if (payment.order_id !== templateId) continue;
		const { id: _pid, created_at: _pc, updated_at: _pu, ...paymentFields } = payment;
		sim.store.create('order_payments', { ...paymentFields, order_id: order.id });
	}
	// The lines were added after the order: save the order again, as checkout does at the end.
	sim.store.update('orders', Number(order.id), { order_number: String(order.id) });
	return Number(order.id);
}

// ---- n8n ---------------------------------------------------------------------------------------------

async function setUp(sim: Simulator, workDir: string): Promise<void> {
	await checks.step(
		`start PostgreSQL on 127.0.0.1:${PG_PORT} (scripts/services/postgres.sh)`,
		async () => {
			const started = Date.now();
			await mustRun('bash', [POSTGRES_SH, 'start', PG_DIR, String(PG_PORT)], 600_000);
			await psql(`drop table if exists ${TABLES.map((t) => t.table).join(', ')}; select 1`);
			checks.time('postgres.sh start', Date.now() - started);
		},
	);
	const tarball = process.env.E2E_TARBALL;
	assert(tarball && fs.existsSync(tarball), `E2E_TARBALL not found: ${tarball}`);
	await checks.step(
		'install the packed package; import the credentials and the two replica examples',
		async () => {
			await mustRun(n8nScript('install-package.sh'), [tarball, process.env.N8N_USER_FOLDER ?? '']);
			const credentialsFile = path.join(workDir, 'credentials.json');
			fs.writeFileSync(
				credentialsFile,
				JSON.stringify([
					...simulatorCredentials(sim.url),
					{
						...PG_CREDENTIAL,
						data: {
							host: '127.0.0.1',
							port: PG_PORT,
							database: 'n8n',
							user: 'n8n',
							password: 'n8n',
							ssl: 'disable',
						},
					},
				]),
			);
			const workflowsDir = path.join(workDir, 'workflows');
			fs.mkdirSync(workflowsDir, { recursive: true });
			for (const { file } of [REPLICA, BACKFILL])
				fs.copyFileSync(path.join(REPO_ROOT, 'examples', file), path.join(workflowsDir, file));
			await n8nCli(['import:credentials', `--input=${credentialsFile}`]);
			await n8nCli(['import:workflow', '--separate', `--input=${workflowsDir}`]);
		},
	);
	await checks.step('backfill (n8n execute): the five tables equal the store', async () => {
		const execution = await executeWorkflow(BACKFILL.id);
		checks.time('backfill execution', execution.ms);
		const { counts, differences } = await compare(sim);
		checks.log(`  after the backfill: ${counts.join(', ')}`);
		assert(differences.length === 0, differences.slice(0, 10).join('\n'));
	});
	await checks.step(
		'activate the replica and start n8n: each trigger stores its cursor',
		async () => {
			await n8nCli(['update:workflow', `--id=${REPLICA.id}`, '--active=true']);
			const started = await mustRun(n8nScript('start.sh'), [], 240_000);
			checks.time('start.sh', started.ms);
			for (const trigger of REPLICA.triggers) {
				await waitFor(
					`the cursor of ${trigger}`,
					async () => {
						const rows = await sqlite<{ staticData: Record<string, { cursor?: unknown }> | null }>(
							'select staticData from workflow_entity where id = ?',
							REPLICA.id,
						);
						return rows[0]?.staticData?.[`node:${trigger}`]?.cursor;
					},
					60_000,
				);
			}
		},
	);
}

/** Reads executions of the replica; the test fails on any that did not succeed. */
async function executionSummary(): Promise<{ total: number; failed: string[] }> {
	const rows = await finishedExecutions(REPLICA.id);
	return {
		total: rows.length,
		failed: rows.filter((row) => row.status !== 'success').map((row) => `${row.id} ${row.status}`),
	};
}

const BULK = 110;
const RANDOM_CHANGES = 200;
const BURSTS = 4;

async function checkReplica(sim: Simulator): Promise<void> {
	const rng = new Prng(Number(process.env.REPLICA_SEED ?? 15));
	const changes = new StoreChanges(sim, rng);
	// A bulk job: BULK orders stamped with one and the same instant (more than one page of the trigger).
	const bulkIds = sim.store
		.list('orders')
		.map((order) => Number(order.id))
		.slice(0, BULK);
	let midPage = '';
	let bulkAt = Infinity;
	const stopHook = sim.onRequest((request) => {
		if (midPage || request.path !== '/api/v1/orders') return;
		// The trigger reads on from the last record of a page: `updated_at=gte:<its instant>`, or
		// `updated_at=eq:<instant>&id=gt:<last id>` when the whole page was that instant (a bulk). A
		// request from the bulk's instant means it has read the first page of the bulk.
		const from = /^(?:gte|eq):(\S+)/.exec(request.query.get('updated_at') ?? '')?.[1];
		if (!from || instantOf(from) < bulkAt) return;
		// Two orders it read and one it has not read yet change again, one loses a line, and one
		// random change more.
		for (const id of [bulkIds[3], bulkIds[50], bulkIds[BULK - 5]])
			sim.store.update('orders', id, { admin_comments: 'changed while the trigger paged' });
		const line = sim.store.list('order_items').find((item) => item.order_id === bulkIds[7]);
		if (line && !sim.store.list('order_items').some((i) => i.parent_order_item_id === line.id)) {
			sim.store.remove('order_items', Number(line.id));
			sim.store.update('orders', bulkIds[7], { admin_comments: 'line removed while paged' });
		}
		changes.random();
		midPage = `${request.method} ${request.path}?${request.rawQuery}`;
	});
	let lastChange = 0;
	await checks.step(
		`${BULK} orders stamped with one instant, then ${RANDOM_CHANGES} random changes in ${BURSTS} bursts`,
		async () => {
			const stamp = sim.store.nowTimestamp();
			bulkAt = instantOf(stamp);
			for (const id of bulkIds)
				sim.store.update('orders', id, { updated_at: stamp, admin_comments: 'bulk update' });
			for (let burst = 0; burst < BURSTS; burst++) {
				await new Promise((resolve) => setTimeout(resolve, 1500));
				for (let i = 0; i < RANDOM_CHANGES / BURSTS; i++) changes.random();
			}
			lastChange = Date.now();
			checks.log(`  changes: ${[...changes.kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
		},
	);
	await checks.check(
		'within 150 s of the last change the replica equals the store, row by row (raw and key columns)',
		async () => {
			let last: Comparison | undefined;
			let caughtUp = false;
			try {
				await waitFor(
					'the replica to catch up',
					async () => {
						last = await compare(sim);
						return last.differences.length === 0 ? true : undefined;
					},
					150_000,
					3_000,
				);
				caughtUp = true;
			} catch {
				// Timed out: the differences below say why.
			} finally {
				stopHook();
			}
			const after = `${((Date.now() - lastChange) / 1000).toFixed(1)} s after the last change`;
			if (last) checks.log(`  rows (replica/store): ${last.counts.join(', ')}`);
			checks.log(caughtUp ? `  caught up ${after}` : `  still different ${after}`);
			if (!caughtUp) {
				const differences = last?.differences ?? ['no comparison finished'];
				throw new Error(
					`${differences.length} differences, the first:\n${differences.slice(0, 10).join('\n')}`,
				);
			}
		},
	);
	await checks.check(
		'the Order Updated trigger paged through the bulk while orders changed again (and every execution succeeded)',
		async () => {
			assert(midPage, 'the trigger never read on from the instant of the bulk: it never paged');
			checks.log(`  changed before: ${midPage}`);
			const { total, failed } = await executionSummary();
			checks.log(`  replica executions: ${total}`);
			assert(failed.length === 0, `executions that did not succeed: ${failed.join(', ')}`);
		},
	);
}

// ---- lag ---------------------------------------------------------------------------------------------

const TABLE_OF: Record<string, string> = {
	products: 'cartcom_products',
	customers: 'cartcom_customers',
	orders: 'cartcom_orders',
};

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measureLag(sim: Simulator): Promise<void> {
	const minutes = Number(process.env.REPLICA_LAG_MINUTES ?? 5);
	const rng = new Prng(Number(process.env.REPLICA_SEED ?? 15));
	const changes = new StoreChanges(sim, rng);
	interface Pending {
		table: string;
		id: number;
		at: number;
		t0: number;
	}
	const pending: Pending[] = [];
	const lags: number[] = [];
	let made = 0;
	const watch = async () => {
		if (!pending.length) return;
		for (const table of new Set(pending.map((p) => p.table))) {
			const ids = [...new Set(pending.filter((p) => p.table === table).map((p) => p.id))];
			const text = await psql(
				`select coalesce(json_agg(json_build_object('id', id, 'at', floor(extract(epoch from updated_at) * 1000))), '[]') from ${table} where id in (${ids.join(',')})`,
			);
			const rows = new Map(
				(JSON.parse(text) as Array<{ id: number; at: number }>).map((r) => [r.id, r.at]),
			);
			const now = Date.now();
			for (let i = pending.length - 1; i >= 0; i--) {
				const p = pending[i];
				const at = rows.get(p.id);
				if (p.table === table && at !== undefined && at >= p.at) {
					lags.push(now - p.t0);
					pending.splice(i, 1);
				}
			}
		}
	};
	await checks.step(`one change every 1–6 s for ${minutes} min, at 1-minute polling`, async () => {
		const end = Date.now() + minutes * 60_000;
		let next = Date.now();
		while (Date.now() < end) {
			if (Date.now() >= next) {
				const { resource, id } = changes.random();
				const record = sim.store.get(resource, id);
				pending.push({
					table: TABLE_OF[resource],
					id,
					at: instantOf(record?.updated_at),
					t0: Date.now(),
				});
				made++;
				next = Date.now() + rng.int(1000, 6000);
			}
			await watch();
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const deadline = Date.now() + 150_000;
		while (pending.length && Date.now() < deadline) {
			await watch();
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	});
	const sorted = [...lags].sort((a, b) => a - b);
	const { total, failed } = await executionSummary();
	const result = {
		minutes,
		changes: made,
		measured: lags.length,
		notArrived: pending.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted.at(-1) ?? NaN,
		min: sorted[0] ?? NaN,
		executions: total,
		failedExecutions: failed.length,
	};
	console.log(`replica-lag: ${JSON.stringify(result)}`);
	await checks.check('every change reached Postgres and every execution succeeded', () => {
		assert(pending.length === 0, `${pending.length} changes never reached Postgres`);
		assert(failed.length === 0, `executions that did not succeed: ${failed.join(', ')}`);
	});
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const workDir =
		process.env.E2E_WORK_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cartcom-replica-'));
	fs.mkdirSync(workDir, { recursive: true });
	// A store that caps pages at 100 (the trigger asks for 1,000 and learns the cap) and a bulk job of
	// more orders than that, so the trigger pages.
	const sim = await startSimulator({
		seed: 42,
		port: 0,
		maxPageSize: 100,
		sizes: { orders: 150, customers: 40, products: 40 },
	});
	checks.log(
		`store simulator on ${sim.url}, PostgreSQL on 127.0.0.1:${PG_PORT}, n8n on ${process.env.N8N_PORT}`,
	);
	try {
		await setUp(sim, workDir);
		if (mode === 'lag') await measureLag(sim);
		else await checkReplica(sim);
	} catch (error) {
		if (!(error instanceof StopRun)) {
			checks.failed++;
			checks.log(
				`not ok - unexpected error: ${error instanceof Error ? error.stack : String(error)}`,
			);
		}
	} finally {
		await run(n8nScript('stop.sh'), []);
		await sim.stop();
		await run('bash', [POSTGRES_SH, 'stop', PG_DIR]);
	}
	console.log(checks.summary());
	return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
