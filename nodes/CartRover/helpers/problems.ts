import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parsePlainNumber } from '../../shared/node';

interface Problem {
	field: string;
	problem: string;
	fix: string;
}

/**
 * Collects every missing or invalid field of one item, so that one error names them all: fixing one
 * field per run would cost a run per field. Thrown before any request is sent.
 */
export class InputProblems {
	private readonly missing: string[] = [];
	private readonly invalid: Problem[] = [];
	private readonly fixes = new Set<string>();

	get count(): number {
		return this.missing.length + this.invalid.length;
	}

	require(field: string, fix: string): void {
		this.missing.push(field);
		this.fixes.add(fix);
	}

	add(field: string, problem: string, fix: string): void {
		this.invalid.push({ field, problem, fix });
		this.fixes.add(fix);
	}

	/** e.g. `Order Reference, Ship City: are required; Grand Total: 25.00 does not match … [item 0]`. */
	message(itemIndex: number): string {
		const parts: string[] = [];
		if (this.missing.length)
			parts.push(
				`${this.missing.join(', ')}: ${this.missing.length === 1 ? 'is' : 'are'} required`,
			);
		for (const { field, problem } of this.invalid) parts.push(`${field}: ${problem}`);
		return `${parts.join('; ')} [item ${itemIndex}]`;
	}

	throwIfAny(ctx: IExecuteFunctions, itemIndex: number): void {
		if (this.count === 0) return;
		throw new NodeOperationError(ctx.getNode(), this.message(itemIndex), {
			description: [...this.fixes].join(' '),
			itemIndex,
		});
	}
}

/** A parameter left empty: nothing to send (text that is only spaces counts as empty). */
export const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Text as CartRover takes it: trimmed; numbers from expressions become text. */
export function asText(value: unknown): string | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** What a number must be beyond "a number". */
export interface NumberRule {
	/** Whole units (quantities). */
	integer?: boolean;
	/** The lowest value accepted (0 for money, 1 for a quantity). */
	minimum?: number;
}

/**
 * Reads an optional number; a value that is not a plain number (or breaks `rule`) is recorded as
 * a problem naming `field`. Returns undefined when empty or invalid.
 */
export function readNumber(
	problems: InputProblems,
	field: string,
	value: unknown,
	rule: NumberRule = {},
): number | undefined {
	if (isEmpty(value)) return undefined;
	const number = parsePlainNumber(value);
	const example = rule.integer ? '2' : '19.99';
	if (number === undefined) {
		problems.add(
			field,
			`"${String(value)}" is not a number`,
			`Enter ${field} in digits with an optional decimal point, e.g. ${example}.`,
		);
		return undefined;
	}
	if (rule.integer && !Number.isInteger(number)) {
		problems.add(field, `${number} is not a whole number`, `Enter ${field} as whole units.`);
		return undefined;
	}
	if (rule.minimum !== undefined && number < rule.minimum) {
		problems.add(
			field,
			`${number} is below ${rule.minimum}`,
			`Enter ${field} as ${rule.minimum} or more.`,
		);
		return undefined;
	}
	return number === 0 ? 0 : number;
}
