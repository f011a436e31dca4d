/**
 * What the CartRover Trigger remembers between polls (the node's workflow static data), and how it
 * moves. Pure functions only, so the exactly-once bookkeeping is testable without a server.
 *
 * - `f`: every read asks `from_date=f` (inclusive). It only moves to dates CartRover stamped (the
 *   newest read, less the look-back), never to this machine's clock, except at activation.
 * - `s`: the transitions emitted at or after `f`, as [key, date − f]; the window is read again
 *   (for dates that became visible late), and these keys stop a second emission. A key is a 52-bit
 *   hash of (order source, cust_ref) plus one letter for the status, so its size does not depend on
 *   how long cust_ref is.
 * - `p` (only while a backlog is read over several polls): the next page of `from_date=f` to read;
 *   `n`: the newest date read so far in that backlog; `m`: keys at or above this date were kept when
 *   the key set was full, so `f` moves at least there when the backlog is done; `u`: CartRover's time
 *   when the backlog's first page was read.
 *
 * A read of several pages is not a snapshot: an order on a page already read can change meanwhile
 * (it keeps its place in the list, and its new date is at least CartRover's time then). So after such
 * a read `f` moves no further than CartRover's time at its first page, and the next poll reads those
 * changes; keys stop the orders read twice from being emitted twice.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { eventOf, type OrderStatus } from './events';

export interface TriggerState {
	k: string;
	f: number;
	s: Array<[string, number]>;
	p?: number;
	n?: number;
	m?: number;
	u?: number;
}

/** Bumped when the layout changes: a different fingerprint starts the trigger afresh. */
const STATE_VERSION = 1;

/**
 * At most this many keys are kept. A pair takes ~22 characters of JSON, so the state stays near
 * 1.5 KB at most (measured in test/cartRover/trigger); in the look-back window of a few minutes this
 * covers ~64 transitions of the selected events, and more just shortens that window (see fitKeys).
 */
export const MAX_KEYS = 64;

/**
 * A 52-bit digest of `text` in base 36 (at most 11 characters): the first 13 hex digits of its
 * SHA-256. Two of 64 kept keys collide with odds of about 2^-41, and a collision would only drop one event.
 */
export function shortDigest(text: string): string {
	return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 13), 16).toString(36);
}

/** The stored key of "this order entered this status": `cust_ref@status`, hashed to a fixed size. */
export function transitionKey(identity: string, status: OrderStatus): string {
	return `${shortDigest(identity)}${eventOf(status)!.letter}`;
}

/**
 * Everything that decides which orders the cursor walks over; a change of any of them starts the
 * trigger afresh (first poll: records now, emits nothing). The events are not part of it: the
 * trigger reads every status whatever is selected, so the cursor stays valid when they change.
 */
export function fingerprint(parts: {
	level: string;
	apiUser: string;
	baseUrl: string;
	orderSource?: string;
}): string {
	const key = [STATE_VERSION, parts.level, parts.apiUser, parts.baseUrl, parts.orderSource ?? ''];
	return shortDigest(JSON.stringify(key));
}

const isWhole = (value: unknown): value is number =>
	typeof value === 'number' && Number.isSafeInteger(value);

function isKeyPair(value: unknown): value is [string, number] {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		typeof value[0] === 'string' &&
		/^[0-9a-z]{1,12}$/.test(value[0]) &&
		isWhole(value[1]) &&
		value[1] >= 0
	);
}

export function isTriggerState(value: unknown): value is TriggerState {
	if (!value || typeof value !== 'object') return false;
	const state = value as Partial<TriggerState>;
	const optionalWhole = (field: unknown, min: number) =>
		field === undefined || (isWhole(field) && field >= min);
	return (
		typeof state.k === 'string' &&
		isWhole(state.f) &&
		state.f >= 0 &&
		Array.isArray(state.s) &&
		state.s.every(isKeyPair) &&
		optionalWhole(state.p, 2) &&
		optionalWhole(state.n, 0) &&
		optionalWhole(state.m, 0) &&
		optionalWhole(state.u, 0)
	);
}

/** The stored state, or undefined when there is none yet, it is damaged or belongs to other settings. */
export function readState(staticData: IDataObject, key: string): TriggerState | undefined {
	const stored: unknown = staticData.state;
	return isTriggerState(stored) && stored.k === key ? stored : undefined;
}

export function writeState(staticData: IDataObject, state: TriggerState): void {
	staticData.state = state as unknown as IDataObject;
}

/** The transitions emitted in the window, by key: the newest date each key was emitted with. */
export class EmittedKeys {
	private readonly dates = new Map<string, number>();

	constructor(state: TriggerState) {
		for (const [key, offset] of state.s) this.note(key, state.f + offset);
	}

