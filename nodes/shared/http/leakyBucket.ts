import type { CallLimit, MonotonicClock } from './callBudget';

/**
 * What the request loop needs of an account's call budget, whatever the service's rule: a slot
 * before each call, the answer's report after it, and a rate-limit refusal. CallBudget (a rolling
 * window) and LeakyBucket implement it.
 */
export interface SlotBudget {
	/** How long to wait before the next call may be sent; 0 means "now" (and the slot is taken). */
	tryTake(): number;
	/** Called once per taken slot when its call ended, with the count the answer reported, if any. */
	settle(callLimit: CallLimit | undefined): void;
	/** A rate-limit refusal: the service's budget is spent right now, whatever we counted. */
	exhaustedFor(waitMs: number): void;
}

/** Margin of a leak interval so that a call leaves the service's bucket before we count it out of ours. */
const LEAK_MARGIN = 0.25;

/**
 * A leaky bucket (https://en.wikipedia.org/wiki/Leaky_bucket, "as a meter"): it holds up to
 * `capacity` calls and drains one every `leakMs`; a call is sent when the bucket has room for it.
 * The service's count (`settle` with `{used, limit}`: used = calls in its bucket) is adopted when it
 * is fuller than ours, so calls of other apps on the same account are counted too. Until the first
 * answer with a count, one call runs at a time, as CallBudget does.
 */
export class LeakyBucket implements SlotBudget {
	/** Calls in the bucket, fractional as it drains continuously. */
	private level = 0;
	private updatedAt: number;
	private countKnown = false;
	private inFlightBeforeCountKnown = 0;

	constructor(
		readonly capacity: number,
		readonly leakMs: number,
		private readonly clock: MonotonicClock = () => performance.now(),
	) {
		if (!(capacity >= 1) || !(leakMs > 0))
			throw new RangeError('A leaky bucket needs capacity ≥ 1 and leakMs > 0');
		this.updatedAt = clock();
	}

	tryTake(): number {
		this.drain();
		if (!this.countKnown && this.inFlightBeforeCountKnown > 0) return Math.max(1, this.leakMs / 10);
		const room = this.capacity - LEAK_MARGIN - this.level;
		if (room >= 1) {
			this.level += 1;
			if (!this.countKnown) this.inFlightBeforeCountKnown++;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - room) * this.leakMs));
	}

	settle(callLimit: CallLimit | undefined): void {
		if (this.inFlightBeforeCountKnown > 0) this.inFlightBeforeCountKnown--;
		if (!callLimit) return;
		this.drain();
		this.countKnown = true;
		this.level = Math.min(this.capacity, Math.max(this.level, callLimit.used));
	}

	/** Full now, whatever the wait: what drains meanwhile is the retry's. */
	exhaustedFor(): void {
		this.drain();
		this.level = this.capacity;
	}

	/** Calls in the bucket now (tests, benchmarks). */
	currentLevel(): number {
		this.drain();
		return this.level;
	}

	private drain(): void {
		const now = this.clock();
		const leaked = (now - this.updatedAt) / this.leakMs;
		this.updatedAt = now;
		if (leaked > 0) this.level = Math.max(0, this.level - leaked);
	}
}

const buckets = new Map<string, LeakyBucket>();

/**
 * One bucket per account, shared by every node and execution in this n8n process, because the
 * service counts all of them together. The key names the account, never a secret; capacity and
 * leak only matter the first time a key is seen.
 */
export function leakyBucketFor(key: string, capacity: number, leakMs: number): LeakyBucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = new LeakyBucket(capacity, leakMs);
		buckets.set(key, bucket);
	}
	return bucket;
}

/** Test and benchmark hook (called by resetCallBudgets): forget every account's bucket. */
export function resetLeakyBuckets(): void {
	buckets.clear();
}
