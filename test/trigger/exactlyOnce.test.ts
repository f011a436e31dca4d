/**
 * Cart.com Trigger, randomized: many changes interleaved with polls, checked against a ledger of
 * every version the store ever held.
 *
 * What "exactly once" means here, precisely. A version is (id, updated_at instant); two writes to the
 * same record in the same millisecond are one version (nobody can tell them apart). For an Updated
 * trigger (with a status filter: versions whose status matched):
 *   1. no version is emitted twice;
 *   2. only versions written after activation are emitted (no history), and only matching ones;
 *   3. every version that was current both when a successful poll started and when it ended has been
 *      emitted by the end of that poll (a version overwritten before any poll could read it cannot be);
 *   4. after the changes stop, one poll emits every version still current.
 * For a Created trigger: every record created after activation is emitted exactly once, nothing else.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../helpers/fixtures';
import type { SimRecord } from '../simulator';
import {
	Clock,
	emitted,
	instant,
	nodeState,
	poll,
	requestsTo,
	startTriggerStore,
	stateSize,
	versionKeyOf,
} from '../helpers/triggerKit';

const ORDERS = '/api/v1/orders';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		chance: (p: number) => next() < p,
	};
}

interface Version {
	id: number;
	/** The status it has now. */
	status: number;
	/** Every status it had: two writes in one millisecond are one version whose content changed. */
	statuses: Set<number>;
}

/** Every version written after activation, and which one is current per order. */
class Ledger {
	readonly versions = new Map<string, Version>();
	readonly current = new Map<number, string>();
	readonly createdIds = new Set<number>();

	record(record: SimRecord, created: boolean): void {
		const key = versionKeyOf(record);
		const status = record.order_status_id as number;
		const statuses = this.versions.get(key)?.statuses ?? new Set<number>();
		statuses.add(status);
		this.versions.set(key, { id: record.id as number, status, statuses });
		this.current.set(record.id as number, key);
		if (created) this.createdIds.add(record.id as number);
	}

	snapshot(): Set<string> {
		return new Set([...this.current.values()].filter((key) => this.versions.has(key)));
	}
}

interface Watcher {
	name: string;
	parameters: INodeParameters;
	staticData: IDataObject;
	emitted: string[];
	/** Which versions this trigger must emit (judged by their current content). */
	wants: (key: string, version: Version) => boolean;
	/** Which versions it may emit (content it had at any moment). */
	may?: (version: Version) => boolean;
}

