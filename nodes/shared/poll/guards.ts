/**
 * One poll at a time per trigger, whatever the service. n8n 1.x starts the next cron tick even while
 * a poll still runs; both would read the same stored cursor and emit the same records. Module state
 * lives as long as the n8n process, and n8n runs a workflow's polling triggers in one process (the
 * main one, or the leader of several).
 */
import type { IPollFunctions } from 'n8n-workflow';

/**
 * A poll still running after this long is taken for abandoned (its promise never settled), so a
 * bug cannot silence the trigger for good. Well above any real poll: the poll deadline ends a
 * poll's requests after 30 s (1.x) and the transports bound each request.
 */
export const ABANDONED_POLL_MS = 15 * 60_000;

const runningPolls = new Map<string, { startedAt: number }>();

/** One trigger: the workflow and the node in it (ids survive renames; the name is the fallback). */
export function triggerKeyOf(ctx: IPollFunctions): string {
	const node = ctx.getNode();
	return `${ctx.getWorkflow().id ?? ''}\u0000${node.id || node.name}`;
}

/**
 * Claims the trigger for one poll. The later of two overlapping polls gets `undefined` and returns
 * nothing: the running one reads everything up to its end, and the next tick goes on from there.
 * (Waiting instead would pile up ticks behind a long backlog.) Release in a `finally`. Durations
 * use a monotonic clock.
 */
export function claimPoll(key: string, now: number = performance.now()): (() => void) | undefined {
	const running = runningPolls.get(key);
	if (running && now - running.startedAt < ABANDONED_POLL_MS) return undefined;
	const mine = { startedAt: now };
	runningPolls.set(key, mine);
	return () => {
		// Only our own entry: an abandoned poll that finishes late must not release its successor.
		if (runningPolls.get(key) === mine) runningPolls.delete(key);
	};
}
