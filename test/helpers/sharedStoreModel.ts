/**
 * A discrete-event model of several n8n processes (each with its own CallBudget, as each process has
 * its own memory) calling one store that counts all their calls together over a rolling window, as
 * Cart.com does (X-AC-Call-Limit: used/limit of the whole store). Virtual time, no sockets: the model
 * runs thousands of calls in milliseconds and is deterministic for a given seed.
 *
 * Each process runs `lanes` serial call loops (its concurrent executions and Parallel Requests); a
 * lane takes a slot (tryTake), its call reaches the store after `oneWayMs`, the store counts it or
 * refuses it (429, Retry-After in whole seconds, as the simulator answers), the answer comes back after
 * `oneWayMs`, and the lane settles it the way nodes/shared/http/request.ts does.
 */
import { CallBudget } from '../../nodes/shared/http/callBudget';
import { RollingWindowLimiter } from '../simulator/rateLimit';

export interface ModelProcess {
	/** Serial call loops in this process. */
	lanes: number;
	/** Calls this process must get answered (successes), shared by its lanes. */
	calls: number;
	/** When the process starts calling (ms). */
	startMs?: number;
}

export interface ModelResult {
	/** Every call the store received, refusals included. */
	requests: number;
	tooMany: number;
	/** Time of the last successful answer. */
	wallMs: number;
	/** Most calls the store counted in any window (must never exceed the limit). */
	peak: number;
}

export function runSharedStore(
	processes: ModelProcess[],
	plan: { limit: number; windowMs: number },
	oneWayMs = 10,
	makeBudget: (clock: () => number) => CallBudget = (clock) => new CallBudget(clock, plan.windowMs),
	jitter: () => number = mulberry(7),
	processDelayMs = 0,
): ModelResult {
	let now = 0;
	const events: Array<{ at: number; seq: number; run: () => void }> = [];
	let seq = 0;
	const at = (time: number, run: () => void) => {
		events.push({ at: time, seq: seq++, run });
	};
	const store = new RollingWindowLimiter();
	const counted: number[] = [];
	let requests = 0;
	let tooMany = 0;
	let wallMs = 0;

	for (const proc of processes) {
		const budget = makeBudget(() => now);
		let left = proc.calls;
		let pending = 0;
		const lane = () => {
			if (left - pending <= 0) return;
			const wait = budget.tryTake();
			if (wait > 0) return at(now + wait, lane);
			pending++;
			// A little spread in the network, so lanes of different processes do not move in lockstep.
			// On a busy n8n process a call can leave well after it took its slot (processDelayMs).
			const out = oneWayMs * (0.8 + 0.4 * jitter()) + processDelayMs * jitter();
			at(now + out, () => {
				requests++;
				const decision = store.check(plan.limit, plan.windowMs, now);
				if (decision.allowed) {
					store.record(now);
					counted.push(now);
				}
				const used = store.used(plan.windowMs, now);
				const back = oneWayMs * (0.8 + 0.4 * jitter());
				at(now + back, () => {
					pending--;
					budget.settle({ used, limit: plan.limit });
					if (decision.allowed) {
						left--;
						wallMs = Math.max(wallMs, now);
						return lane();
					}
					tooMany++;
					const retryMs = Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) * 1000;
					budget.exhaustedFor(retryMs);
					at(now + retryMs, lane);
				});
			});
		};
		for (let k = 0; k < proc.lanes; k++) at(proc.startMs ?? 0, lane);
	}

	for (let steps = 0; events.length; steps++) {
		if (steps > 5_000_000) throw new Error('model did not finish');
		let next = 0;
		for (let k = 1; k < events.length; k++) {
			const a = events[k];
			const b = events[next];
			if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = k;
		}
		const [event] = events.splice(next, 1);
		now = event.at;
		event.run();
	}
	return { requests, tooMany, wallMs, peak: peakInWindow(counted, plan.windowMs) };
}

function peakInWindow(times: number[], windowMs: number): number {
	let peak = 0;
	let first = 0;
	for (let last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= windowMs) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

/** A small seeded PRNG (mulberry32), so the model is deterministic. */
export function mulberry(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The fastest all calls could go under the plan, sent in parallel: full windows, then one round trip. */
export const parallelBoundMs = (
	calls: number,
	limit: number,
	windowMs: number,
	roundTripMs: number,
) => (Math.ceil(calls / limit) - 1) * windowMs + roundTripMs;
