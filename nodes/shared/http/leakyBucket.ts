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

/**
 * Calls of the capacity kept free: at least one, as much as drains in 500 ms, at most half of it.
 * (CartRover's 100 at 600 ms: 1.)
 */
function defaultMargin(capacity: number, leakMs: number): number {
	return Math.min(capacity / 2, Math.max(1, 500 / leakMs));
}

/** How often waiting calls look again while the first call has not reported the service's count. */
const UNKNOWN_COUNT_POLL_MS = 50;

/**
 * A leaky bucket (https://en.wikipedia.org/wiki/Leaky_bucket, "as a meter"): it holds up to
 * `capacity` calls and drains one every `leakMs`; a call is sent when the bucket has room for it.
 * A call drains from our count only once it has been answered: until then we cannot know when it
 * reached the service (a busy process may send it late), so a late call can never find the
 * service's bucket fuller than ours. The service's count (`settle` with `{used, limit}`: used =
 * calls in its bucket) is adopted when it is fuller, so calls of other apps on the same keys count
 * too. Until the first answer with a count, one call runs at a time, as CallBudget does.
 */
export class LeakyBucket implements SlotBudget {
	/** Answered calls still in the bucket, fractional as it drains continuously. */
	private level = 0;
	/** Calls sent and not answered yet: they take room but do not drain. */
	private inFlight = 0;
	private updatedAt: number;
	private countKnown = false;

	constructor(
		readonly capacity: number,
		readonly leakMs: number,
		private readonly clock: MonotonicClock = () => performance.now(),
		/** Calls of the capacity kept free, a margin for the service's own timing. */
		private readonly margin: number = defaultMargin(capacity, leakMs),
	) {
		if (!(capacity >= 1) || !(leakMs > 0))
			throw new RangeError('A leaky bucket needs capacity ≥ 1 and leakMs > 0');
		this.updatedAt = clock();
	}

	tryTake(): number {
		this.drain();
		if (!this.countKnown && this.inFlight > 0) return UNKNOWN_COUNT_POLL_MS;
		const room = this.capacity - this.margin - this.level - this.inFlight;
		if (room >= 1) {
			this.inFlight++;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - room) * this.leakMs));
	}

	settle(callLimit: CallLimit | undefined): void {
		this.drain();
		if (this.inFlight > 0) this.inFlight--;
		// The call is in the service's bucket (or may be: a broken connection) and drains from now.
		this.level = Math.min(this.capacity, this.level + 1);
		if (!callLimit) return;
		this.countKnown = true;
		const service = callLimit.used - this.inFlight;
		if (service > this.level) this.level = Math.min(this.capacity, service);
	}

	/** Full now, whatever the wait: what drains meanwhile is the retry's. */
	exhaustedFor(): void {
		this.drain();
		this.level = Math.max(this.level, this.capacity - this.inFlight);
	}

	/** Calls in the bucket now, answered or in flight (tests, benchmarks). */
	currentLevel(): number {
		this.drain();
		return this.level + this.inFlight;
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
