/**
 * "Updated" events: every version (id, updated_at) of the matching records, once, in updated_at order.
 *
 * Each request asks for `updated_at >= position` sorted by `updated_at,id`, page 1, and the position
 * then moves to the newest instant on the page (keyset paging). Versions already emitted are dropped
 * by (id, updated_at), so the boundary instant can be read again without doubles, and a record that
 * changes while we read simply shows up again later with its new version. Numbered pages are used
 * only when a whole page shares one instant (a bulk update), to get past it.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CartComRecord, ConnectionInfo, Query } from '../transport';
import type { PollBudget } from './budget';
import { instantOf, recordIdOf, toFilterTime } from './instants';
import { fetchPage } from './page';
import { isKnown, versionKey, type ChangeCursor, type Version } from './state';

export interface FeedSource {
	path: string;
	recordsKey: string;
	/** The user's filters (e.g. order statuses), ANDed with the cursor's own. */
	filter: Query;
}

export interface FeedResult<V> {
	records: CartComRecord[];
	emitted: V[];
}

function versionOf(record: CartComRecord): Version | undefined {
	const at = instantOf(record.updated_at);
	const id = recordIdOf(record.id);
	return at === undefined || id === undefined ? undefined : { id, at };
}

/**
 * The starting point when the trigger is (re)started: the store's newest change, read from the store
 * itself rather than taken from this machine's clock, which may be ahead of Cart.com's and would then
 * skip the changes made in between. Everything up to that version is history.
 */
export async function startChangeCursor(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	startFrom: number | undefined,
): Promise<ChangeCursor> {
	if (startFrom !== undefined) return { from: startFrom, seen: [] };
	const { records } = await fetchPage(ctx, connection, {
		path: source.path,
		recordsKey: source.recordsKey,
		query: { sort: '-updated_at,-id' },
		count: 1,
	});
	if (records.length === 0) return { from: 0, seen: [] }; // an empty store: everything to come is new
	const newest = versionOf(records[0]);
	if (!newest) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Cart.com returned a record of ${source.path} without a readable updated_at or id`,
			{ description: 'The trigger needs both to know where to start. Please report this with the store version.' },
		);
	}
	return { from: newest.at, afterId: newest.id, seen: [] };
}

export async function pollChanges(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: ChangeCursor,
	budget: PollBudget,
): Promise<FeedResult<Version>> {
	const seen = new Set(cursor.seen.map(([id, offset]) => versionKey(id, cursor.from + offset)));
	const result: FeedResult<Version> = { records: [], emitted: [] };
	// `exclusive` only right after activation or a bulk update: the instant itself is done (see afterId).
	let position = { at: cursor.from, exclusive: cursor.afterId !== undefined, page: 1 };

	for (let request = 0; request === 0 || budget.allowsAnotherRequest(); request++) {
		const started = Date.now();
		const page = await fetchPage(ctx, connection, {
			path: source.path,
			recordsKey: source.recordsKey,
			query: {
				...source.filter,
				updated_at: `${position.exclusive ? 'gt' : 'gte'}:${toFilterTime(position.at)}`,
				sort: 'updated_at,id',
			},
			page: position.page,
		});
		budget.record(Date.now() - started);

		let newestOnPage: number | undefined;
		for (const record of page.records) {
			const version = versionOf(record);
			if (!version) continue;
			newestOnPage = Math.max(newestOnPage ?? version.at, version.at);
			if (isKnown(cursor, seen, version)) continue;
			seen.add(versionKey(version.id, version.at));
			result.emitted.push(version);
			result.records.push(record);
		}
		if (!page.hasNextPage || newestOnPage === undefined) break;
		position =
			newestOnPage > position.at
				? { at: newestOnPage, exclusive: false, page: 1 }
				: { ...position, page: position.page + 1 };
	}
	return result;
}
