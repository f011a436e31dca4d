import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './errors';

/** What one input item produced: a record, several, or nothing. */
export type ItemResult = IDataObject | IDataObject[] | undefined;

/** Shapes one item's result into output items paired with input item `itemIndex`. */
export function toOutputItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (result === undefined) return [];
	const records = Array.isArray(result) ? result : [result];
	return records.map((record) => ({ json: record, pairedItem: { item: itemIndex } }));
}

/** The output item "Continue On Fail" puts in place of a failed input item, paired to it. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown })?.description;
	const json: IDataObject = { error: message };
	if (typeof description === 'string' && description) json.description = description;
	const httpCode = (error as { httpCode?: unknown })?.httpCode;
	if (typeof httpCode === 'string') json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** The error n8n shows: ours as they are (with the item index added), anything else wrapped. */
export function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const nodeError = asNodeError(ctx, error, itemIndex);
	if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

/**
 * Runs `handler` once per input item, up to `concurrency` at a time (the transport's call budget
 * keeps the account within its rate limit), and returns the outputs in input order. With "Continue
 * On Fail" a failing item becomes an `{error}` item paired to its input; otherwise the first
 * failure stops the node after the items already in flight have settled, so none is half-sent.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handler: (itemIndex: number) => Promise<ItemResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	// An object, not a reassigned variable, so TypeScript does not narrow it away inside the workers.
	const failure: { first?: { index: number; error: unknown } } = {};
	// Keep the lowest failing index, so the error names the first bad item whatever the timing.
	const recordFailure = (index: number, error: unknown) => {
		if (!failure.first || index < failure.first.index) failure.first = { index, error };
	};

	const worker = async () => {
		while (!failure.first && next < items.length) {
			const itemIndex = next++;
			try {
				results[itemIndex] = toOutputItems(await handler(itemIndex), itemIndex);
			} catch (error) {
				if (ctx.continueOnFail()) {
					results[itemIndex] = [errorItem(error, itemIndex)];
				} else {
					recordFailure(itemIndex, error);
				}
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure.first) throw withItemIndex(ctx, failure.first.error, failure.first.index);
	return results.flatMap((output) => output ?? []);
}
