import { DateTime } from 'luxon';

import {
	buildFilterQuery,
	CallBudget,
	encodeQuery,
	parseCallLimit,
	parseListPage,
	parseRetryAfter,
	redact,
	signRouterRequest,
	UnexpectedResponseError,
} from '../../nodes/CartCom/transport';
import { routerSignature } from '../simulator';

describe('query encoding', () => {
	it('form-encodes like the router signature expects and drops empty values', () => {
		expect(
			encodeQuery({
				updated_at: 'gte:2024-01-01T00:00:00Z AND lt:2024-02-01',
				ids: '1,2',
				empty: '',
				none: undefined,
				n: 0,
			}),
		).toBe('updated_at=gte%3A2024-01-01T00%3A00%3A00Z+AND+lt%3A2024-02-01&ids=1%2C2&n=0');
		expect(encodeQuery({ name: "it's (a) test*!" })).toBe('name=it%27s+%28a%29+test%2A%21');
	});
});

describe('router signature', () => {
	it('matches the simulator’s independent verifier and the documented message form', () => {
		const creds = { userName: 'myUser', userSecret: 's3cret', siteId: '1' };
		expect(signRouterRequest('get', '/api/v1/customers', 'myUser', 's3cret')).toBe(
			routerSignature('GET', '/api/v1/customers', creds),
		);
		expect(signRouterRequest('GET', '/api/v1/customers?count=1', 'myUser', 's3cret')).not.toBe(
			signRouterRequest('GET', '/api/v1/customers?count=2', 'myUser', 's3cret'),
		);
	});
});

describe('filters', () => {
	it('joins conditions on one field, keeps fields apart, sends dates as UTC', () => {
		const since = DateTime.fromISO('2024-05-14T11:09:20.16-05:00', { setZone: true });
		expect(
			buildFilterQuery([
				{ field: 'price', operator: 'gt', value: 5 },
				{ field: 'price', operator: 'lte', value: 25 },
				{ field: 'updated_at', operator: 'gte', value: since },
			]),
		).toEqual({ price: 'gt:5 AND lte:25', updated_at: 'gte:2024-05-14T16:09:20.160Z' });
	});

	it('ORs separate fields with the OR prefix', () => {
		expect(
			buildFilterQuery(
				[
					{ field: 'weight', operator: 'gt', value: 3.5 },
					{ field: 'length', operator: 'gt', value: 12 },
				],
				'OR',
			),
		).toEqual({ weight: 'gt:3.5', length: 'OR gt:12' });
	});

	it('refuses field names that are not Cart.com fields', () => {
		expect(() => buildFilterQuery([{ field: 'price&x=1', operator: 'eq', value: 1 }])).toThrow(
			/not a Cart.com field name/,
		);
	});
});

describe('list envelopes', () => {
	it('detects the records key when it differs from the path', () => {
		const page = parseListPage(
			{
				total_count: 2,
				next_page: 'https://s/api/v1/order_items?page=2',
				items: [{ id: 1 }, { id: 2 }],
			},
			'order_items',
		);
		expect(page).toMatchObject({ recordsKey: 'items', totalCount: 2, hasNextPage: true });
		expect(page.records.map((r) => r.id)).toEqual([1, 2]);
	});

	it('prefers the expected key when several arrays are present, and refuses to guess otherwise', () => {
		expect(parseListPage({ shipments: [{ id: 1 }], other: [] }, 'shipments').recordsKey).toBe(
			'shipments',
		);
		expect(() => parseListPage({ a: [], b: [] }, 'c')).toThrow(UnexpectedResponseError);
		expect(() => parseListPage('<html>', 'c')).toThrow(/not a JSON object/);
	});
});

