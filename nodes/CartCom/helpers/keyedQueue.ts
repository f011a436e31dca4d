/**
 * Runs tasks one at a time per key, in the order they were queued; tasks on other keys run
 * alongside. Used where find-then-write is only safe one at a time (two input items for the same
 * SKU or order under Parallel Requests). A failed task fails only its own caller: the next task on
 * the same key still runs, and does not see the failure.
 */
export class KeyedQueue<Key = string> {
	private readonly tails = new Map<Key, Promise<unknown>>();

	async run<T>(key: Key, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		// The stored tail never rejects, so the next task always starts once this one has settled.
		const current = previous.then(task);
		this.tails.set(
			key,
			current.catch(() => undefined),
		);
		return await current;
	}
}
