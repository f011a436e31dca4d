import { resetLeakyBuckets, type SlotBudget } from './leakyBucket';

/** Margin so that a call leaves the server's window before we count it out of ours. */
const WINDOW_MARGIN_MS = 150;
/** The window a budget counts over when its service names none: Cart.com's 10 s (its docs README). */
const DEFAULT_WINDOW_MS = 10_000;

/**
 * How long past a window other callers' calls are remembered. Calls sent in a burst all leave the
 * window at once, and the store then reports none of them until their senders have replaced them
 * (our margin above, plus a busy process's delay); that moment is not room of ours. Longer would
 * keep a finished worker's part from the others for longer (the queue e2e: a whole window at half
 * speed with two windows of memory).
 */
const FOREIGN_MEMORY_EXTRA_MS = 1000;

/**
 * Of the free room, the part a process claims is its share of the store's count times this: the
 * others see the same room at the same time and claim theirs before any answer shows it. (A model of
 * 2–3 processes, test/helpers/sharedStoreModel.ts: 1 → 0.6–3 % of calls refused, ½ → 0.2–0.9 %.)
 */
const CLAIM_DAMPING = 0.5;
/** Answers after which a process that has seen no other caller leaves the slow start. */
const SLOW_START_ANSWERS = 8;
/** How often a call held back until the next answer looks again. */
const UNKNOWN_COUNT_POLL_MS = 50;

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
 * window. Every call first takes a slot; a slot is free when fewer calls than our share of the
 * window were sent in the last window. Until the service has told us its limit (first response), only
 * one call runs, so even a 5-call plan never sees a burst of rate-limit refusals.
 *
 * Several n8n processes (queue-mode workers) calling one store each hold one of these, and share
 * nothing but what the store tells every caller: `used/limit` counts all callers' calls. So each
 * process keeps a share of the window (`share`): it replaces its own calls as they leave the window,
 * and claims free room only in proportion to its part of the calls the store counted, so that two
 * processes that see the same free room at once do not both take all of it.
 */
