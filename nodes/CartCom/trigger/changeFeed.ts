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
import type { IPollFunctions } from 'n8n-workflow';

import type { CartComRecord, ConnectionInfo, Query } from '../transport';
import type { PollBudget } from './budget';
import { storeTime, toFilterTime, type StoreTimeOptions } from './instants';
import { fetchPage, type FetchedPage } from './page';
import { assertAscending, compareKeys, versionOf, type FeedSource, type Position } from './records';
import { versionKey, type ChangeCursor, type Version } from './state';

export interface ChangeResult {
	/** The records to emit, in key order. */
	records: CartComRecord[];
	/** Every version read past the cursor, emitted or filtered out: the cursor moves over all of them. */
	read: Version[];
	/** The poll stopped (budget) inside the instant of the last version read. */
	open: boolean;
}

/** One request of the read: leave an instant (or start at one), or continue inside one by id. */
type Step = { kind: 'after'; position: Position } | { kind: 'instant'; position: Position };

const BY_KEY = 'updated_at,id';

function queryOf(step: Step): Query {
	const at = toFilterTime(step.position.at);
	if (step.kind === 'instant')
		return { updated_at: `eq:${at}`, id: `gt:${step.position.id}`, sort: 'id' };
	return { updated_at: `${Number.isFinite(step.position.id) ? 'gte' : 'gt'}:${at}`, sort: BY_KEY };
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

export async function pollChanges(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	source: FeedSource,
	cursor: ChangeCursor,
	budget: PollBudget,
	time: StoreTimeOptions,
): Promise<ChangeResult> {
	const seen = new Set(cursor.seen.map(([id, offset]) => versionKey(id, cursor.from + offset)));
	const result: ChangeResult = { records: [], read: [], open: false };
	let step: Step | undefined = firstStep(cursor);

	for (let request = 0; step && (request === 0 || budget.allowsAnotherRequest()); request++) {
		const query: Query = { ...source.serverFilter, ...queryOf(step) };
		const page = await budget.spend(
			async () =>
				await fetchPage(ctx, connection, {
					path: source.path,
					recordsKey: source.recordsKey,
					query,
				}),
		);
		const reader = storeTime(page.records, time);
		const versions = page.records.map((record) =>
			versionOf(ctx, connection, source, record, reader),
		);
		const current: Step = step;
		const accepted: Position[] = [];
		versions.forEach((version, index) => {
			if (!isPast(current, version)) return; // at or before the key: the store ignored the filter
			accepted.push(version);
			const key = versionKey(version.id, version.at);
			if (seen.has(key)) return; // read before (look-back window)
			seen.add(key);
			result.read.push(version);
			if (source.matches(page.records[index])) result.records.push(page.records[index]);
		});
		assertAscending(ctx, source, String(query.sort), accepted);
		step = nextStep(current, page, versions, accepted);
	}
	result.open = isInsideInstant(step);
	return result;
}
