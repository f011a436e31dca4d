/**
 * The shortest time in which a client can make N calls under a rolling-window limit.
 *
 * The store allows L calls in any window of length W, and a fresh window is empty, so the first L
 * calls may go at once (the burst); call k+L may go no earlier than W after call k. "N calls ÷ rate"
 * (N·W/L) ignores the burst and so overstates the bound by up to one window; for a client that
 * sends one call at a time (paging: each page follows the previous one) each call also takes its
 * service time s. The earliest start of call k is then
 *
 *   t(1) = 0,   t(k) = max( t(k-1) + s,  t(k-L) + W )      (the second term only for k > L)
 *
 * and the bound is t(N) + s. When L·s ≤ W (the budget, not the latency, limits) this is
 *
 *   bound = (⌈N/L⌉ − 1)·W + (N − (⌈N/L⌉ − 1)·L)·s
 *
 * i.e. every full window but the last, plus the calls of the last window one after another; when
 * L·s > W the budget never binds and the bound is N·s. With s = 0 it is the pure budget bound
 * (⌈N/L⌉ − 1)·W for calls sent in parallel.
 */
export function serialBoundMs(
	calls: number,
	limit: number,
	windowMs: number,
	serviceMs: number,
): number {
	if (calls <= 0) return 0;
	const starts: number[] = [];
	for (let k = 0; k < calls; k++) {
		const afterPrevious = k === 0 ? 0 : starts[k - 1] + serviceMs;
		const afterWindow = k >= limit ? starts[k - limit] + windowMs : 0;
		starts.push(Math.max(afterPrevious, afterWindow));
	}
	return starts[calls - 1] + serviceMs;
}

/** The closed form above, for the report (valid when limit·service ≤ window). */
export function closedFormBoundMs(
	calls: number,
	limit: number,
	windowMs: number,
	serviceMs: number,
): number {
	const fullWindows = Math.ceil(calls / limit) - 1;
	return fullWindows * windowMs + (calls - fullWindows * limit) * serviceMs;
}

/** "Requests needed ÷ allowed rate": the naive figure, shown for comparison only. */
export const naiveBoundMs = (calls: number, limit: number, windowMs: number) =>
	(calls * windowMs) / limit;

export const BOUND_FORMULA =
	'bound = (ceil(N/L) - 1)·W + (N - (ceil(N/L) - 1)·L)·s  [when L·s <= W; else N·s]; ' +
	'N = requests, L = calls per window, W = window, s = time of one request measured without a limit';

/** Most requests whose arrival times fall in any window of `windowMs` (what the store would count). */
export function peakCallsInWindow(arrivals: number[], windowMs: number): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let peak = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

/**
 * The shortest time in which a client that fetches one page after another can make N calls under
 * a leaky bucket: CartRover's rate limit (spec page "CartRover API", section "Rate Limit",
 * https://versori.com/open-api-spec-library/cartrover-api: "The bucket size is 100 calls, and they
 * refill at rate of 1 call every 0.6 seconds"; https://en.wikipedia.org/wiki/Leaky_bucket, "as a
 * meter"). The bucket holds C calls and drains one every L ms; it holds F calls when the client
 * starts (time 0: another app's calls, or this client's earlier ones). A call is refused when it
 * would overflow the bucket.
 *
 * Let a(k) be the time the service counts call k. Until then the bucket has drained at most
 * a(k)/L calls, so just before a(k) it holds at least F + (k − 1) − a(k)/L (exactly that while it
 * never runs empty; running empty only keeps it fuller), and call k is accepted only if that is
 * ≤ C − 1, i.e.  a(k) ≥ (k + F − C)·L.  One page at a time means a(k) ≥ a(k−1) + s (s = one
 * request's time: latency, serving, parsing), and the first call reaches the service δ after the
 * start (δ = its one-way time). The earliest counts are then
 *
 *   a(1) = max( δ, (1 + F − C)·L ),   a(k) = max( a(k−1) + s,  (k + F − C)·L )
 *
 * and the bound is a(N) + (s − δ), when the last answer is back. For s ≤ L (the leak, not the
 * latency, limits once the bucket is full) and a bucket that never runs empty, this is
 *
 *   bound = max( N·s,  (N + F − C)·L + s − δ )
 *
 * i.e. N·s while the N calls fit in the room the bucket has (N + F ≤ C plus what drains meanwhile:
 * a fresh bucket of 100 takes 5,000 orders in 51 calls without binding), and one call per L once
 * the bucket is full. A bucket that runs empty wastes the drain meanwhile (a fresh one, until the
 * first call is counted), so the exact bound can be later than this by that much (at most δ for
 * F = 0). The function computes a(k) step by step on the bucket itself (draining it continuously
 * and never below empty, as the simulator's does), which is the earliest schedule any serial client
 * can have: counting a call earlier never leaves the bucket fuller later. Examples:
 * C = 100, L = 120, s = 60, δ = 50: N = 51, F = 0 → 3,060 ms (N·s); N = 51, F = 100 → 6,130 ms
 * ((51 + 100 − 100)·120 + 10).
 */
export function leakyBucketBoundMs(
	calls: number,
	bucket: { capacity: number; leakMs: number; initialFill: number },
	serviceMs: number,
	oneWayMs = 0,
): number {
	if (calls <= 0) return 0;
	const { capacity, leakMs } = bucket;
	let level = Math.min(Math.max(bucket.initialFill, 0), capacity);
	let at = 0;
	let countedAt = 0;
	for (let k = 0; k < calls; k++) {
		const earliest = k === 0 ? Math.min(oneWayMs, serviceMs) : countedAt + serviceMs;
		level = Math.max(0, level - (earliest - at) / leakMs);
		at = earliest;
		if (level > capacity - 1) {
			// Wait until one call has drained out.
			at += (level - (capacity - 1)) * leakMs;
			level = capacity - 1;
		}
		countedAt = at;
		level += 1;
	}
	return countedAt + serviceMs - Math.min(oneWayMs, serviceMs);
}

export const LEAKY_BOUND_FORMULA =
	'bound = max(N·s, (N + F - C)·L + s - δ)  [for s <= L]; N = requests, C = bucket size, L = ms per call drained, ' +
	'F = calls in the bucket at the start, s = time of one request measured without a bucket, δ = its one-way latency';
