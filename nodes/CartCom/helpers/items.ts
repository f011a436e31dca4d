import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../shared/node';
import { readCollection } from './parameters';

// The per-item loop is service-neutral (nodes/shared/node), shared with the CartRover node.
export { runPerItem, toOutputItems, type ItemResult } from '../../shared/node';

/**
 * runPerItem for writes: as many items at once as the "Parallel Requests" write option allows
 * (read once, at item 0: it applies to the whole run).
 */
export async function runWritesPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handler: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const concurrency = Number(readCollection(ctx, 'writeOptions', 0).concurrency ?? 1) || 1;
	return await runPerItem(ctx, items, handler, concurrency);
}
