import { DateTime } from 'luxon';

/** Cart.com counts calls per store over a rolling 10 s window (docs, since 2014). */
export const CALL_WINDOW_MS = 10_000;
/** Margin so that a call leaves the server's window before we count it out of ours. */
const WINDOW_MARGIN_MS = 150;

export interface CallLimit {
	used: number;
	limit: number;
}

/** Milliseconds from an arbitrary origin that only ever move forward. */
export const monotonicNow = (): number => performance.now();

/** `X-AC-Call-Limit: 3/20` → { used: 3, limit: 20 }; anything else → undefined. */
export function parseCallLimit(header: unknown): CallLimit | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
	if (!match) return undefined;
	const limit = Number(match[2]);
	return limit > 0 ? { used: Number(match[1]), limit } : undefined;
}

/** `Retry-After` in seconds or as an HTTP date → milliseconds to wait (never negative). */
export function parseRetryAfter(header: unknown, now: DateTime = DateTime.utc()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'number') return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
	const date = DateTime.fromHTTP(trimmed);
	if (!date.isValid) return undefined;
	return Math.max(0, date.toMillis() - now.toMillis());
}

/**
 * The client's view of one store's call budget. Every call first takes a slot; a slot is free when
 * fewer calls than the store allows were sent in the last window. Until the store has told us its
 * limit (first response), only one call runs, so even a 5-call plan never sees a burst of 429s.
 */
export class CallBudget {
	private sentAt: number[] = [];
	private limit: number | undefined;
	/** Calls the store counted that we did not send (other apps on the same store). */
	private foreignCalls = 0;
	private inFlightBeforeLimitKnown = 0;

	/**
	 * The clock is monotonic: a step of the host's wall clock (NTP, DST on a misconfigured host)
	 * must neither stall calls for the size of the step nor release a burst.
	 */
	constructor(
		private readonly clock: () => number = monotonicNow,
		private readonly windowMs: number = CALL_WINDOW_MS,
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

	/** Called once per taken slot when its call ended, with the response's `X-AC-Call-Limit` if any. */
	settle(callLimit: CallLimit | undefined): void {
		if (this.inFlightBeforeLimitKnown > 0) this.inFlightBeforeLimitKnown--;
		if (!callLimit) return;
		this.forgetOlderThan(this.clock());
		this.limit = callLimit.limit;
		this.foreignCalls = Math.max(0, callLimit.used - this.sentAt.length);
	}

	/** A 429 means the store's window is full right now, whatever we counted. */
	exhaustedFor(waitMs: number): void {
		const now = this.clock();
		const limit = this.limit ?? 1;
		// Pretend the window is full until the store's Retry-After has passed.
		const fullUntil = now + waitMs - this.windowMs - WINDOW_MARGIN_MS;
		this.sentAt = Array.from({ length: limit }, () => fullUntil).concat(this.sentAt.filter((t) => t > fullUntil));
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
 * One budget per store, shared by every node and execution in this n8n process, because the store
 * counts all of them together. The key is the API base plus the site id: never a secret.
 */
export function budgetFor(storeKey: string, windowMs = CALL_WINDOW_MS): CallBudget {
	let budget = budgets.get(storeKey);
	if (!budget) {
		budget = new CallBudget(monotonicNow, windowMs);
		budgets.set(storeKey, budget);
	}
	return budget;
}

/** Test and benchmark hook: forget every store's budget. */
export function resetCallBudgets(): void {
	budgets.clear();
}
