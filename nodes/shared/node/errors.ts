import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * n8n errors pass through unchanged; anything else (a bug, a library error) is wrapped in a
 * NodeOperationError so n8n shows it against the node and item instead of as a crash.
 */
export function asNodeError(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}
