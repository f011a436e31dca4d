import type { IExecuteFunctions } from 'n8n-workflow';

import { cartComTransportError, isAmbiguousWriteFailure } from '../transport';
import { asNodeError } from './errors';

/**
 * After a write that must not be repeated failed: a failure that says the write may have reached
 * the store (a reset, a 5xx, a deadline) is settled by reading again, never by sending again. Any
 * other failure, or a re-read that fails too, is reported as the original error. `applied` returns
 * what to report when the re-read shows the write was applied, undefined when it shows it was not;
 * then the error says so (`notApplied`) and that nothing was sent again.
 */
export async function settleByReread<Read, Result>(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	check: {
		reread: () => Promise<Read>;
		applied: (after: Read) => Result | undefined;
		notApplied: (after: Read) => string;
	},
): Promise<Result> {
	if (!isAmbiguousWriteFailure(error)) throw asNodeError(ctx, error, itemIndex);
	let after: Read;
	try {
		after = await check.reread();
	} catch {
		throw asNodeError(ctx, error, itemIndex); // still unknown: the original error says to check the store
	}
	const settled = check.applied(after);
	if (settled !== undefined) return settled;
	throw cartComTransportError(
		ctx.getNode(),
		error instanceof Error ? error.message : String(error),
		check.notApplied(after),
		[],
		itemIndex,
	);
}
