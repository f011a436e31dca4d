/**
 * One poll at a time per trigger. n8n 1.x starts the next cron tick even while a poll still runs
 * (docs/architecture.md, "The trigger"); both would read the same stored state and emit the same
 * transitions. Module state lives as long as the n8n process, which runs a workflow's polling
 * triggers (the main one, or the leader of several). Same idea as the Cart.com Trigger's guards.
 */
import type { IPollFunctions } from 'n8n-workflow';

/** A poll still running after this long is taken for abandoned, so a bug cannot silence the trigger for good. */
export const ABANDONED_POLL_MS = 15 * 60_000;

const runningPolls = new Map<string, { startedAt: number }>();

/** One trigger: the workflow and the node in it (ids survive renames; the name is the fallback). */
export function triggerKeyOf(ctx: IPollFunctions): string {
	const node = ctx.getNode();
	return `cartRover\u0000${ctx.getWorkflow().id ?? ''}\u0000${node.id || node.name}`;
}

/**
 * Claims the trigger for one poll, or returns undefined when another poll of it is running (that
 * one reads everything up to its end; the next tick goes on from there). Release in a `finally`.
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
