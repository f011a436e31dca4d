import type { IN8nHttpFullResponse } from 'n8n-workflow';

import {
	CallBudget,
	LeakyBucket,
	resetCallBudgets,
	slotBudgetFor,
} from '../../../nodes/shared/http';
import {
	parseHitsRemaining,
	pathSegment,
	readCartRoverAnswer,
	readEnvelope,
} from '../../../nodes/CartRover/transport';

const answer = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
	readCartRoverAnswer({ statusCode, body, headers } as IN8nHttpFullResponse);

describe('the envelope decides, whatever the HTTP status', () => {
	it('success_code true is a value, with the whole body, its response and the process id', () => {
		const result = answer(
			200,
			{ success_code: true, response: [{ sku: 'A' }] },
			{ 'x-cartrover-process-id': 'p-1', date: 'Wed, 02 Dec 2026 10:00:00 GMT' },
		);
		expect(result).toEqual({
			kind: 'value',
			value: {
				body: { success_code: true, response: [{ sku: 'A' }] },
				response: [{ sku: 'A' }],
				processId: 'p-1',
				serverDate: 'Wed, 02 Dec 2026 10:00:00 GMT',
			},
		});
	});

	it('create order: fields at the top level, no response', () => {
		const result = answer(200, { success_code: true, cust_ref: 'A1', order_number: '7' });
		expect(result).toMatchObject({
			kind: 'value',
			value: { body: { cust_ref: 'A1', order_number: '7' }, response: undefined },
		});
	});

	it('a JSON text body is parsed like an object', () => {
		expect(answer(200, '{"success_code":true,"response":[]}')).toMatchObject({
			kind: 'value',
			value: { response: [] },
		});
	});

	it.each([
		['Invalid on HTTP 200', 200, { success_code: false, error_code: 'Invalid', message: 'x' }],
		['Failure on HTTP 200', 200, { success_code: false, error_code: 'Failure', message: 'x' }],
		['Invalid on HTTP 400', 400, { success_code: false, error_code: 'Invalid', message: 'x' }],
		['HTTP 404 without an envelope', 404, '<html>not found</html>'],
	])('%s is a final refusal', (_label, status, body) => {
		expect(answer(status, body)).toMatchObject({ kind: 'refused', serverFault: false });
	});

	it('a 5xx is a server fault, with or without an envelope', () => {
		expect(answer(502, 'Bad gateway')).toMatchObject({ kind: 'refused', serverFault: true });
		expect(answer(500, { success_code: false, error_code: 'Failure' })).toMatchObject({
			kind: 'refused',
			serverFault: true,
		});
	});

	it.each([
		['on HTTP 200', 200],
		['on HTTP 429', 429],
	])('error_code RateLimit %s is a rate limit', (_label, status) => {
		expect(
			answer(status, { success_code: false, error_code: 'RateLimit', message: 'Over API Limit.' }),
		).toMatchObject({ kind: 'rateLimited' });
	});

	it('a bare 429 is a rate limit too', () => {
		expect(answer(429, '')).toMatchObject({ kind: 'rateLimited' });
	});

	it.each([
		['an empty body', ''],
		['no body', undefined],
		['HTML', '<html><body>Maintenance</body></html>'],
		['JSON without success_code', { response: [] }],
		['success_code as text', { success_code: 'true', response: [] }],
	])('%s on HTTP 200 is unreadable, never a success', (_label, body) => {
		expect(answer(200, body)).toEqual({ kind: 'unreadable' });
	});

	it('the older status_message is CartRover’s message when message is absent', () => {
		expect(
			readEnvelope({ success_code: false, error_code: 'Invalid', status_message: 'Old text' }),
		).toMatchObject({ kind: 'error', errorCode: 'Invalid', message: 'Old text' });
	});
});

describe('X-CartRover-Api-Minute-Hits-Remaining', () => {
	it.each([
		['37', { used: 63, limit: 100 }],
		[['0'], { used: 100, limit: 100 }],
		['150', { used: 0, limit: 100 }],
	])('%j → %j', (header, expected) => {
		expect(parseHitsRemaining(header, 100)).toEqual(expected);
	});

	it.each([undefined, '', 'many', '-1', '3.5'])('%j → nothing', (header) => {
		expect(parseHitsRemaining(header, 100)).toBeUndefined();
	});
});

describe('pathSegment', () => {
	it('encodes what would change the path or the query', () => {
		expect(pathSegment('TEE/RED+L')).toBe('TEE%2FRED%2BL');
		expect(pathSegment('A 1?x#y')).toBe('A%201%3Fx%23y');
		expect(pathSegment('SIM-10001')).toBe('SIM-10001');
	});

	it.each(['', ' ', '.', '..'])('refuses %j', (value) => {
		expect(() => pathSegment(value)).toThrow(RangeError);
	});
});