	/**
	 * Whether a transition read now is one to emit: not before `from` (an earlier poll dealt with it,
	 * or it is history), and not emitted already. `reentry`: the status has a date of its own
	 * (transitions.ts `hasOwnDate`), so a newer date than the one emitted is the order entering it
	 * again (at_wms after an error was fixed) and is emitted; otherwise a kept key is final.
	 */
	isNew(key: string, at: number, from: number, reentry = false): boolean {
		if (at < from) return false;
		const emitted = this.dates.get(key);
		return emitted === undefined || (reentry && at > emitted);
	}

	note(key: string, at: number): void {
		const emitted = this.dates.get(key);
		if (emitted === undefined || at > emitted) this.dates.set(key, at);
	}

	entries(): Array<[string, number]> {
		return [...this.dates.entries()];
	}
}

/**
 * The keys at or after `windowStart`, at most MAX_KEYS: whole seconds, newest first. When they do
 * not all fit, `floor` is the oldest second kept and the cursor must not start below it (what was
 * dropped is never read again). A single second holding more than MAX_KEYS keys is dropped whole
 * and the cursor moves past it (`floor` = that second + 1).
 */
export function fitKeys(
	entries: Array<[string, number]>,
	windowStart: number,
): { kept: Array<[string, number]>; floor: number | undefined } {
	const bySecond = new Map<number, Array<[string, number]>>();
	for (const entry of entries) {
		if (entry[1] < windowStart) continue;
		const group = bySecond.get(entry[1]) ?? [];
		group.push(entry);
		bySecond.set(entry[1], group);
	}
	const seconds = [...bySecond.keys()].sort((a, b) => b - a);
	const kept: Array<[string, number]> = [];
	for (const second of seconds) {
		const group = bySecond.get(second)!;
		if (kept.length + group.length > MAX_KEYS) {
			return { kept, floor: kept.length === 0 ? second + 1 : kept[kept.length - 1][1] };
		}
		kept.push(...group);
	}
	return { kept, floor: undefined };
}

function stored(from: number, kept: Array<[string, number]>): Array<[string, number]> {
	return kept
		.map(([key, at]): [string, number] => [key, at - from])
		.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

/** The state at activation: from "now" (CartRover's clock), with what was already there marked as seen. */
export function startState(k: string, now: number, seen: EmittedKeys): TriggerState {
	const { kept, floor } = fitKeys(seen.entries(), now);
	const from = Math.max(now, floor ?? now);
	return {
		k,
		f: from,
		s: stored(
			from,
			kept.filter(([, at]) => at >= from),
		),
	};
}

export interface ReadOutcome {
	/** The newest date the list filtered on among the orders read (undefined: none read). */
	newest: number | undefined;
	/** The read reached the last page: every order listed past `f` was read. */
	complete: boolean;
	/** When not complete: the next page to read. */
	nextPage?: number;
	/** How many pages this poll read. */
	pages?: number;
	/** CartRover's time at this poll's first page (its Date header; else the newest date on that page). */
	startedAt?: number;
}

/**
 * The state after a successful poll. A complete read moves `from` to the newest date read less the
 * look-back (never backwards, never below what dropped keys require); an unfinished one keeps `from`
 * and says where to go on.
 */
export function nextState(
	previous: TriggerState,
	keys: EmittedKeys,
	read: ReadOutcome,
	lookBackSeconds: number,
): TriggerState {
	const newest = Math.max(previous.f, previous.n ?? previous.f, read.newest ?? previous.f);
	const continued = previous.p !== undefined;
	const startedAt = continued ? previous.u : read.startedAt;
	if (!read.complete) {
		// `from` cannot move: the pages not read yet may hold any date past it.
		const { kept, floor } = fitKeys(keys.entries(), previous.f);
		const state: TriggerState = { k: previous.k, f: previous.f, s: stored(previous.f, kept) };
		state.p = read.nextPage;
		state.n = newest;
		const mustReach = Math.max(previous.m ?? previous.f, floor ?? previous.f);
		if (mustReach > previous.f) state.m = mustReach;
		if (startedAt !== undefined) state.u = startedAt;
		return state;
	}
	let windowStart = Math.max(previous.f, newest - Math.max(0, lookBackSeconds));
	const severalPages = continued || (read.pages ?? 1) > 1;
	if (severalPages && startedAt !== undefined)
		windowStart = Math.max(previous.f, Math.min(windowStart, startedAt));
	const { kept, floor } = fitKeys(keys.entries(), windowStart);
	const from = Math.max(windowStart, previous.m ?? windowStart, floor ?? windowStart);
	return {
		k: previous.k,
		f: from,
		s: stored(
			from,
			kept.filter(([, at]) => at >= from),
		),
	};
}
