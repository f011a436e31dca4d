/**
 * "Updated" events: every version (id, updated_at) of the matching records, once, in (updated_at, id) order.
 *
 * Keyset paging: every request is page 1 of the records after a key, never page N of a moving list.
 * A bulk update stamps hundreds of records with one instant, and while we read them some change
 * again; with numbered pages each such change shifts the later records one place back, and one of
 * them lands on a page already read: lost. By key nothing shifts: a record changed while we read
 * leaves its place (and is read again later, as its new version); the others keep theirs.
 *
 * - after a key, leaving the instant: `updated_at=gt:T&sort=updated_at,id`;
 * - inside an instant (a page ended there and more may follow):
 *   `updated_at=eq:T&id=gt:<last id>&sort=id` when the whole page was that instant (a bulk update),
 *   or `updated_at=gte:T&sort=updated_at,id` when the page ended in a short run of T (re-reading that
 *   run costs less than a request per page);
 * - each poll starts at the cursor: `updated_at=gte:from` (the look-back window is read again), or
 *   `gt:from` / `eq:from&id=gt:afterId` when the instant `from` is closed / was left half-read.
 *
 * Only AND between params, as Cart.com documents it (docs/query_syntax.md). Each record is checked
 * against the key on our side too, so a store that ignores the filter makes the loop stop, not spin
 * or emit old versions; a request that does not move the key forward ends the read.
 */
import {
	buildFilterQuery,
	fetchListPage,
	listPageSize,
	type CartComRecord,
	type FetchedPage,
	type Query,
} from '../transport';
import { firstPage, type CursorReset, type Feed, type FeedRead, type FeedScope } from './feed';
import { instantAt, storeTime, type StoreTimeOptions } from './instants';
import type { PollDeadline } from '../../shared/poll';
import { assertAscending, compareKeys, versionOf, type Position } from './records';
import {
	advanceChangeCursor,
	capChangeCursor,
	isChangeCursor,
	versionKey,
	type ChangeCursor,
	type Version,
} from './state';

/** Newest change first: the sort of the newest-change lookup and of Fetch Test Event. */
export const NEWEST_CHANGED_FIRST = '-updated_at,-id';

/**
 * A change cursor this far ahead of this machine's clock cannot come from the store (clocks of
 * servers differ by seconds, not a day): it is foreign or corrupt data and would silently match nothing.
 */
export const MAX_CURSOR_LEAD_MS = 24 * 60 * 60_000;

interface ChangeResult {
	/** The records to emit, in key order. */
	records: CartComRecord[];
	/** Every version read past the cursor, emitted or filtered out: the cursor moves over all of them. */
	read: Version[];
	/** The poll stopped (its deadline) inside the instant of the last version read. */
	open: boolean;
}

/** One request of the read: leave an instant (or start at one), or continue inside one by id. */
type Step = { kind: 'after'; position: Position } | { kind: 'instant'; position: Position };

const BY_KEY = 'updated_at,id';

function queryOf(step: Step): Query {
	const at = instantAt(step.position.at);
	if (step.kind === 'instant') {
		const insideInstant = buildFilterQuery([
			{ field: 'updated_at', operator: 'eq', value: at },
			{ field: 'id', operator: 'gt', value: step.position.id },
		]);
		return { ...insideInstant, sort: 'id' };
	}
	const operator = Number.isFinite(step.position.id) ? 'gte' : 'gt';
	return { ...buildFilterQuery([{ field: 'updated_at', operator, value: at }]), sort: BY_KEY };
}

/** Whether a key belongs to what the step asked for (the store's answer is not trusted for that). */
function isPast(step: Step, key: Position): boolean {
	if (step.kind === 'instant') return key.at === step.position.at && key.id > step.position.id;
	return compareKeys(key, step.position) > 0;
}