export class CallBudget implements SlotBudget {
	/**
	 * Our calls in the current window (the taken slots), oldest first: the time we sent them while
	 * unanswered, the time of their answer once answered.
	 */
	private slots: Array<{ at: number; answered: boolean }> = [];
	private limit: number | undefined;
	/** How many calls of each window are ours to send: the whole limit while no one else calls. */
	private share = 0;
	/**
	 * Calls the service counted that we did not send (other apps, other n8n processes on the same
	 * store), as (time, count) samples of the last window, a monotonic deque whose head is the most.
	 * Room is kept for the most seen in that window, not for the latest sample: a process that waits
	 * out its safety margin before it replaces a call that left the window shows a dip that is not
	 * free room.
	 */
	private foreignSamples: Array<{ at: number; calls: number }> = [];
	/** After a rate-limit refusal: no call before this time. */
	private blockedUntil = -Infinity;
	private inFlightBeforeLimitKnown = 0;
	/** Answers that reported the store's count, and when the first came (for the slow start). */
	private answers = 0;
	private firstAnswerAt = 0;

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
		if (now < this.blockedUntil) return Math.max(1, this.blockedUntil - now);
		if (this.limit === undefined) {
			if (this.inFlightBeforeLimitKnown > 0) return UNKNOWN_COUNT_POLL_MS;
			this.inFlightBeforeLimitKnown++;
			this.slots.push({ at: now, answered: false });
			return 0;
		}
		const foreign = this.foreignCalls(now);
		// Alone on the store (no foreign call for a window and a second): the whole limit is ours.
		const share = foreign === 0 ? this.limit : Math.min(this.share, this.limit - foreign);
		let capacity = Math.max(1, share);
		// Slow start: in the first window after the limit is known, one call in flight at a time while
		// other callers are seen (or for the first few answers, until they would have been), so that
		// processes starting together see each other's calls in the count before they fill the window.
		// Alone, a process is held back for those few round trips only.
		const slowStart =
			now - this.firstAnswerAt < this.windowMs &&
			(this.answers < SLOW_START_ANSWERS || foreign > 0) &&
			this.answers + 1 < capacity;
		if (slowStart) capacity = this.answers + 1;
		if (this.slots.length < capacity) {
			this.slots.push({ at: now, answered: false });
			return 0;
		}
		// Held back by the slow start only: the next answer frees a slot.
		if (slowStart) return UNKNOWN_COUNT_POLL_MS;
		return Math.max(
			1,
			this.slots[this.slots.length - capacity].at + this.windowMs + WINDOW_MARGIN_MS - now,
		);
	}

	/** Called once per taken slot when its call ended, with the limit the answer reported, if any. */
	settle(callLimit: CallLimit | undefined): void {
		if (this.inFlightBeforeLimitKnown > 0) this.inFlightBeforeLimitKnown--;
		if (!callLimit) {
			this.stampAnswered(this.clock());
			return;
		}
		const now = this.clock();
		this.forgetOlderThan(now);
		this.stampAnswered(now);
		const { limit } = callLimit;
		if (this.answers++ === 0) this.firstAnswerAt = now;
		this.limit = limit;
		const own = this.slots.length;
		const seen = Math.max(0, callLimit.used - own);
		// A monotonic deque: a sample no larger than a newer one can never be the window's most.
		while (
			this.foreignSamples.length &&
			this.foreignSamples[this.foreignSamples.length - 1].calls <= seen
		)
			this.foreignSamples.pop();
		this.foreignSamples.push({ at: now, calls: seen });
		const foreign = this.foreignCalls(now);
		if (foreign === 0) {
			this.share = limit;
			return;
		}
		const share = Math.max(1, Math.min(this.share, limit - foreign));
		// Room neither we nor the others hold: claim our part of it, in proportion to our calls.
		const free = limit - foreign - share;
		const claim = free > 0 ? Math.floor((CLAIM_DAMPING * free * share) / (share + foreign)) : 0;
		this.share = share + claim;
	}

	/** A rate-limit refusal means the service's window is full right now, whatever we counted. */
	exhaustedFor(waitMs: number): void {
		const now = this.clock();
		this.blockedUntil = Math.max(this.blockedUntil, now + waitMs);
		// The refused call was not counted: its slot is free again, but the window has no room beyond
		// what we hold, so our part is at most that.
		this.slots.pop();
		this.share = Math.max(1, Math.min(this.share, this.slots.length));
	}

	/** The most foreign calls the service reported within the last window. */
	private foreignCalls(now: number): number {
		const cutoff = now - this.windowMs - FOREIGN_MEMORY_EXTRA_MS;
		let drop = 0;
		while (drop < this.foreignSamples.length && this.foreignSamples[drop].at <= cutoff) drop++;
		if (drop > 0) this.foreignSamples = this.foreignSamples.slice(drop);
		return this.foreignSamples[0]?.calls ?? 0;
	}

	/**
	 * A call leaves our count a window after its answer, not after we sent it: the store counted it
	 * when it arrived, which on a busy process can be well after we took the slot, so a count from
	 * the sending time would drop calls the store still holds and take them for other callers'.
	 * (Which call ended is not known; moving the oldest unanswered slot to now keeps the count right.)
	 */
	private stampAnswered(now: number): void {
		const index = this.slots.findIndex((slot) => !slot.answered);
		if (index < 0) return;
		this.slots.splice(index, 1);
		this.slots.push({ at: now, answered: true });
	}

	private forgetOlderThan(now: number): void {
		const cutoff = now - this.windowMs - WINDOW_MARGIN_MS;
		let drop = 0;
		while (drop < this.slots.length && this.slots[drop].at <= cutoff) drop++;
		if (drop > 0) this.slots = this.slots.slice(drop);
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
