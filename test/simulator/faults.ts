/**
 * Injected failures: scripted ones (queued by the test, matched in order) take precedence over
 * random ones drawn from a seeded PRNG, so a failing run can be replayed with the same seed.
 */
import { Prng } from './prng';
import type { FaultOptions, ScriptedFault } from './types';

export type FaultAction =
	| { kind: 'status'; status: number; retryAfter?: string }
	| { kind: 'reset' }
	| { kind: 'malformed' }
	| { kind: 'raw'; status: number; body?: string; headers?: Record<string, string> };

export interface PlannedFault {
	action: FaultAction;
	/** Apply the write before sending the fault (detects blind write retries). */
	applyWrite: boolean;
	/** Spurious 429s are not counted as served calls. */
	countsAsCall: boolean;
}

/** What a truncated response looks like on the wire. */
export const MALFORMED_BODY = '{"orders":[{"id":1,';

export class FaultPlanner {
	private scripted: ScriptedFault[] = [];
	private readonly rng: Prng;

	constructor(seed: number) {
		// Own stream, so faults never shift the seed data.
		this.rng = new Prng((seed ^ 0x5eed_fa17) >>> 0);
	}

	script(faults: ScriptedFault[]): void {
		this.scripted.push(...faults);
	}

	clearScripted(): void {
		this.scripted = [];
	}

	pendingScripted(): number {
		return this.scripted.length;
	}

	/** Removes and returns the first scripted fault matching the request. */
	takeScripted(method: string, path: string): PlannedFault | undefined {
		const index = this.scripted.findIndex((fault) => {
			const match = fault.match;
			if (!match) return true;
			if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
			if (match.path) {
				match.path.lastIndex = 0; // a /g regex must not carry state between requests
				if (!match.path.test(path)) return false;
			}
			return true;
		});
		if (index < 0) return undefined;
		const [fault] = this.scripted.splice(index, 1);
		let action: FaultAction;
		if (fault.reset) action = { kind: 'reset' };
		else if (fault.malformed) action = { kind: 'malformed' };
		else if (fault.respond) action = { kind: 'raw', ...fault.respond };
		else {
			const status = fault.status ?? 500;
			action = {
				kind: 'status',
				status,
				retryAfter: fault.retryAfter ?? (status === 429 ? '1' : undefined),
			};
		}
		return { action, applyWrite: fault.applyWrite ?? false, countsAsCall: false };
	}

	/** One draw per request; cumulative probabilities in a fixed order. */
	drawRandom(faults: FaultOptions): PlannedFault | undefined {
		const errorRate = faults.errorRate ?? 0;
		const resetRate = faults.resetRate ?? 0;
		const malformedRate = faults.malformedRate ?? 0;
		const rateLimitRate = faults.rateLimitRate ?? 0;
		if (errorRate + resetRate + malformedRate + rateLimitRate <= 0) return undefined;
		const applyWrite = faults.applyWritesBeforeFault ?? false;
		let roll = this.rng.next();
		if (roll < errorRate) {
			const status = this.rng.chance(0.5) ? 500 : 503;
			return { action: { kind: 'status', status }, applyWrite, countsAsCall: true };
		}
		roll -= errorRate;
		if (roll < resetRate) return { action: { kind: 'reset' }, applyWrite, countsAsCall: true };
		roll -= resetRate;
		if (roll < malformedRate)
			return { action: { kind: 'malformed' }, applyWrite, countsAsCall: true };
		roll -= malformedRate;
		if (roll < rateLimitRate)
			return { action: { kind: 'status', status: 429 }, applyWrite: false, countsAsCall: false };
		return undefined;
	}
}
