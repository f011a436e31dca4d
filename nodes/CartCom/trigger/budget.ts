import type { IPollFunctions } from 'n8n-workflow';

/** Share of n8n's poll budget we plan to use; the rest covers the request in flight and the hand-off. */
const BUDGET_SHARE = 0.8;

export interface PollBudget {
	/** Whether another request is still expected to finish inside the budget. */
	allowsAnotherRequest(): boolean;
	/** Called after each request with how long it took. */
	record(durationMs: number): void;
}

/**
 * n8n 2.x tells a poll how long it may take (`getPollBudgetMs`, absent in 1.x: feature-detected).
 * A backlog is then drained over several polls: we stop before a request that would not fit,
 * return what was read, and the cursor continues from the last record emitted.
 */
export function pollBudget(ctx: IPollFunctions, now: () => number = Date.now): PollBudget {
	const getBudget = (ctx as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	const budgetMs = typeof getBudget === 'function' ? Number(getBudget.call(ctx)) : NaN;
	const started = now();
	let slowestMs = 0;
	return {
		allowsAnotherRequest() {
			if (!Number.isFinite(budgetMs) || budgetMs <= 0) return true;
			return now() - started + slowestMs <= budgetMs * BUDGET_SHARE;
		},
		record(durationMs: number) {
			slowestMs = Math.max(slowestMs, durationMs);
		},
	};
}