describe('Cart.com Trigger: exactly once under random load', () => {
	let sim: Simulator;
	let clock: Clock;

	afterEach(async () => {
		await sim.stop();
	});

	async function activate(watchers: Watcher[]): Promise<void> {
		for (const watcher of watchers)
			expect(
				await poll(sim, { parameters: watcher.parameters, staticData: watcher.staticData }),
			).toBeNull();
	}

	/** One random change; `spread` picks any order alike (a backlog touching many records). */
	function makeChanger(ledger: Ledger, rng: ReturnType<typeof prng>, seededOrders = 60) {
		return (spread = false): void => {
			const roll = rng.next();
			if (roll < 0.4) {
				// same millisecond as the previous change
			} else if (roll < 0.7) clock.advance(rng.int(1, 5));
			else if (roll < 0.95) clock.advance(rng.int(10, 500));
			else clock.advance(rng.int(1000, 3000));
			const op = rng.next();
			if (op < 0.25) {
				ledger.record(
					sim.store.create('orders', {
						customer_id: 1,
						order_status_id: rng.int(1, 4),
						grand_total: rng.int(1, 500),
					}),
					true,
				);
				return;
			}
			const ids = [...ledger.current.keys()];
			// Recent orders change more often, as in a real store; but any order may change.
			const recent = !spread && rng.chance(0.6) && ids.length > 0;
			const id = recent
				? ids[Math.max(0, ids.length - 1 - rng.int(0, 30))]
				: 100001 + rng.int(0, seededOrders - 1);
			const record =
				op < 0.9
					? sim.store.update('orders', id, { order_status_id: rng.int(1, 4) })
					: sim.store.touch('orders', id);
			ledger.record(record, false);
		};
	}

	it('1,000 random changes and 50 polls: same-millisecond bursts, bulk updates larger than a page re-changed between page requests, changes during paging, 429/503s, DST and zone changes', async () => {
		const rng = prng(20241103);
		clock = new Clock(Date.parse('2024-11-03T06:50:00.000Z')); // 01:50 CDT; fall-back to -06:00 at 07:00Z
		sim = await startTriggerStore(clock, { faults: { errorRate: 0.03 }, sizes: { orders: 200 } });
		const ledger = new Ledger();
		const change = makeChanger(ledger, rng, 200);
		/** `size` distinct orders touched in the same millisecond, at the start of a second. */
		const bulkUpdate = (size: number): number[] => {
			clock.ms = Math.ceil((clock.ms + 1) / 1000) * 1000;
			const ids = Array.from({ length: size }, (_, i) => 100001 + ((i * 7) % 200));
			for (const id of ids) ledger.record(sim.store.touch('orders', id), false);
			return ids;
		};
		const statuses = new Set([1, 3]);
		const watchers: Watcher[] = [
			{
				name: 'updated',
				parameters: { event: 'orderUpdated', simplify: false },
				staticData: {},
				emitted: [],
				wants: () => true,
			},
			{
				name: 'updated, no look-back',
				parameters: { event: 'orderUpdated', simplify: false, options: { lookBackSeconds: 0 } },
				staticData: {},
				emitted: [],
				wants: () => true,
			},
			{
				name: 'updated, statuses 1 or 3',
				parameters: { event: 'orderUpdated', simplify: false, filters: { orderStatusIds: [1, 3] } },
				staticData: {},
				emitted: [],
				wants: (_key, version) => statuses.has(version.status),
				may: (version) => [...version.statuses].some((status) => statuses.has(status)),
			},
			{
				name: 'created',
				parameters: { event: 'orderCreated' },
				staticData: {},
				emitted: [],
				wants: () => false,
			},
		];
		await activate(watchers);

		// Changes while a poll pages: a few before some of its requests, and sometimes a 429.
		let pagingChanges = 0;
		let failedPolls = 0;
		let mostRequestsInAPoll = 0;
		const servedPages = () =>
			requestsTo(sim, ORDERS).filter((request) => request.status === 200).length;
		const stopHook = sim.onRequest((request) => {
			if (request.path !== ORDERS) return;
			if (rng.chance(0.3)) {
				const count = rng.int(1, 6);
				for (let i = 0; i < count && changes + pagingChanges < 1000; i++, pagingChanges++)
					change(true); // any order: also ones this poll already read
			}
			if (rng.chance(0.05)) sim.scriptFaults([{ status: 429, retryAfter: '0' }]);
		});

		let changes = 0;
		const bulkSizes: number[] = [];
		let reChangesBetweenPages = 0;
		for (let round = 0; round < 50; round++) {
			// Bursty load: mostly small batches, sometimes a backlog of several pages.
			const backlog = round === 4 || round === 24;
			const batch = round === 49 ? 1000 : backlog ? rng.int(100, 150) : rng.int(0, 10); // the last round tops up to 1,000
			for (let i = 0; i < batch && changes + pagingChanges < 1000; i++, changes++) change(backlog);
			// With each backlog a bulk job: 150 orders (more than a page) stamped in one and the same second.
			const bulk = backlog ? bulkUpdate(150) : [];
			changes += bulk.length;
			if (bulk.length) bulkSizes.push(bulk.length);
			if (round === 30) sim.options.timeZone = 'America/Denver'; // another offset again (-07:00)
			for (const watcher of watchers) {
				const before = ledger.snapshot();
				// While a bulk is read: between the first and the second page request, two orders already
				// read change again, and one not read yet changes (its bulk version is then gone).
				const pollStart = requestsTo(sim, ORDERS).length;
				const stopReChange = bulk.length
					? sim.beforeRequest(
							(request) =>
								request.path === ORDERS && requestsTo(sim, ORDERS).length === pollStart + 2,
							() => {
								clock.advance(rng.int(1, 1500));
								for (const id of [bulk[5], bulk[60], bulk[140]]) {
									ledger.record(sim.store.touch('orders', id), false);
									pagingChanges++;
									reChangesBetweenPages++;
								}
							},
						)
					: () => {};
				// An outage of the store (6 × 503, more than the transport retries) on the first or second request.
				const failAt = watcher.name !== 'updated' ? 0 : round % 13 === 7 ? 1 : round === 24 ? 2 : 0;
				let served = 0;
				const stopFault =
					failAt > 0
						? sim.onRequest((request) => {
								if (request.path === ORDERS && ++served === failAt)
									sim.scriptFaults(Array.from({ length: 6 }, () => ({ status: 503 })));
							})
						: () => {};
				const stateBefore = JSON.stringify(watcher.staticData);
				const requestsBefore = servedPages();
				let result;
				try {
					result = await poll(sim, {
						parameters: watcher.parameters,
						staticData: watcher.staticData,
					});
				} catch (error) {
					// Only the scripted outage may fail a poll, and it must leave the cursor as it was.
					expect(failAt).toBeGreaterThan(0);
					expect(JSON.stringify(watcher.staticData)).toBe(stateBefore);
					failedPolls++;
					continue;
				} finally {
					stopFault();
					stopReChange();
				}
				const items = emitted(result);
				mostRequestsInAPoll = Math.max(mostRequestsInAPoll, servedPages() - requestsBefore);
				if (watcher.name === 'created')
					watcher.emitted.push(...items.map((item) => String(item.id)));
				else watcher.emitted.push(...items.map(versionKeyOf));
				expect(stateSize(watcher.staticData)).toBeLessThan(2048);
				if (watcher.name === 'created') continue;
				const after = ledger.snapshot();
				const done = new Set(watcher.emitted);
				const missing = [...before].filter(
					(key) =>
						after.has(key) && watcher.wants(key, ledger.versions.get(key)!) && !done.has(key),
				);
				expect({ watcher: watcher.name, round, missing }).toEqual({
					watcher: watcher.name,
					round,
					missing: [],
				});
			}
		}
		stopHook();
		expect(bulkSizes).toEqual([150, 150]);
		expect(reChangesBetweenPages).toBeGreaterThanOrEqual(12); // at least once per Updated watcher and bulk
		expect(changes + pagingChanges).toBe(1000);
		expect(pagingChanges).toBeGreaterThan(50);
		expect(failedPolls).toBeGreaterThan(0);
		expect(mostRequestsInAPoll).toBeGreaterThanOrEqual(2); // some polls paged, with changes landing in between
		expect(sim.requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
		expect(sim.requests.filter((request) => request.status >= 500).length).toBeGreaterThan(0);
		const offsets = new Set(
			[...ledger.versions.keys()]
				.map((key) => sim.store.get('orders', Number(key.split('@')[0]))?.updated_at)
				.map((value) => String(value).slice(-6)),
		);
		expect(offsets.size).toBeGreaterThanOrEqual(2);

		// Quiet store: one more poll each brings everything still current.
		sim.options.faults = {};
		for (const watcher of watchers) {
			const items = emitted(
				await poll(sim, { parameters: watcher.parameters, staticData: watcher.staticData }),
			);
			watcher.emitted.push(
				...items.map((item) => (watcher.name === 'created' ? String(item.id) : versionKeyOf(item))),
			);
		}

		const current = ledger.snapshot();
		for (const watcher of watchers) {
			expect({
				watcher: watcher.name,
				duplicates: watcher.emitted.length - new Set(watcher.emitted).size,
			}).toEqual({ watcher: watcher.name, duplicates: 0 });
			if (watcher.name === 'created') {
				expect(watcher.emitted.map(Number).sort()).toEqual([...ledger.createdIds].sort());
				continue;
			}
			const allowed = watcher.may ?? (() => true);
			const unknown = watcher.emitted.filter(
				(key) => !ledger.versions.has(key) || !allowed(ledger.versions.get(key)!),
			);
			expect({ watcher: watcher.name, unknown }).toEqual({ watcher: watcher.name, unknown: [] });
			const done = new Set(watcher.emitted);
			const missing = [...current].filter(
				(key) => watcher.wants(key, ledger.versions.get(key)!) && !done.has(key),
			);
			expect({ watcher: watcher.name, missing }).toEqual({ watcher: watcher.name, missing: [] });
		}
		// Sanity: the ledger really saw many same-millisecond versions and a good share were emitted.
		const instants = [...ledger.versions.keys()].map((key) => Number(key.split('@')[1]));
		expect(instants.length - new Set(instants).size).toBeGreaterThan(100);
		expect(watchers[0].emitted.length).toBeGreaterThan(600);
	});

	it('static data stays under 2 KB after 10,000 changes, with the longest look-back and bulk bursts at one instant', async () => {
		const rng = prng(7);
		clock = new Clock(Date.parse('2024-11-03T05:00:00.000Z'));
		sim = await startTriggerStore(clock);
		const ledger = new Ledger();
		const change = makeChanger(ledger, rng);
		const watchers: Watcher[] = [
			{
				name: 'updated',
				parameters: { event: 'orderUpdated', options: { lookBackSeconds: 300 } },
				staticData: {},
				emitted: [],
				wants: () => true,
			},
			{
				name: 'created',
				parameters: { event: 'orderCreated' },
				staticData: {},
				emitted: [],
				wants: () => false,
			},
		];
		await activate(watchers);
		let largest = 0;
		for (let round = 0; round < 20; round++) {
			for (let i = 0; i < 500; i++) {
				if (round % 4 === 1 && i >= 100 && i < 200) {
					// A bulk job: 100 orders stamped in the same millisecond.
					ledger.record(sim.store.touch('orders', 100001 + (i % 60)), false);
					continue;
				}
				change();
			}
			for (const watcher of watchers) {
				const items = emitted(
					await poll(sim, { parameters: watcher.parameters, staticData: watcher.staticData }),
				);
				watcher.emitted.push(
					...items.map((item) =>
						watcher.name === 'created' ? String(item.id) : versionKeyOf(item),
					),
				);
				largest = Math.max(largest, stateSize(watcher.staticData));
			}
			clock.advance(1); // a poll takes time: the next change is not in the instant just read
		}
		expect(ledger.versions.size).toBeGreaterThan(9000);
		expect(largest).toBeLessThan(2048);
		expect(largest).toBeGreaterThan(500); // the look-back window really held versions
		const updated = watchers[0];
		expect(updated.emitted.length).toBe(new Set(updated.emitted).size);
		const done = new Set(updated.emitted);
		expect([...ledger.snapshot()].filter((key) => !done.has(key))).toEqual([]);
		expect(watchers[1].emitted.map(Number).sort()).toEqual([...ledger.createdIds].sort());
		expect(Object.keys(nodeState(updated.staticData)).sort()).toEqual(['cursor', 'key']);
		expect(instant(sim.store.get('orders', 100001)!.updated_at)).toBeGreaterThan(0);
	});
});
