import type { IPollFunctions } from 'n8n-workflow';

/** Share of the poll budget we plan to use; the rest covers the request in flight and the hand-off. */
const BUDGET_SHARE = 0.8;

/**
 * n8n 1.x gives no budget (`getPollBudgetMs` is 2.x only) and starts the next cron tick while a poll
 * still runs. n8n's shortest poll interval is one minute, so a poll plans for half of that and
 * leaves the rest of a backlog to the next poll instead of running into (or past) the next tick.
 */
export const DEFAULT_POLL_BUDGET_MS = 30_000;

/**
 * Requests per poll, with or without n8n's budget: at 100 records a page that is up to 5,000
 * records in one execution, a size n8n handles comfortably, and it bounds a poll against a store
 * that keeps answering with new pages. The rest of a backlog follows on the next polls.
 */
export const MAX_REQUESTS_PER_POLL = 50;

/** A monotonic clock in milliseconds: unlike Date.now, a step of the wall clock (NTP, an admin) cannot move it. */
export type MonotonicClock = () => number;
const monotonicNow: MonotonicClock = () => performance.now();

export interface PollBudget {
	/** Whether another request is allowed and still expected to finish inside the budget. */
	allowsAnotherRequest(): boolean;
	/** Runs one request and accounts for it (count and duration). */
	spend<T>(request: () => Promise<T>): Promise<T>;
}

function budgetMsOf(ctx: IPollFunctions): number {
	const getBudget = (ctx as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	const budgetMs = typeof getBudget === 'function' ? Number(getBudget.call(ctx)) : NaN;
	return Number.isFinite(budgetMs) && budgetMs > 0 ? budgetMs : DEFAULT_POLL_BUDGET_MS;
}

/**
 * How long and how many requests one poll may take. n8n 2.x tells a poll its budget
 * (`getPollBudgetMs`, feature-detected); on 1.x DEFAULT_POLL_BUDGET_MS applies. A backlog is drained
 * over several polls: we stop before a request that would not fit, return what was read, and the
 * cursor continues from the last record read. Durations use a monotonic clock.
 */
export function pollBudget(ctx: IPollFunctions, now: MonotonicClock = monotonicNow): PollBudget {
	const budgetMs = budgetMsOf(ctx);
	const started = now();
	let slowestMs = 0;
	let requests = 0;
	return {
		allowsAnotherRequest() {
			if (requests >= MAX_REQUESTS_PER_POLL) return false;
			return now() - started + slowestMs <= budgetMs * BUDGET_SHARE;
		},
		async spend<T>(request: () => Promise<T>): Promise<T> {
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
