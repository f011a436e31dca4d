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
