/**
 * How long and how many requests one poll may take: its deadline. A backlog is read over several
 * polls: the poll stops before a request that would not fit, emits what it read and saves where to
 * go on. (A service's limit on calls is a different thing, the call budget its transport keeps.)
 */
import type { IPollFunctions } from 'n8n-workflow';

/** Share of the poll's time we plan to use; the rest covers the request in flight and the hand-off. */
const TIME_SHARE = 0.8;

/**
 * n8n 1.x gives a poll no time (`getPollBudgetMs` is 2.x only) and starts the next cron tick while a
 * poll still runs. n8n's shortest poll interval is one minute, so a poll plans for half of that and
 * leaves the rest of a backlog to the next poll instead of running into (or past) the next tick.
 */
export const DEFAULT_POLL_DEADLINE_MS = 30_000;

/**
 * Requests per poll, with or without n8n's time: at 100 records a page that is up to 5,000 records
 * in one execution, a size n8n handles comfortably; it bounds a poll against a service that keeps
 * answering with new pages, and it is half of CartRover's bucket of 100 calls (its spec page, "Rate
 * Limit"), so the action nodes on the same keys keep room.
 */
export const MAX_REQUESTS_PER_POLL = 50;

/** Milliseconds from an arbitrary origin that only move forward. */
export type PollClock = () => number;

export interface PollDeadline {
	/** Whether another request is allowed and still expected to finish before the deadline. */
	allowsAnotherRequest(): boolean;
	/** Runs one request and accounts for it (count and duration). */
	track<T>(request: () => Promise<T>): Promise<T>;
	readonly requests: number;
}

/** The time n8n gives this poll: `getPollBudgetMs` on n8n 2.x (feature-detected), else the default. */
function pollTimeMsOf(ctx: IPollFunctions): number {
	const getPollBudgetMs = (ctx as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	const ms = typeof getPollBudgetMs === 'function' ? Number(getPollBudgetMs.call(ctx)) : NaN;
	return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_POLL_DEADLINE_MS;
}

/** The deadline of one poll, measured on a monotonic clock. */
export function pollDeadline(
	ctx: IPollFunctions,
	options: { now?: PollClock; maxRequests?: number | (() => number) } = {},
): PollDeadline {
	const now = options.now ?? (() => performance.now());
	const maxRequests = options.maxRequests ?? MAX_REQUESTS_PER_POLL;
	const timeMs = pollTimeMsOf(ctx);
	const started = now();
	let slowestMs = 0;
	let requests = 0;
	return {
		get requests() {
			return requests;
		},
		allowsAnotherRequest() {
			const max = typeof maxRequests === 'function' ? maxRequests() : maxRequests;
			if (requests >= max) return false;
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
