/**
 * How long and how many requests one poll may take. A backlog is read over several polls: the poll
 * stops before a request that would not fit, emits what it read and saves where to go on.
 */
import type { IPollFunctions } from 'n8n-workflow';

/** Share of the poll's time we plan to use; the rest covers the request in flight and the hand-off. */
const TIME_SHARE = 0.8;

/**
 * n8n 1.x gives a poll no time budget (`getPollBudgetMs` exists on 2.x only) and its shortest poll
 * interval is one minute: a poll plans for half of that.
 */
export const DEFAULT_POLL_DEADLINE_MS = 30_000;

/**
 * Requests per poll: 5,000 orders at 100 a page, and half of CartRover's leaky bucket of 100 calls
 * (spec page, "Rate Limit"), so the action nodes of the same account keep room.
 */
export const MAX_REQUESTS_PER_POLL = 50;

export type Clock = () => number;

export interface PollDeadline {
	/** Whether another request is allowed and still expected to finish in time. */
	allowsAnotherRequest(): boolean;
	/** Runs one request and accounts for it (count and duration). */
	track<T>(request: () => Promise<T>): Promise<T>;
	readonly requests: number;
}

function pollTimeMsOf(ctx: IPollFunctions): number {
	const getPollBudgetMs = (ctx as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	const ms = typeof getPollBudgetMs === 'function' ? Number(getPollBudgetMs.call(ctx)) : NaN;
	return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_POLL_DEADLINE_MS;
}

export function pollDeadline(
	ctx: IPollFunctions,
	options: { now?: Clock; maxRequests?: number } = {},
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
			if (requests >= maxRequests) return false;
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
