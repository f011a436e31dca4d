/**
 * "Created" events: every record once, by id. Cart.com ids are sequential integers, so `id > last id
 * read`, sorted by id, always page 1, finds each new record exactly once with a one-number cursor
 * (keyset paging: ties and time zones do not arise), and a record created and changed between two
 * polls is still found (once, in its current state). `created_at` is not used: it can be null
 * (products) and imports may set it. The cursor moves over records the status filter drops too.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { CartComRecord, ConnectionInfo, Query } from '../transport';
import type { PollBudget } from './budget';
import { recordIdOf, toFilterTime } from './instants';
import { fetchPage } from './page';
import { assertAscending, idOf, type FeedSource } from './records';
import type { CreatedCursor } from './state';

/** The store's newest id, 0 for an empty store (the whole store, whatever the trigger's filters). */
export async function newestId(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
): Promise<number> {
	const { records } = await fetchPage(ctx, connection, {
		path: source.path,
		recordsKey: source.recordsKey,
		query: { sort: '-id' },
		count: 1,
	});
	return records.length === 0 ? 0 : idOf(ctx, connection, source, records[0]);
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

export interface CreatedResult {
	records: CartComRecord[];
	cursor: CreatedCursor;
}

export async function pollCreated(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: CreatedCursor,
	budget: PollBudget,
): Promise<CreatedResult> {
	const records: CartComRecord[] = [];
	let lastId = cursor.lastId;
	for (let request = 0; request === 0 || budget.allowsAnotherRequest(); request++) {
		const query: Query = { ...source.serverFilter, id: `gt:${lastId}`, sort: 'id' };
		const page = await budget.spend(
			async () =>
				await fetchPage(ctx, connection, {
					path: source.path,
					recordsKey: source.recordsKey,
					query,
				}),
		);
		const keyOf = (id: number) => ({ at: 0, id });
		// At or below the key: the store ignored the filter; such records are never emitted.
		const fresh = page.records
			.map((record) => ({ record, id: idOf(ctx, connection, source, record) }))
			.filter(({ id }) => id > lastId);
		assertAscending(
			ctx,
			source,
			'id',
			fresh.map(({ id }) => keyOf(id)),
		);
		for (const { record, id } of fresh) {
			lastId = id;
			if (source.matches(record)) records.push(record);
		}
		if (fresh.length === 0 || !page.hasNextPage) break;
	}
	return { records, cursor: { lastId } };
}
