import { resetLeakyBuckets, type SlotBudget } from './leakyBucket';

/** Margin so that a call leaves the server's window before we count it out of ours. */
const WINDOW_MARGIN_MS = 150;
/** The window a budget counts over when its service names none: Cart.com's 10 s (its docs README). */
const DEFAULT_WINDOW_MS = 10_000;

/** How many calls the service counted in its current window, and how many it allows. */
export interface CallLimit {
	used: number;
	limit: number;
}

/** A monotonic clock in milliseconds: unlike Date.now, a step of the wall clock (NTP, an admin) cannot move it. */
export type MonotonicClock = () => number;

/** Milliseconds from an arbitrary origin that only ever move forward. */
export const monotonicNow: MonotonicClock = () => performance.now();

/**
 * The client's view of one account's call budget at a service that counts calls over a rolling
 * window. Every call first takes a slot; a slot is free when fewer calls than the service allows
 * were sent in the last window. Until the service has told us its limit (first response), only one
 * call runs, so even a 5-call plan never sees a burst of rate-limit refusals.
 */
export class CallBudget implements SlotBudget {
	private sentAt: number[] = [];
	private limit: number | undefined;
	/** Calls the service counted that we did not send (other apps on the same account). */
	private foreignCalls = 0;
	private inFlightBeforeLimitKnown = 0;

	/**
	 * The clock is monotonic: a step of the host's wall clock (NTP, DST on a misconfigured host)
	 * must neither stall calls for the size of the step nor release a burst.
	 */
	constructor(
		private readonly clock: MonotonicClock = monotonicNow,
		private readonly windowMs: number = DEFAULT_WINDOW_MS,
	) {}

	/** How long to wait before the next call may be sent; 0 means "now" (and the slot is taken). */
	tryTake(): number {
		const now = this.clock();
		this.forgetOlderThan(now);
		if (this.limit === undefined) {
			if (this.inFlightBeforeLimitKnown > 0) return 50;
			this.inFlightBeforeLimitKnown++;
			this.sentAt.push(now);
			return 0;
		}
		const capacity = Math.max(1, this.limit - this.foreignCalls);
		if (this.sentAt.length < capacity) {
			this.sentAt.push(now);
			return 0;
		}
		return Math.max(1, this.sentAt[0] + this.windowMs + WINDOW_MARGIN_MS - now);
	}

	/** Called once per taken slot when its call ended, with the limit the answer reported, if any. */
	settle(callLimit: CallLimit | undefined): void {
		if (this.inFlightBeforeLimitKnown > 0) this.inFlightBeforeLimitKnown--;
		if (!callLimit) return;
		this.forgetOlderThan(this.clock());
		this.limit = callLimit.limit;
		this.foreignCalls = Math.max(0, callLimit.used - this.sentAt.length);
	}

	/** A rate-limit refusal means the service's window is full right now, whatever we counted. */
	exhaustedFor(waitMs: number): void {
		const now = this.clock();
		const limit = this.limit ?? 1;
		// Pretend the window is full until the service's Retry-After has passed.
		const fullUntil = now + waitMs - this.windowMs - WINDOW_MARGIN_MS;
		this.sentAt = Array.from({ length: limit }, () => fullUntil).concat(
			this.sentAt.filter((t) => t > fullUntil),
		);
		this.sentAt.sort((a, b) => a - b);
	}

	private forgetOlderThan(now: number): void {
		const cutoff = now - this.windowMs - WINDOW_MARGIN_MS;
		let drop = 0;
		while (drop < this.sentAt.length && this.sentAt[drop] <= cutoff) drop++;
		if (drop > 0) this.sentAt = this.sentAt.slice(drop);
	}
}

const budgets = new Map<string, CallBudget>();

/**
 * One budget per account, shared by every node and execution in this n8n process, because the
 * service counts all of them together. The key names the account (Cart.com: the API base plus the
 * site id), never a secret; `windowMs` only matters the first time a key is seen.
 */
export function budgetFor(key: string, windowMs: number = DEFAULT_WINDOW_MS): CallBudget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = new CallBudget(monotonicNow, windowMs);
		budgets.set(key, budget);
	}
	return budget;
}

/** Test and benchmark hook: forget every account's budget (leaky buckets included). */
export function resetCallBudgets(): void {
	budgets.clear();
	resetLeakyBuckets();
}
