/**
 * "Created" events: every record once, by id. Cart.com ids are sequential integers, so `id > last id
 * read`, sorted by id, always page 1, finds each new record exactly once with a one-number cursor
 * (keyset paging: ties and time zones do not arise), and a record created and changed between two
 * polls is still found (once, in its current state). `created_at` is not used: it can be null
 * (products) and imports may set it. The cursor moves over records the status filter drops too.
 */
import { buildFilterQuery, fetchListPage, listPageSize, type CartComRecord } from '../transport';
import { firstPage, type CursorReset, type Feed, type FeedRead, type FeedScope } from './feed';
import { instantAt, recordIdOf } from './instants';
import type { PollDeadline } from '../../shared/poll';
import { assertAscending, idOf } from './records';
import { isCreatedCursor, type CreatedCursor } from './state';

/** Newest record first: the sort of the newest-id lookup and of Fetch Test Event. */
export const NEWEST_CREATED_FIRST = '-id';

/** The store's newest id, 0 for an empty store (the whole store, whatever the trigger's filters). */
async function newestId(scope: FeedScope): Promise<number> {
	const { ctx, connection, source } = scope;
	const { records } = await fetchListPage(
		ctx,
		connection,
		firstPage(source, { sort: NEWEST_CREATED_FIRST }, 1),
	);
	return records.length === 0 ? 0 : idOf(scope, records[0]);
}

/** The store's newest id (or the id before the first record created since Start From). */
async function startCursor(
	scope: FeedScope,
	startFrom: number | undefined,
): Promise<CreatedCursor> {
	const { ctx, connection, source } = scope;
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
	return { lastId: await newestId(scope) };
}

/** A cursor past the store's newest id cannot be right (static data from elsewhere, or edited). */
async function checkStored(
	scope: FeedScope,
	cursor: CreatedCursor,
	trusted: boolean,
): Promise<CursorReset<CreatedCursor> | undefined> {
	if (trusted) return undefined;
	const newest = await newestId(scope);
	if (cursor.lastId <= newest) return undefined;
	return {
		warning: `the stored cursor (last id ${cursor.lastId}) is ahead of the store's newest record (id ${newest}); starting from that record`,
		cursor: { lastId: newest },
	};
}

async function readCreated(
	scope: FeedScope,
	cursor: CreatedCursor,
	deadline: PollDeadline,
): Promise<FeedRead<CreatedCursor>> {
	const { ctx, connection, source } = scope;
	const records: CartComRecord[] = [];
	let lastId = cursor.lastId;
	for (let request = 0; request === 0 || deadline.allowsAnotherRequest(); request++) {
		const afterLast = buildFilterQuery([{ field: 'id', operator: 'gt', value: lastId }]);
		const query = { ...source.serverFilter, ...afterLast, sort: 'id' };
		const page = await deadline.track(
			async () =>
				await fetchListPage(ctx, connection, firstPage(source, query, listPageSize(connection))),
		);
		// At or below the key: the store ignored the filter; such records are never emitted.
		const fresh = page.records
			.map((record) => ({ record, id: idOf(scope, record) }))
			.filter(({ id }) => id > lastId);
		assertAscending(
			scope,
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

export function createdFeed(scope: FeedScope): Feed<CreatedCursor> {
	return {
		isCursor: isCreatedCursor,
		checkStored: async (cursor, trusted) => await checkStored(scope, cursor, trusted),
		start: async (startFrom) => await startCursor(scope, startFrom),
		read: async (cursor, deadline) => await readCreated(scope, cursor, deadline),
	};
}