function firstStep(cursor: ChangeCursor): Step {
	if (cursor.afterId === undefined) return { kind: 'after', position: { at: cursor.from, id: 0 } };
	if (cursor.open) return { kind: 'instant', position: { at: cursor.from, id: cursor.afterId } };
	return { kind: 'after', position: { at: cursor.from, id: Number.POSITIVE_INFINITY } };
}

/** Where to read next after a page, or undefined when the read is complete. */
function nextStep(
	step: Step,
	page: FetchedPage,
	keys: Position[],
	accepted: Position[],
): Step | undefined {
	const last = accepted[accepted.length - 1];
	if (step.kind === 'instant') {
		if (last && page.hasNextPage) return { kind: 'instant', position: last };
		return { kind: 'after', position: { at: step.position.at, id: Number.POSITIVE_INFINITY } };
	}
	if (!last) {
		// Nothing past the key. A further page of records at or before it can only be more of the
		// instant we are inside than one page holds: continue that instant by id. Otherwise: done.
		const insideInstant = Number.isFinite(step.position.id) && step.position.id > 0;
		return page.hasNextPage && insideInstant
			? { kind: 'instant', position: step.position }
			: undefined;
	}
	if (!page.hasNextPage) return undefined;
	const runOfLastInstant = keys.filter((key) => key.at === last.at).length;
	return runOfLastInstant < keys.length
		? { kind: 'after', position: last }
		: { kind: 'instant', position: last };
}

const isInsideInstant = (step: Step | undefined): boolean =>
	step !== undefined && (step.kind === 'instant' || Number.isFinite(step.position.id));

const isVersion = (version: Version | undefined): version is Version => version !== undefined;

/**
 * Records without updated_at cannot be placed in the (updated_at, id) order, so "Updated" never
 * emits them (a filter on updated_at never selects them either); the poll goes on and says so.
 */
function warnUndated({ ctx, source }: FeedScope, ids: string[], what: string): void {
	const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')}, …` : ids.join(', ');
	ctx.logger.warn(
		`Cart.com Trigger "${ctx.getNode().name}": ${ids.length} ${source.noun}(s) without updated_at ${what} (id ${shown}): the Updated event cannot place a record without it; the Created event still sees new ones`,
	);
}

async function readChanges(
	scope: FeedScope,
	cursor: ChangeCursor,
	deadline: PollDeadline,
	time: StoreTimeOptions,
): Promise<ChangeResult> {
	const { ctx, connection, source } = scope;
	const seen = new Set(cursor.seen.map(([id, offset]) => versionKey(id, cursor.from + offset)));
	const result: ChangeResult = { records: [], read: [], open: false };
	const undated = new Set<string>();
	let step: Step | undefined = firstStep(cursor);

	for (let request = 0; step && (request === 0 || deadline.allowsAnotherRequest()); request++) {
		const query: Query = { ...source.serverFilter, ...queryOf(step) };
		const page = await deadline.track(
			async () =>
				await fetchListPage(ctx, connection, firstPage(source, query, listPageSize(connection))),
		);
		const reader = storeTime(page.records, time);
		const versions = page.records.map((record) => versionOf(scope, record, reader));
		const current: Step = step;
		const accepted: Position[] = [];
		versions.forEach((version, index) => {
			if (!version) {
				undated.add(String(page.records[index].id)); // only a store ignoring the filter sends these
				return;
			}
			if (!isPast(current, version)) return; // at or before the key: the store ignored the filter
			accepted.push(version);
			const key = versionKey(version.id, version.at);
			if (seen.has(key)) return; // read before (look-back window)
			seen.add(key);
			result.read.push(version);
			if (source.matches(page.records[index])) result.records.push(page.records[index]);
		});
		assertAscending(scope, String(query.sort), accepted);
		step = nextStep(current, page, versions.filter(isVersion), accepted);
	}
	result.open = isInsideInstant(step);
	if (undated.size) warnUndated(scope, [...undated], 'skipped');
	return result;
}

/**
 * The store's newest change (of all records, whatever the filters: the cursor walks over all of
 * them), read from the store itself rather than taken from this machine's clock, which may be
 * ahead of Cart.com's and would then skip the changes made in between.
 */
