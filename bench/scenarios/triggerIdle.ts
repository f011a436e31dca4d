/**
 * Scenario 2: the Cart.com Trigger ("Order Updated") after 10,000 changes: how large its workflow
 * static data is, and how many requests a poll makes when nothing changed. The changes are made in
 * bursts (many share a millisecond, as in a bulk import), each burst followed by a poll.
 */
import { existsSync } from 'fs';
import path from 'path';
import type { IDataObject, INodeType } from 'n8n-workflow';

import { budgetLabel, type BenchConfig } from '../config';
import { jsonBytes, pollOnce, progress, sleep, startBenchStore, type Simulator } from '../harness';
import { kb, type Check, type Section } from '../report';

const TRIGGER_FILE = path.join(__dirname, '../../nodes/CartCom/CartComTrigger.node.ts');
const MAX_STATE_BYTES = 2048;
const BURST = 500;
const IDLE_POLLS = 3;

/** Loaded lazily: the benchmark must still run (and say so) while the trigger does not exist yet. */
export function loadTrigger(): INodeType | undefined {
	if (!existsSync(TRIGGER_FILE)) return undefined;
	const { CartComTrigger } = require('../../nodes/CartCom/CartComTrigger.node') as {
		CartComTrigger: new () => INodeType;
	};
	return new CartComTrigger();
}

export const triggerUnavailable = (title: string): Section => ({
	title,
	setup: ['nodes/CartCom/CartComTrigger.node.ts does not exist yet'],
	columns: ['result'],
	rows: [['trigger not available']],
	checks: [],
});

export const UPDATED_EVENT = { event: 'orderUpdated', simplify: false };

/** Changes `ids` in one synchronous burst; returns the versions made, as `id@updated_at`. */
export function changeOrders(sim: Simulator, ids: number[], note: string): string[] {
	return ids.map((id) => {
		const record = sim.store.update('orders', id, { admin_comments: note });
		return `${id}@${String(record.updated_at)}`;
	});
}

interface IdlePoll {
	requests: number;
	emitted: number;
}

async function idlePoll(
	trigger: INodeType,
	sim: Simulator,
	staticData: IDataObject,
): Promise<IdlePoll> {
	sim.clearRequests();
	const items = await pollOnce(trigger, sim, UPDATED_EVENT, staticData);
	return { requests: sim.requests.length, emitted: items.length };
}

export async function triggerIdleScenario(config: BenchConfig): Promise<Section> {
	const title = `2. Trigger: idle poll after ${config.changes.toLocaleString('en-US')} changes`;
	const trigger = loadTrigger();
	if (!trigger) return triggerUnavailable(title);
	const budget = { limit: config.limit, windowMs: config.windowMs };
	const sim = await startBenchStore({
		seed: config.seed,
		sizes: { orders: Math.max(config.orders, BURST), customers: 500, products: 100 },
		latencyMs: config.latencyMs,
		budget,
	});
	try {
		const staticData: IDataObject = {};
		await pollOnce(trigger, sim, UPDATED_EVENT, staticData); // activation: remembers where the store is
		const orderIds = sim.store.list('orders').map((order) => order.id as number);
		const made: string[] = [];
		const emitted = new Map<string, number>();
		let changePollRequests = 0;
		let changePolls = 0;
		progress(`trigger: ${config.changes} changes in bursts of ${BURST}, a poll after each`);
		for (let done = 0; done < config.changes; done += BURST) {
			const ids = Array.from(
				{ length: Math.min(BURST, config.changes - done) },
				(_v, k) => orderIds[(done + k) % orderIds.length],
			);
			made.push(...changeOrders(sim, ids, `bench change ${done}`));
			sim.clearRequests();
			for (const item of await pollOnce(trigger, sim, UPDATED_EVENT, staticData)) {
				const key = `${String(item.json.id)}@${String(item.json.updated_at)}`;
				emitted.set(key, (emitted.get(key) ?? 0) + 1);
			}
			changePollRequests += sim.requests.length;
			changePolls++;
		}
		const stateBytes = jsonBytes(staticData);
		const idleNow = await idlePoll(trigger, sim, staticData);
		await sleep(2500); // past the trigger's default 2 s look-back
		const idleLater: IdlePoll[] = [];
		for (let k = 0; k < IDLE_POLLS; k++) idleLater.push(await idlePoll(trigger, sim, staticData));
		const stateAfterIdle = jsonBytes(staticData);

		const lost = made.filter((key) => !emitted.has(key)).length;
		const duplicated = [...emitted.values()].filter((count) => count > 1).length;
		const idle = [idleNow, ...idleLater];
		const maxIdleRequests = Math.max(...idle.map((poll) => poll.requests));
		const idleEmitted = idle.reduce((sum, poll) => sum + poll.emitted, 0);
		const checks: Check[] = [
			{
				what: 'requests per idle poll (max)',
				measured: String(maxIdleRequests),
				target: '1',
				pass: maxIdleRequests === 1,
			},
			{
				what: 'items from idle polls',
				measured: String(idleEmitted),
				target: '0',
				pass: idleEmitted === 0,
			},
			{
				what: 'static data size',
				measured: kb(Math.max(stateBytes, stateAfterIdle)),
				target: '< 2 KB',
				pass: Math.max(stateBytes, stateAfterIdle) < MAX_STATE_BYTES,
			},
			{
				what: 'changes lost / emitted twice',
				measured: `${lost} / ${duplicated}`,
				target: '0 / 0',
				pass: lost === 0 && duplicated === 0,
			},
		];
		return {
			title,
			setup: [
				`event Order Updated; ${config.changes} changes in bursts of ${BURST} (a poll after each burst); budget ${budgetLabel(budget.limit, budget.windowMs)}, latency ${config.latencyMs} ms`,
			],
			columns: ['figure', 'value'],
			rows: [
				[
					'changes made / versions emitted',
					`${made.length} / ${[...emitted.values()].reduce((a, b) => a + b, 0)}`,
				],
				['polls while changing / their requests', `${changePolls} / ${changePollRequests}`],
				['static data after the changes (JSON bytes)', stateBytes],
				['static data after the idle polls (JSON bytes)', stateAfterIdle],
				['requests: idle poll right after (within look-back)', idleNow.requests],
				[
					`requests: ${IDLE_POLLS} idle polls 2.5 s later`,
					idleLater.map((poll) => poll.requests).join(', '),
				],
			],
			checks,
			notes: [
				'static data = JSON of the whole workflow static data object n8n stores for the workflow (the trigger’s cursor).',
			],
		};
	} finally {
		await sim.stop();
	}
}
