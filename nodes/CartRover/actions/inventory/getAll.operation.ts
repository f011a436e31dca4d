import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import {
	forOperation,
	limitParameter,
	readLimit,
	returnAllParameter,
	simplifyParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { checkLimit } from '../../helpers/references';
import { shaped } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { cartRoverGetMany } from '../../transport';
import { byWarehouse, warehousesParameter } from './warehouses';

/** GET /merchant/inventory?limit&page (CartRover/cartrover-php Merchant.php, default 20 per page). */
export const getAllInventory: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many inventory records',
		description: 'List the quantities of every SKU',
	},
	description: forOperation('inventory', 'getAll', [
		returnAllParameter,
		limitParameter,
		warehousesParameter,
		simplifyParameter,
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/merchant/inventory' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const limit = checkLimit(this, itemIndex, readLimit(this, itemIndex));
			const records = await cartRoverGetMany.call(this, {
				path: '/merchant/inventory',
				limit,
				itemIndex,
			});
			const mode = this.getNodeParameter('warehouseQuantities', itemIndex, 'nested');
			return shaped(byWarehouse(records, mode), wantsSimplify(this, itemIndex));
		});
	},
};
