import type { INodeExecutionData } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { asNodeError } from '../../helpers/errors';
import type { OperationModule } from '../../helpers/types';
import { cartComRequest } from '../../transport';

/**
 * Cart.com does not rebuild the category tree after category writes, as it is expensive; this asks
 * for it once (asynchronous, 204). It runs once per execution, not per item: a workflow that just
 * wrote 500 categories needs one rebuild, not 500.
 */
export const rebuildTree: OperationModule = {
	option: {
		name: 'Rebuild Tree',
		value: 'rebuildTree',
		action: 'Rebuild category tree',
		description:
			'Start rebuilding the storefront category tree after categories changed (runs once for all items)',
	},
	endpoints: [{ method: 'POST', path: '/categories/rebuild_tree' }],
	description: forOperation('category', 'rebuildTree', []),
	async execute(items): Promise<INodeExecutionData[]> {
		const pairedItem = items.map((_item, index) => ({ item: index }));
		try {
			await cartComRequest.call(this, {
				method: 'POST',
				path: '/categories/rebuild_tree',
				itemIndex: 0,
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, 0);
			return [
				{ json: { error: error instanceof Error ? error.message : String(error) }, pairedItem },
			];
		}
		return [{ json: { rebuild_requested: true }, pairedItem }];
	},
};
