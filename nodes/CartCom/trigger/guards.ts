/**
 * Process-wide memory of the Cart.com Trigger: which cursor each trigger last saved. Module state
 * lives as long as the n8n process, and n8n runs a workflow's polling triggers in one process (the
 * main one, or the leader of several). One poll at a time is nodes/shared/poll's claimPoll.
 */
const savedCursors = new Map<string, string>();

/**
 * Whether `cursor` is the one this process saved last for the trigger and settings `key`. Anything
 * else (the first poll after a restart, static data imported or edited) is checked against the
 * store once before it is trusted.
 */
export function isSavedCursor(key: string, cursor: unknown): boolean {
	return savedCursors.get(key) === JSON.stringify(cursor);
}

export function rememberCursor(key: string, cursor: unknown): void {
	savedCursors.set(key, JSON.stringify(cursor));
}
