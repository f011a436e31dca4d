/**
 * How long and how many requests one poll may take: its deadline. (The store's limit on calls is a
 * different thing, the call budget, kept by the transport for every node.)
 */
import type { IPollFunctions } from 'n8n-workflow';

import { monotonicNow, type MonotonicClock } from '../transport';

/** Share of the poll's time we plan to use; the rest covers the request in flight and the hand-off. */
const TIME_SHARE = 0.8;

/**
 * n8n 1.x gives a poll no time (`getPollBudgetMs` is 2.x only) and starts the next cron tick while a
 * poll still runs. n8n's shortest poll interval is one minute, so a poll plans for half of that and
 * leaves the rest of a backlog to the next poll instead of running into (or past) the next tick.
 */
export const DEFAULT_POLL_DEADLINE_MS = 30_000;

/**
 * Requests per poll, with or without n8n's time: at 100 records a page that is up to 5,000
 * records in one execution, a size n8n handles comfortably, and it bounds a poll against a store
 * that keeps answering with new pages. The rest of a backlog follows on the next polls.
 */
export const MAX_REQUESTS_PER_POLL = 50;

export interface PollDeadline {
	/** Whether another request is allowed and still expected to finish before the deadline. */
	allowsAnotherRequest(): boolean;
	/** Runs one request and accounts for it (count and duration). */
	track<T>(request: () => Promise<T>): Promise<T>;
}

/** The time n8n gives this poll: `getPollBudgetMs` on n8n 2.x (feature-detected), else the default. */
function pollTimeMsOf(ctx: IPollFunctions): number {
	const getPollBudgetMs = (ctx as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	const ms = typeof getPollBudgetMs === 'function' ? Number(getPollBudgetMs.call(ctx)) : NaN;
	return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_POLL_DEADLINE_MS;
}

/**
 * The deadline of one poll. A backlog is drained over several polls: we stop before a request
 * that would not fit, return what was read, and the cursor continues from the last record read.
 * Durations use a monotonic clock.
 */
export function pollDeadline(
	ctx: IPollFunctions,
	now: MonotonicClock = monotonicNow,
): PollDeadline {
	const timeMs = pollTimeMsOf(ctx);
	const started = now();
	let slowestMs = 0;
	let requests = 0;
	return {
		allowsAnotherRequest() {
			if (requests >= MAX_REQUESTS_PER_POLL) return false;
			return now() - started + slowestMs <= timeMs * TIME_SHARE;
		},
		async track<T>(request: () => Promise<T>): Promise<T> {
			const begun = now();
			requests++;
			try {
				return await request();
			} finally {
				slowestMs = Math.max(slowestMs, now() - begun);
			}
		},
	};
}
