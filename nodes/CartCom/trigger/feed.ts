/**
 * What a trigger event reads (FeedSource), and the shape both of its feeds share (Feed): the
 * "Created" feed walks ids, the "Updated" feed walks (updated_at, id); a poll runs the same steps
 * on either (see poll.ts).
 */
import type { IPollFunctions } from 'n8n-workflow';

import {
	type CartComRecord,
	type ConnectionInfo,
	type PageRequest,
	type Query,
} from '../transport';
import type { PollDeadline } from '../../shared/poll';

export interface FeedSource {
	path: string;
	recordsKey: string;
	/** Singular, for messages: "order". */
	noun: string;
	/**
	 * Conditions sent with the cursor's own, as separate params: Cart.com ANDs those. Never an OR:
	 * there are no parentheses and AND binds tighter (docs/query_syntax.md), so `a OR b` next to the
	 * cursor condition would read as `a OR (b AND cursor)`.
	 */
	serverFilter: Query;
	/** Conditions that cannot go to the server (several statuses), tested on every record read. */
	matches: (record: CartComRecord) => boolean;
}

/** What every request and check of a feed works with: the poll, the store, the records read. */
export interface FeedScope {
	ctx: IPollFunctions;
	connection: ConnectionInfo;
	source: FeedSource;
}

/**
 * Page 1 of what `query` selects. The trigger pages by moving its filter (keyset) rather than by
 * page number, because a record changed while we read jumps to the end of an `updated_at`
 * ordering and shifts every later record one place back: numbered pages would skip one. The
 * backlog is read in the largest pages the store honours (listPageSize): the rate limit counts
 * requests, not records, and a store that caps the page only shortens it (the next request starts
 * after the last key read, so a short page skips nothing).
 */
export function firstPage(source: FeedSource, query: Query, count: number): PageRequest {
	return { path: source.path, recordsKey: source.recordsKey, query, page: 1, count };
}

/** A stored cursor that cannot be right: what to log, and where to start instead. */
export interface CursorReset<C> {
	warning: string;
	cursor: C;
}

export interface FeedRead<C> {
	/** The records to emit, in the feed's order. */
	records: CartComRecord[];
	/** The cursor after everything read, emitted or filtered out. */
	cursor: C;
}

/**
 * One event's way through the store. Requests fail by throwing (NodeApiErrors from the transport),
 * so a failed poll keeps the old cursor.
 */
export interface Feed<C> {
	/** Whether stored static data is a cursor of this feed. */
	isCursor(value: unknown): value is C;
	/**
	 * A reset when the stored cursor cannot be right; the store is asked only about a cursor this
	 * process did not save itself (`trusted` false).
	 */
	checkStored(cursor: C, trusted: boolean): Promise<CursorReset<C> | undefined>;
	/** The first cursor: just before Start From, or at the store's newest record (everything up to it is history). */
	start(startFrom: number | undefined): Promise<C>;
	/** Every record past the cursor, as far as the poll's deadline allows, and the cursor after them. */
	read(cursor: C, deadline: PollDeadline): Promise<FeedRead<C>>;
}
