/**
 * Rolling-window call limit (Cart.com docs, docs/README.md): every response reports `X-AC-Call-Limit: used/limit`;
 * over the limit the API answers 429 with Retry-After. Uses wall-clock time (not the simulated
 * clock) because clients wait in real time before retrying.
 */
export interface LimitDecision {
	allowed: boolean;
	used: number;
	/** Time until the oldest call leaves the window (when not allowed). */
	retryAfterMs: number;
}

export class RollingWindowLimiter {
	/** Wall-clock times of the calls counted in the current window, oldest first. */
	private calls: number[] = [];

	private prune(nowMs: number, windowMs: number): void {
		const cutoff = nowMs - windowMs;
		let drop = 0;
		while (drop < this.calls.length && this.calls[drop] <= cutoff) drop++;
		if (drop > 0) this.calls = this.calls.slice(drop);
	}

	used(windowMs: number, nowMs = Date.now()): number {
		this.prune(nowMs, windowMs);
		return this.calls.length;
	}

	/** Whether one more call fits; does not count it. */
	check(limit: number, windowMs: number, nowMs = Date.now()): LimitDecision {
		this.prune(nowMs, windowMs);
		const used = this.calls.length;
		if (used < limit) return { allowed: true, used, retryAfterMs: 0 };
		// Time until enough calls expire for one more to fit.
		const oldestBlocking = this.calls[used - limit];
		return { allowed: false, used, retryAfterMs: Math.max(0, oldestBlocking + windowMs - nowMs) };
	}

	record(nowMs = Date.now()): void {
		this.calls.push(nowMs);
	}

	reset(): void {
		this.calls = [];
	}
}

/** Retry-After value: whole seconds (at least 1) or an HTTP-date. */
export function retryAfterValue(
	delayMs: number,
	style: 'seconds' | 'http-date',
	nowMs = Date.now(),
): string {
	const seconds = Math.max(1, Math.ceil(delayMs / 1000));
	return style === 'http-date' ? new Date(nowMs + seconds * 1000).toUTCString() : String(seconds);
}