async function newestChange(
	scope: FeedScope,
	time: StoreTimeOptions,
): Promise<Version | undefined> {
	const newest = await newestRecord(scope, time, {});
	if (newest === undefined || newest.version) return newest?.version;
	// Its updated_at is empty: a store that sorts empty dates first, or one with no dated record.
	// Asking for dated records only (a comparison never matches an empty date) finds the newest change.
	warnUndated(scope, [String(newest.record.id)], 'sorted first');
	const dated = await newestRecord(
		scope,
		time,
		buildFilterQuery([{ field: 'updated_at', operator: 'gt', value: instantAt(0) }]),
	);
	if (dated === undefined || dated.version) return dated?.version;
	// Even so only an undated record: the store ignores the filter. This machine's clock is the best
	// start left (its changes from now on are read); the id 0 keeps the instant itself out.
	return { id: 0, at: Date.now() };
}

async function newestRecord(scope: FeedScope, time: StoreTimeOptions, filter: Query) {
	const { ctx, connection, source } = scope;
	const { records } = await fetchListPage(
		ctx,
		connection,
		firstPage(source, { ...filter, sort: NEWEST_CHANGED_FIRST }, 1),
	);
	if (records.length === 0) return undefined;
	return { record: records[0], version: versionOf(scope, records[0], storeTime(records, time)) };
}

/** The cursor at a change: everything up to it is history. An empty store: all to come is new. */
const cursorAt = (newest: Version | undefined): ChangeCursor =>
	newest ? { from: newest.at, afterId: newest.id, seen: [] } : { from: 0, seen: [] };

/** Start of the Updated cursor: Start From, or the store's newest change. */
async function startCursor(
	scope: FeedScope,
	time: StoreTimeOptions,
	startFrom?: number,
): Promise<ChangeCursor> {
	if (startFrom !== undefined) return { from: startFrom, seen: [] };
	return cursorAt(await newestChange(scope, time));
}

/**
 * Why a stored Updated cursor cannot be right, if it cannot, and where to start instead. The store
 * is asked only about a cursor this process did not save, and its answer also gives the new start.
 */
async function checkCursor(
	scope: FeedScope,
	time: StoreTimeOptions,
	cursor: ChangeCursor,
	trusted: boolean,
): Promise<CursorReset<ChangeCursor> | undefined> {
	const at = (ms: number) => new Date(ms).toISOString();
	const restart = "; starting from the store's newest change";
	if (cursor.from > Date.now() + MAX_CURSOR_LEAD_MS) {
		return {
			warning: `the stored cursor (${at(cursor.from)}) is more than a day ahead of this machine's clock${restart}`,
			cursor: await startCursor(scope, time),
		};
	}
	if (trusted) return undefined;
	const newest = await newestChange(scope, time);
	if (cursor.from <= (newest?.at ?? 0)) return undefined;
	return {
		warning: `the stored cursor (${at(cursor.from)}) is ahead of the store's newest change (${newest ? at(newest.at) : 'none'})${restart}`,
		cursor: cursorAt(newest),
	};
}

export interface ChangeFeedSettings {
	time: StoreTimeOptions;
	/** How far behind the newest change read the cursor stays, for changes saved late. */
	lookBackMs: number;
}

export function changeFeed(
	scope: FeedScope,
	{ time, lookBackMs }: ChangeFeedSettings,
): Feed<ChangeCursor> {
	return {
		isCursor: isChangeCursor,
		checkStored: async (cursor, trusted) => await checkCursor(scope, time, cursor, trusted),
		start: async (startFrom) => await startCursor(scope, time, startFrom),
		async read(stored, deadline): Promise<FeedRead<ChangeCursor>> {
			const cursor = capChangeCursor(stored);
			const result = await readChanges(scope, cursor, deadline, time);
			return {
				records: result.records,
				cursor: advanceChangeCursor(cursor, result.read, lookBackMs, result.open),
			};
		},
	};
}
