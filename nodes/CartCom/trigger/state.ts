/**
 * What the trigger remembers between polls (workflow static data of the node), and how it moves.
 * Pure functions only, so the exactly-once bookkeeping is testable without HTTP.
 */
import type { IDataObject } from 'n8n-workflow';

/** A record version: its id and its `updated_at` as epoch milliseconds. */
export interface Version {
	id: number;
	at: number;
}

/**
 * Cursor of an "Updated" event, a place in the (updated_at, id) order plus a look-back window.
 * - `from`: versions stamped before this instant are never read again; each poll starts reading here.
 * - `afterId`: set at activation and when too many versions share the newest instant: at exactly `from`,
 *   ids up to this one are done, and the next poll starts after `from` instead of at it.
 * - `open`: with `afterId`, the last poll stopped inside the instant `from` (its deadline came), so
 *   the next one first reads the rest of it (`updated_at=eq:from&id=gt:afterId`).
 * - `seen`: every version read at or after `from`, as [id, updated_at - from]; the window is read
 *   again (for late writes), and these are dropped, so nothing in it is emitted twice.
 */
export interface ChangeCursor {
	from: number;
	afterId?: number;
	open?: boolean;
	seen: Array<[number, number]>;
}

/** Cursor of a "Created" event: Cart.com ids are sequential, so every id above this one is new. */
export interface CreatedCursor {
	lastId: number;
}

export type Cursor = ChangeCursor | CreatedCursor;

/** Bumped when the layout changes: a different fingerprint starts the trigger afresh. */
const STATE_VERSION = 1;

/**
 * At most this many versions are kept for de-duplication. A pair takes ~20 characters of JSON,
 * so the node's static data stays well below 2 KB; it is also below the page size, so a poll
 * with nothing new still needs a single request.
 */
export const MAX_SEEN_VERSIONS = 64;

export const versionKey = (id: number, at: number): string => `${id}@${at}`;

const isWholeNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value);

function isSeenPair(value: unknown): value is [number, number] {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		isWholeNumber(value[0]) &&
		isWholeNumber(value[1]) &&
		value[1] >= 0
	);
}

export function isChangeCursor(value: unknown): value is ChangeCursor {
	if (!value || typeof value !== 'object') return false;
	const cursor = value as Partial<ChangeCursor>;
	return (
		isWholeNumber(cursor.from) &&
		(cursor.afterId === undefined || isWholeNumber(cursor.afterId)) &&
		(cursor.open === undefined || typeof cursor.open === 'boolean') &&
		Array.isArray(cursor.seen) &&
		cursor.seen.every(isSeenPair)
	);
}

export function isCreatedCursor(value: unknown): value is CreatedCursor {
	return (
		!!value && typeof value === 'object' && isWholeNumber((value as Partial<CreatedCursor>).lastId)
	);
}

/** FNV-1a: a short, stable digest, so the static data holds no store URL or filter values. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * Everything that decides which records the cursor walks over, and in which time frame its instants
 * are; a change of any of them resets it. The store zone joins only when set, so cursors stored
 * before that option existed stay valid.
 */
export function fingerprint(parts: {
	event: string;
	storeKey: string;
	statusIds: number[];
	startFrom?: number;
	storeTimeZone?: string;
}): string {
	const statuses = [...parts.statusIds].sort((a, b) => a - b);
	const key: unknown[] = [
		STATE_VERSION,
		parts.event,
		parts.storeKey,
		statuses,
		parts.startFrom ?? null,
	];
	if (parts.storeTimeZone) key.push(parts.storeTimeZone);
	return fnv1a(JSON.stringify(key));
}

/** The stored cursor, or undefined when there is none yet or it belongs to other settings. */
export function readCursor(staticData: IDataObject, key: string): unknown {
	return staticData.key === key ? staticData.cursor : undefined;
}

export function writeCursor(staticData: IDataObject, key: string, cursor: Cursor): void {
	staticData.key = key;
	staticData.cursor = cursor as unknown as IDataObject;
}

export function seenVersions(cursor: ChangeCursor): Version[] {
	return cursor.seen.map(([id, offset]) => ({ id, at: cursor.from + offset }));
}

/**
 * Shrinks a window of versions to what the state can hold: whole instants, newest first, at most
 * MAX_SEEN_VERSIONS versions (`from` moves up to the oldest instant kept). When the newest instant
 * alone holds more, that instant is closed with `afterId`; `open` says the read stopped inside it.
 */
function fitWindow(
	previous: ChangeCursor,
	windowStart: number,
	versions: Version[],
	open: boolean,
): ChangeCursor {
	const byInstant = new Map<number, Version[]>();
	for (const version of versions) {
		if (version.at < windowStart) continue;
		const group = byInstant.get(version.at) ?? [];
		group.push(version);
		byInstant.set(version.at, group);
	}
	const instants = [...byInstant.keys()].sort((a, b) => b - a);
	const newest = instants[0];
	const newestGroup = newest === undefined ? [] : byInstant.get(newest)!;
	if (newestGroup.length > MAX_SEEN_VERSIONS) {
		const previousAfter = previous.from === newest ? (previous.afterId ?? 0) : 0;
		const afterId = newestGroup.reduce((max, version) => Math.max(max, version.id), previousAfter);
		return open
			? { from: newest, afterId, open: true, seen: [] }
			: { from: newest, afterId, seen: [] };
	}

	let from = windowStart;
	const kept: Version[] = [];
	for (const instant of instants) {
		const group = byInstant.get(instant)!;
		if (kept.length + group.length > MAX_SEEN_VERSIONS) {
			from = kept[kept.length - 1].at; // the oldest instant kept whole
			break;
		}
		kept.push(...group);
	}
	const cursor: ChangeCursor = {
		from,
		seen: kept.map((version) => [version.id, version.at - from]),
	};
	if (previous.afterId !== undefined && from === previous.from) cursor.afterId = previous.afterId;
	return cursor;
}

/**
 * A stored cursor as the trigger may use it: `seen` capped as on write, so foreign or old static
 * data with thousands of pairs cannot make every poll slow (or its state large).
 */
export function capChangeCursor(cursor: ChangeCursor): ChangeCursor {
	if (cursor.seen.length <= MAX_SEEN_VERSIONS) return cursor;
	return fitWindow(cursor, cursor.from, seenVersions(cursor), cursor.open === true);
}

/**
 * The cursor after a poll read `read` (every version past the previous cursor, emitted or filtered
 * out). It moves to the newest instant read minus the look-back (never backwards), keeping the
 * versions at or after it for de-duplication (see fitWindow). `open`: the poll stopped inside the
 * newest instant it read.
 */
export function advanceChangeCursor(
	previous: ChangeCursor,
	read: Version[],
	lookBackMs: number,
	open = false,
): ChangeCursor {
	if (read.length === 0) {
		if (!previous.open || open) return previous;
		const finished = { ...previous };
		delete finished.open;
		return finished;
	}
	const unique = new Map<string, Version>();
	for (const version of [...seenVersions(previous), ...read])
		unique.set(versionKey(version.id, version.at), version);
	const versions = [...unique.values()];
	const newest = versions.reduce((max, version) => Math.max(max, version.at), previous.from);
	const windowStart = Math.max(previous.from, newest - Math.max(0, lookBackMs));
	return fitWindow(previous, windowStart, versions, open);
}