describe('rate-limit headers', () => {
	it('parses X-AC-Call-Limit', () => {
		expect(parseCallLimit('3/20')).toEqual({ used: 3, limit: 20 });
		expect(parseCallLimit(' 50 / 50 ')).toEqual({ used: 50, limit: 50 });
		expect(parseCallLimit('x')).toBeUndefined();
	});

	it('parses Retry-After in seconds and as an HTTP date', () => {
		const now = DateTime.fromISO('2024-05-14T10:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('Tue, 14 May 2024 10:00:12 GMT', now)).toBe(12000);
		expect(parseRetryAfter('Tue, 14 May 2024 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

describe('CallBudget', () => {
	it('sends one call until the limit is known, then fills the window and waits for the oldest call to leave it', () => {
		let now = 0;
		const budget = new CallBudget(() => now, 10_000);
		expect(budget.tryTake()).toBe(0);
		expect(budget.tryTake()).toBeGreaterThan(0); // limit still unknown: one at a time
		budget.settle({ used: 1, limit: 3 });
		// First window: one call in flight at a time (slow start), each answer lets the next go.
		expect(budget.tryTake()).toBe(0);
		expect(budget.tryTake()).toBe(50);
		budget.settle({ used: 2, limit: 3 });
		expect(budget.tryTake()).toBe(0);
		budget.settle({ used: 3, limit: 3 });
		const wait = budget.tryTake();
		expect(wait).toBeGreaterThanOrEqual(10_000);
		now += wait;
		expect(budget.tryTake()).toBe(0);
	});

	it('counts calls other apps made on the same store, and leaves them their part of the free room', () => {
		let now = 0;
		const budget = new CallBudget(() => now, 10_000);
		budget.tryTake();
		budget.settle({ used: 4, limit: 5 }); // we sent 1, the store counted 4: 3 are someone else's
		// One free call, shared 1 : 3 with the others, rounds down to none of ours.
		expect(budget.tryTake()).toBeGreaterThan(0);
		now = 20_000; // all calls left the window, the others' are still remembered
		for (let k = 0; k < 3; k++) {
			expect(budget.tryTake()).toBe(0);
			budget.settle({ used: 3 + k + 1, limit: 20 }); // the others still send 3 per window
		}
		// Our part grows in proportion to our calls, never into the others' 3.
		let sent = 3;
		while (budget.tryTake() === 0) sent++;
		expect(sent).toBeLessThanOrEqual(17);
		expect(sent).toBeGreaterThan(3);
	});

	it('alone on the store, leaves the one-at-a-time start after a few answers; with another caller, keeps it for the first window', () => {
		const alone = new CallBudget(() => 0, 10_000);
		for (let k = 1; k <= 8; k++) {
			expect(alone.tryTake()).toBe(0);
			alone.settle({ used: k, limit: 100 });
		}
		for (let k = 0; k < 10; k++) expect(alone.tryTake()).toBe(0); // Parallel Requests go at once
		const shared = new CallBudget(() => 0, 10_000);
		for (let k = 1; k <= 8; k++) {
			expect(shared.tryTake()).toBe(0);
			shared.settle({ used: 2 * k, limit: 100 }); // another process sends as many
		}
		expect(shared.tryTake()).toBe(0);
		expect(shared.tryTake()).toBe(50); // one in flight until its answer
	});

	it('after a 429 treats the window as full until Retry-After has passed', () => {
		let now = 0;
		const budget = new CallBudget(() => now, 10_000);
		budget.tryTake();
		budget.settle({ used: 1, limit: 10 });
		budget.exhaustedFor(3000);
		const wait = budget.tryTake();
		expect(wait).toBeGreaterThan(2900);
		expect(wait).toBeLessThanOrEqual(3000);
		now += wait;
		expect(budget.tryTake()).toBe(0);
	});
});

describe('redaction', () => {
	it('removes every occurrence of every secret', () => {
		expect(redact('token abcd1234 and abcd1234, user me', ['abcd1234', 'me'])).toBe(
			'token *** and ***, user ***',
		);
	});

	it('removes a secret in its JSON-escaped, URL-encoded, form-encoded and base64 forms', () => {
		const secret = 'a/b+c="d" e';
		const text = [
			JSON.stringify({ token: secret }),
			`?t=${encodeURIComponent(secret)}`,
			`?t=${encodeURIComponent(secret).toLowerCase()}`,
			`?t=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
			Buffer.from(secret).toString('base64'),
		].join(' ');
		const redacted = redact(text, [secret]);
		expect(redacted).toBe('{"token":"***"} ?t=*** ?t=*** ?t=*** ***');
	});
});

describe('date input', () => {
	it('reads a date without an offset in the given (workflow) time zone, and keeps explicit offsets', async () => {
		const { tryParseDateInput } = await import('../../nodes/CartCom/transport/filters');
		expect(tryParseDateInput('2024-05-14T10:00:00', 'America/Chicago')?.toUTC().toISO()).toBe(
			'2024-05-14T15:00:00.000Z',
		);
		expect(tryParseDateInput('2024-01-14T10:00:00', 'America/Chicago')?.toUTC().toISO()).toBe(
			'2024-01-14T16:00:00.000Z',
		);
		expect(tryParseDateInput('2024-05-14T10:00:00+02:00', 'America/Chicago')?.toUTC().toISO()).toBe(
			'2024-05-14T08:00:00.000Z',
		);
		expect(tryParseDateInput('2024-05-14T10:00:00')?.toUTC().toISO()).toBe(
			'2024-05-14T10:00:00.000Z',
		);
		expect(tryParseDateInput('not a date', 'America/Chicago')).toBeUndefined();
	});
});
