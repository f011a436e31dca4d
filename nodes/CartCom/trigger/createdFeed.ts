/**
 * "Created" events: every record once, by id. Cart.com ids are sequential integers, so `id > last id
 * emitted`, sorted by id, finds each new record exactly once with a one-number cursor, ties and time
 * zones do not arise, and a record created and changed between two polls is still found (once, in its
 * current state). `created_at` is not used: it can be null (products) and imports may set it.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { ConnectionInfo } from '../transport';
import type { PollBudget } from './budget';
import type { FeedResult, FeedSource } from './changeFeed';
import { recordIdOf, toFilterTime } from './instants';
import { fetchPage } from './page';
import type { CreatedCursor } from './state';

async function newestId(ctx: IPollFunctions, connection: ConnectionInfo, source: FeedSource): Promise<number> {
	const { records } = await fetchPage(ctx, connection, {
		path: source.path,
		recordsKey: source.recordsKey,
		query: { sort: '-id' },
		count: 1,
	});
	return recordIdOf(records[0]?.id) ?? 0;
}

/** The store's newest id (or the id before the first record created since Start From). */
export async function startCreatedCursor(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	startFrom: number | undefined,
): Promise<CreatedCursor> {
	if (startFrom !== undefined) {
		const { records } = await fetchPage(ctx, connection, {
			path: source.path,
			recordsKey: source.recordsKey,
			query: { created_at: `gte:${toFilterTime(startFrom)}`, sort: 'id' },
			count: 1,
		});
		const firstId = recordIdOf(records[0]?.id);
		if (firstId !== undefined) return { lastId: firstId - 1 };
	}
	return { lastId: await newestId(ctx, connection, source) };
}

export async function pollCreated(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: CreatedCursor,
	budget: PollBudget,
): Promise<FeedResult<number> & { cursor: CreatedCursor }> {
	const result: FeedResult<number> = { records: [], emitted: [] };
	let lastId = cursor.lastId;
	for (let request = 0; request === 0 || budget.allowsAnotherRequest(); request++) {
		const started = Date.now();
		const page = await fetchPage(ctx, connection, {
			path: source.path,
			recordsKey: source.recordsKey,
			query: { ...source.filter, id: `gt:${lastId}`, sort: 'id' },
		});
		budget.record(Date.now() - started);
		const before = lastId;
		for (const record of page.records) {
			const id = recordIdOf(record.id);
			if (id === undefined || id <= lastId) continue;
			lastId = id;
			result.emitted.push(id);
			result.records.push(record);
		}
		if (!page.hasNextPage || lastId === before) break;
	}
	return { ...result, cursor: { lastId } };
}