describe('LeakyBucket', () => {
	function bucket(capacity: number, leakMs: number) {
		let now = 0;
		const instance = new LeakyBucket(capacity, leakMs, () => now, 1);
		return { instance, advance: (ms: number) => (now += ms) };
	}

	it('runs one call at a time until the service reported its count', () => {
		const { instance } = bucket(10, 100);
		expect(instance.tryTake()).toBe(0);
		expect(instance.tryTake()).toBeGreaterThan(0);
		instance.settle({ used: 1, limit: 10 });
		expect(instance.tryTake()).toBe(0);
	});

	it('lets a burst up to the capacity (less the margin) through, then one call per leak', () => {
		const { instance, advance } = bucket(10, 100);
		instance.tryTake();
		instance.settle({ used: 1, limit: 10 });
		let taken = 0;
		while (instance.tryTake() === 0) taken++;
		expect(taken).toBe(8);
		for (let i = 0; i < 8; i++) instance.settle({ used: 9, limit: 10 });
		const wait = instance.tryTake();
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(100);
		advance(wait);
		expect(instance.tryTake()).toBe(0);
		expect(instance.tryTake()).toBeGreaterThan(0);
	});

	it('a call does not drain while it is in flight: a late call cannot overfill the service', () => {
		const { instance, advance } = bucket(10, 100);
		instance.tryTake();
		instance.settle({ used: 1, limit: 10 });
		while (instance.tryTake() === 0);
		// Long after, the answered call has drained, but the 8 unanswered ones have not.
		advance(10_000);
		expect(instance.tryTake()).toBe(0);
		expect(instance.tryTake()).toBeGreaterThan(0);
		// An answer: that call drains from now on, not from when it was sent.
		instance.settle({ used: 8, limit: 10 });
		expect(instance.tryTake()).toBeGreaterThan(0);
		advance(100);
		expect(instance.tryTake()).toBe(0);
	});

	it('adopts the service’s count when it is fuller (other apps on the same keys)', () => {
		const { instance } = bucket(10, 100);
		instance.tryTake();
		instance.settle({ used: 9, limit: 10 });
		expect(instance.currentLevel()).toBeCloseTo(9);
		expect(instance.tryTake()).toBeGreaterThan(0);
	});

	it('keeps its own count when the service reports less', () => {
		const { instance } = bucket(10, 100);
		instance.tryTake();
		instance.settle({ used: 1, limit: 10 });
		for (let i = 0; i < 5; i++) instance.tryTake();
		instance.settle({ used: 1, limit: 10 });
		expect(instance.currentLevel()).toBeCloseTo(6);
	});

	it('a rate-limit refusal fills it: the next call waits two leaks (one for the margin)', () => {
		const { instance, advance } = bucket(10, 100);
		instance.tryTake();
		instance.settle({ used: 1, limit: 10 });
		instance.exhaustedFor();
		expect(instance.tryTake()).toBe(200);
		advance(200);
		expect(instance.tryTake()).toBe(0);
	});

	it('the default margin is one call for CartRover’s bucket and more for a fast one', () => {
		const cartRover = new LeakyBucket(100, 600, () => 0);
		cartRover.tryTake();
		cartRover.settle({ used: 0, limit: 100 });
		let taken = 0;
		while (cartRover.tryTake() === 0) taken++;
		expect(taken).toBe(98);
		const fast = new LeakyBucket(10, 20, () => 0);
		fast.tryTake();
		fast.settle({ used: 0, limit: 10 });
		taken = 0;
		while (fast.tryTake() === 0) taken++;
		expect(taken).toBe(4);
	});

	it('drains completely over time', () => {
		const { instance, advance } = bucket(5, 10);
		instance.tryTake();
		instance.settle({ used: 5, limit: 5 });
		advance(1000);
		expect(instance.currentLevel()).toBe(0);
	});
});

describe('the budget a call takes a slot of', () => {
	beforeEach(() => resetCallBudgets());

	it('a rolling window (Cart.com), a leaky bucket (CartRover), or none', () => {
		expect(slotBudgetFor({ key: 'store', windowMs: 10_000 })).toBeInstanceOf(CallBudget);
		const bucket = slotBudgetFor({ key: 'keys', leakyBucket: { capacity: 100, leakMs: 600 } });
		expect(bucket).toBeInstanceOf(LeakyBucket);
		expect(slotBudgetFor({ unmetered: true })).toBeUndefined();
	});

	it('one bucket per account key, shared by every call, until reset', () => {
		const descriptor = { key: 'a', leakyBucket: { capacity: 10, leakMs: 20 } };
		expect(slotBudgetFor(descriptor)).toBe(slotBudgetFor(descriptor));
		expect(slotBudgetFor({ ...descriptor, key: 'b' })).not.toBe(slotBudgetFor(descriptor));
		const before = slotBudgetFor(descriptor);
		resetCallBudgets();
		expect(slotBudgetFor(descriptor)).not.toBe(before);
	});
});
