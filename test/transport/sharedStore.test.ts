/**
 * Queue mode: several n8n processes, each with its own CallBudget (they share no memory), call one
 * store that counts all their calls together and says so in X-AC-Call-Limit. The budget must keep
 * them within the store's limit without a shared store of its own.
 */
import { mulberry, parallelBoundMs, runSharedStore } from '../helpers/sharedStoreModel';

const PLAN = { limit: 20, windowMs: 10_000 };
const ROUND_TRIP_MS = 20;

describe('CallBudget across processes sharing one store (virtual time)', () => {
	it.each([
		[2, 3],
		[2, 10],
		[3, 1],
	])(
		'%i processes with %i concurrent calls each: at most 1 %% refused, wall ≤ 1.3 × the bound',
		(processes, lanes) => {
			const result = runSharedStore(
				Array.from({ length: processes }, () => ({ lanes, calls: 300 })),
				PLAN,
				ROUND_TRIP_MS / 2,
			);
			const done = result.requests - result.tooMany;
			expect(done).toBe(processes * 300);
			expect(result.peak).toBeLessThanOrEqual(PLAN.limit);
			expect(result.tooMany / result.requests).toBeLessThanOrEqual(0.01);
			const bound = parallelBoundMs(done, PLAN.limit, PLAN.windowMs, ROUND_TRIP_MS);
			expect(result.wallMs / bound).toBeLessThanOrEqual(1.3);
		},
	);

	it('a busy process whose calls leave up to 400 ms after they took their slot draws no 429 alone, and ≤ 1 % with another', () => {
		const alone = runSharedStore(
			[{ lanes: 10, calls: 400 }],
			PLAN,
			10,
			undefined,
			mulberry(3),
			400,
		);
		expect(alone.tooMany).toBe(0);
		const two = runSharedStore(
			[
				{ lanes: 3, calls: 300 },
				{ lanes: 3, calls: 300 },
			],
			PLAN,
			10,
			undefined,
			mulberry(3),
			400,
		);
		expect(two.tooMany / two.requests).toBeLessThanOrEqual(0.01);
		expect(two.peak).toBeLessThanOrEqual(PLAN.limit);
	});

	it('one process alone still fills the whole window (no share kept for callers that do not exist)', () => {
		const result = runSharedStore([{ lanes: 3, calls: 400 }], PLAN, ROUND_TRIP_MS / 2);
		expect(result.tooMany).toBe(0);
		const bound = parallelBoundMs(400, PLAN.limit, PLAN.windowMs, ROUND_TRIP_MS);
		expect(result.wallMs / bound).toBeLessThanOrEqual(1.05);
	});

	it('a process that starts while another holds the window takes over its part when that one is done', () => {
		const result = runSharedStore(
			[
				{ lanes: 3, calls: 100 },
				{ lanes: 3, calls: 500, startMs: 3_000 },
			],
			PLAN,
			ROUND_TRIP_MS / 2,
		);
		expect(result.tooMany / result.requests).toBeLessThanOrEqual(0.01);
		const bound = parallelBoundMs(600, PLAN.limit, PLAN.windowMs, ROUND_TRIP_MS);
		expect(result.wallMs / bound).toBeLessThanOrEqual(1.3);
	});
});
