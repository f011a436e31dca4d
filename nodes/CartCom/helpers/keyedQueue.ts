import type { IExecuteFunctions } from 'n8n-workflow';

import { getConnection } from '../transport';

/**
 * Runs tasks one at a time per key, in the order they were queued; tasks on other keys run
 * alongside. Used where find-then-write is only safe one at a time (two input items for the same
 * SKU or order under Parallel Requests). A failed task fails only its own caller: the next task on
 * the same key still runs, and does not see the failure. A key is forgotten once its last task has
 * settled, so a long-lived queue holds only the keys in use.
 */
export class KeyedQueue<Key = string> {
	private readonly tails = new Map<Key, Promise<unknown>>();

	async run<T>(key: Key, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		// The stored tail never rejects, so the next task always starts once this one has settled.
		const current = previous.then(task);
		const tail: Promise<unknown> = current.then(
			() => this.forget(key, tail),
			() => this.forget(key, tail),
		);
		this.tails.set(key, tail);
		return await current;
	}

	/** Keys with a task queued or running. */
	get size(): number {
		return this.tails.size;
	}

	private forget(key: Key, tail: Promise<unknown>): void {
		if (this.tails.get(key) === tail) this.tails.delete(key);
	}
}

/**
 * One queue for every execution in this n8n process, keyed by store: two executions running at the
 * same moment (a webhook delivered twice, a webhook and the polling trigger, Parallel Requests in
 * both) must not both find an order unshipped or a SKU missing and both write. Other processes
 * (queue-mode workers) are not covered: nothing is shared between them (README "Running at scale").
 */
const processQueue = new KeyedQueue<string>();

/** Runs a task one at a time per key. */
export type TaskQueue = Pick<KeyedQueue<string>, 'run'>;

/** The process-wide queue, its keys scoped to the store of the item's credential. */
export async function storeQueue(ctx: IExecuteFunctions, itemIndex: number): Promise<TaskQueue> {
	const { storeKey } = await getConnection(ctx, itemIndex);
	return {
		run: async <T>(key: string, task: () => Promise<T>) =>
			await processQueue.run(`${storeKey} ${key}`, task),
	};
}

/** For tests: keys of the process-wide queue with a task queued or running. */
export const processQueueSize = () => processQueue.size;
