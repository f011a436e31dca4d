import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import {
	forOperation,
	simplifyParameter,
	skuParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { shaped, toRecords } from '../../helpers/records';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';
import { byWarehouse, warehousesParameter } from './warehouses';

/** GET /merchant/inventory/{sku} (CartRover/cartrover-php Merchant.php; extensiv_ruby retrieve.json). */
export const getInventory: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get inventory of a SKU',
		description: 'Read the quantities of one SKU, in total and per warehouse',
	},
	description: forOperation('inventory', 'get', [
		skuParameter,
		warehousesParameter,
		simplifyParameter,
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/merchant/inventory/{sku}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const sku = readPathReference(this, itemIndex, 'sku', 'SKU');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `/merchant/inventory/${pathSegment(sku)}`,
				itemIndex,
			});
			const mode = this.getNodeParameter('warehouseQuantities', itemIndex, 'nested');
			return shaped(byWarehouse(toRecords(response), mode), wantsSimplify(this, itemIndex));
		});
	},
};
