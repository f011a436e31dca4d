import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A NodeOperationError naming the parameter, the item and how to fix it. */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		description: fix,
		itemIndex,
	});
}

/**
 * Plain decimal text, as people and spreadsheets write amounts. Deliberately not `Number()`, which
 * reads " " and [] as 0 and accepts "0x10", "1e3" and "Infinity": a typo must not become a price.
 */
const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A finite JS number, or text that is a plain decimal once trimmed; undefined for anything else. */
export function parsePlainNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return PLAIN_DECIMAL.test(text) ? Number(text) : undefined;
}
