/**
 * The trigger's state as pure bookkeeping (nodes/CartRover/trigger/state.ts): keys, the window, the
 * bound, unfinished reads.
 */
import {
	EmittedKeys,
	fingerprint,
	fitKeys,
	isTriggerState,
	MAX_KEYS,
	nextState,
	readState,
	startState,
	transitionKey,
	type TriggerState,
} from '../../../nodes/CartRover/trigger/state';

const F = 1_764_669_600; // 2025-12-02T10:00:00Z
const LOOK_BACK = 300;

const empty = (f = F): TriggerState => ({ k: 'k', f, s: [] });

describe('CartRover Trigger: state bookkeeping', () => {
	it('keys are short, fixed-size and distinct per order and status', () => {
		const a = transitionKey('Shop\u0000R-1', 'shipped');
		expect(a).toMatch(/^[0-9a-z]{1,11}s$/);
		expect(transitionKey('Shop\u0000R-1', 'new')).not.toBe(a);
		expect(transitionKey('Other\u0000R-1', 'shipped')).not.toBe(a);
		expect(transitionKey(`Shop\u0000${'x'.repeat(500)}`, 'shipped').length).toBeLessThanOrEqual(12);
	});

	it('a transition is new once; before the cursor it is history', () => {
		const keys = new EmittedKeys(empty());
		const key = transitionKey('s\u0000a', 'new');
		expect(keys.isNew(key, F - 1, F)).toBe(false);
		expect(keys.isNew(key, F, F)).toBe(true);
		keys.note(key, F);
		expect(keys.isNew(key, F, F)).toBe(false);
		expect(keys.isNew(key, F + 10, F)).toBe(false); // confirmed/error: a later edit is no new transition
		expect(keys.isNew(key, F + 10, F, true)).toBe(true); // a status with its own date, entered again
	});

	it('a complete read moves the cursor to the newest date less the look-back, keeping only keys in the window', () => {
		const keys = new EmittedKeys(empty());
		keys.note('aw', F + 10);
		keys.note('bw', F + 500);
		keys.note('cw', F + 1000);
		const next = nextState(empty(), keys, { newest: F + 1000, complete: true }, LOOK_BACK);
		expect(next.f).toBe(F + 700);
		expect(next.s).toEqual([['cw', 300]]);
		expect(next.p).toBeUndefined();
	});

	it('never moves the cursor backwards, and an idle poll leaves it as it was', () => {
		const state: TriggerState = { k: 'k', f: F, s: [['aw', 5]] };
		const next = nextState(
			state,
			new EmittedKeys(state),
			{ newest: undefined, complete: true },
			LOOK_BACK,
		);
		expect(next).toEqual(state);
		const older = nextState(
			state,
			new EmittedKeys(state),
			{ newest: F - 50, complete: true },
			LOOK_BACK,
		);
		expect(older.f).toBe(F);
	});

	it('keeps at most MAX_KEYS keys, whole seconds, and the cursor never starts below a dropped one', () => {
		const keys = new EmittedKeys(empty());
		for (let i = 0; i < 201; i++) keys.note(`k${i}n`, F + Math.floor(i / 3)); // 3 per second
		const next = nextState(empty(), keys, { newest: F + 66, complete: true }, LOOK_BACK);
		expect(next.s.length).toBeLessThanOrEqual(MAX_KEYS);
		expect(next.s.length % 3).toBe(0); // whole seconds
		expect(next.f).toBe(F + 66 - next.s.length / 3 + 1);
		const kept = new Set(next.s.map(([key]) => key));
		for (let i = 0; i < 201; i++) {
			const second = F + Math.floor(i / 3);
			expect(kept.has(`k${i}n`) || second < next.f).toBe(true);
		}
	});

	it('one second with more than MAX_KEYS keys is stepped over whole', () => {
		const keys = new EmittedKeys(empty());
		for (let i = 0; i < MAX_KEYS + 1; i++) keys.note(`k${i}n`, F + 20);
		expect(fitKeys(keys.entries(), F)).toEqual({ kept: [], floor: F + 21 });
		const next = nextState(empty(), keys, { newest: F + 20, complete: true }, LOOK_BACK);
		expect(next).toEqual({ k: 'k', f: F + 21, s: [] });
	});

	it('an unfinished read keeps the cursor, says where to go on, and finishes where the dropped keys require', () => {
		const keys = new EmittedKeys(empty());
		for (let i = 0; i < 100; i++) keys.note(`k${i}n`, F + 1000 + i);
		const partial = nextState(
			empty(),
			keys,
			{ newest: F + 1099, complete: false, nextPage: 4 },
			LOOK_BACK,
		);
		expect(partial).toMatchObject({ f: F, p: 4, n: F + 1099, m: F + 1036 });
		expect(partial.s).toHaveLength(MAX_KEYS);
		expect(isTriggerState(partial)).toBe(true);

		const done = nextState(
			partial,
			new EmittedKeys(partial),
			{ newest: F + 50, complete: true },
			30,
		);
		expect(done.p).toBeUndefined();
		expect(done.f).toBe(F + 1099 - 30); // from the newest date of the whole backlog
		expect(done.s.every(([, offset]) => offset >= 0)).toBe(true);

		const capped = nextState(
			partial,
			new EmittedKeys(partial),
			{ newest: F + 50, complete: true },
			3600,
		);
		expect(capped.f).toBe(F + 1036); // the look-back would reach below the dropped keys: it stops there
	});

	it('activation starts at "now", with what is already there at that second marked', () => {
		const keys = new EmittedKeys(empty(F - 100));
		keys.note('aw', F - 20);
		keys.note('bw', F);
		expect(startState('k', F, keys)).toEqual({ k: 'k', f: F, s: [['bw', 0]] });
	});

	it('reads back only its own, well-formed state', () => {
		const state: TriggerState = { k: 'abc', f: F, s: [['xyzs', 3]] };
		expect(readState({ state }, 'abc')).toEqual(state);
		expect(readState({ state }, 'other')).toBeUndefined();
		expect(readState({ state: { ...state, s: [['BAD KEY', 1]] } }, 'abc')).toBeUndefined();
		expect(readState({ state: { ...state, f: -1 } }, 'abc')).toBeUndefined();
		expect(readState({}, 'abc')).toBeUndefined();
	});

	it('the fingerprint changes with the account and the order source, not with the events', () => {
		const base = { level: 'merchant', apiUser: 'u', baseUrl: 'https://api.cartrover.com' };
		expect(fingerprint(base)).toBe(fingerprint({ ...base }));
		expect(fingerprint({ ...base, orderSource: 'Shop' })).not.toBe(fingerprint(base));
		expect(fingerprint({ ...base, level: 'cart' })).not.toBe(fingerprint(base));
		expect(fingerprint({ ...base, apiUser: 'v' })).not.toBe(fingerprint(base));
	});

	it('a full key set stays well below 2 KB of JSON', () => {
		const keys = new EmittedKeys(empty());
		for (let i = 0; i < 500; i++)
			keys.note(transitionKey(`Some Long Source\u0000ORDER-${i}`, 'shipped'), F + 86_000 + i);
		const state = nextState(
			empty(),
			keys,
			{ newest: F + 86_499, complete: false, nextPage: 50 },
			3600,
		);
		const size = JSON.stringify({ 'node:CartRover Trigger': { state } }).length;
		expect(state.s).toHaveLength(MAX_KEYS);
		expect(size).toBeLessThan(2048);
	});
	it('after a read of several pages the cursor stays at or below CartRover’s time at its first page', () => {
		const keys = new EmittedKeys(empty());
		keys.note('aw', F + 100);
		const read = { newest: F + 100, complete: true, startedAt: F + 40 };
		expect(nextState(empty(), keys, { ...read, pages: 1 }, 0).f).toBe(F + 100);
		expect(nextState(empty(), keys, { ...read, pages: 2 }, 0)).toEqual({
			k: 'k',
			f: F + 40,
			s: [['aw', 60]],
		});
		// … and across polls, from the backlog's first page on.
		const partial = nextState(
			empty(),
			keys,
			{ ...read, complete: false, nextPage: 51, pages: 50 },
			0,
		);
		expect(partial.u).toBe(F + 40);
		const done = nextState(
			partial,
			new EmittedKeys(partial),
			{ newest: F + 900, complete: true, pages: 1, startedAt: F + 880 },
			0,
		);
		expect(done.f).toBe(F + 40);
	});
});
