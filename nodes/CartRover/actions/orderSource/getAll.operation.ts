import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { toRecords } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest } from '../../transport';

/**
 * GET /cart/list: "a list of all Carts (order sources) for this merchant" (CartRover/cartrover-php
 * lib/CartRover/OrderSource.php). The answer's shape is not documented; each entry is one item.
 */
export const getAllOrderSources: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many order sources',
		description: 'List the merchant’s order sources (carts and marketplaces)',
	},
	description: forOperation('orderSource', 'getAll', []),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/cart/list' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: '/cart/list',
				itemIndex,
			});
			return toRecords(response);
		});
	},
};
