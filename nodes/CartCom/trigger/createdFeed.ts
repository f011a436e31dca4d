/**
 * "Created" events: every record once, by id. Cart.com ids are sequential integers, so `id > last id
 * read`, sorted by id, always page 1, finds each new record exactly once with a one-number cursor
 * (keyset paging: ties and time zones do not arise), and a record created and changed between two
 * polls is still found (once, in its current state). `created_at` is not used: it can be null
 * (products) and imports may set it. The cursor moves over records the status filter drops too.
 */
import type { IPollFunctions } from 'n8n-workflow';

import {
	buildFilterQuery,
	fetchListPage,
	type CartComRecord,
	type ConnectionInfo,
} from '../transport';
import { firstPage, type CursorReset, type Feed, type FeedRead, type FeedSource } from './feed';
import { instantAt, recordIdOf } from './instants';
import type { PollDeadline } from './pollDeadline';
import { assertAscending, idOf } from './records';
import { isCreatedCursor, type CreatedCursor } from './state';

/** Newest record first: the sort of the newest-id lookup and of Fetch Test Event. */
export const NEWEST_CREATED_FIRST = '-id';

/** The store's newest id, 0 for an empty store (the whole store, whatever the trigger's filters). */
async function newestId(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
): Promise<number> {
	const { records } = await fetchListPage(
		ctx,
		connection,
		firstPage(source, { sort: NEWEST_CREATED_FIRST }, 1),
	);
	return records.length === 0 ? 0 : idOf(ctx, connection, source, records[0]);
}

/** The store's newest id (or the id before the first record created since Start From). */
async function startCursor(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	startFrom: number | undefined,
): Promise<CreatedCursor> {
	if (startFrom !== undefined) {
		const since = buildFilterQuery([
			{ field: 'created_at', operator: 'gte', value: instantAt(startFrom) },
		]);
		const { records } = await fetchListPage(
			ctx,
			connection,
			firstPage(source, { ...since, sort: 'id' }, 1),
		);
		const firstId = recordIdOf(records[0]?.id);
		if (firstId !== undefined) return { lastId: firstId - 1 };
	}
	return { lastId: await newestId(ctx, connection, source) };
}

/** A cursor past the store's newest id cannot be right (static data from elsewhere, or edited). */
async function checkStored(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: CreatedCursor,
	trusted: boolean,
): Promise<CursorReset<CreatedCursor> | undefined> {
	if (trusted) return undefined;
	const newest = await newestId(ctx, connection, source);
	if (cursor.lastId <= newest) return undefined;
	return {
		warning: `the stored cursor (last id ${cursor.lastId}) is ahead of the store's newest record (id ${newest}); starting from that record`,
		cursor: { lastId: newest },
	};
}

async function readCreated(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: CreatedCursor,
	deadline: PollDeadline,
): Promise<FeedRead<CreatedCursor>> {
	const records: CartComRecord[] = [];
	let lastId = cursor.lastId;
	for (let request = 0; request === 0 || deadline.allowsAnotherRequest(); request++) {
		const afterLast = buildFilterQuery([{ field: 'id', operator: 'gt', value: lastId }]);
		const query = { ...source.serverFilter, ...afterLast, sort: 'id' };
		const page = await deadline.track(
			async () => await fetchListPage(ctx, connection, firstPage(source, query)),
		);
		// At or below the key: the store ignored the filter; such records are never emitted.
		const fresh = page.records
			.map((record) => ({ record, id: idOf(ctx, connection, source, record) }))
			.filter(({ id }) => id > lastId);
		assertAscending(
			ctx,
			source,
			'id',
			fresh.map(({ id }) => ({ at: 0, id })),
		);
		for (const { record, id } of fresh) {
			lastId = id;
			if (source.matches(record)) records.push(record);
		}
		if (fresh.length === 0 || !page.hasNextPage) break;
	}
	return { records, cursor: { lastId } };
}

export function createdFeed(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
): Feed<CreatedCursor> {
	return {
		isCursor: isCreatedCursor,
		checkStored: async (cursor, trusted) =>
			await checkStored(ctx, connection, source, cursor, trusted),
		start: async (startFrom) => await startCursor(ctx, connection, source, startFrom),
		read: async (cursor, deadline) => await readCreated(ctx, connection, source, cursor, deadline),
	};
}
