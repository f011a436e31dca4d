import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { ALL_LEVELS } from '../../helpers/level';
import { toRecords } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest } from '../../transport';

/**
 * GET /wms/shipmethod/list: `[{carrier, code, description}]`, e.g. {"carrier": "FEDEX", "code":
 * "50", "description": "FedEx Ground"} (CartRover/cartrover-php WMS::ListShipMethods; extensiv_ruby
 * calls it with Cart keys).
 */
export const getAllWarehouseShipCodes: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many warehouse ship codes',
		description: 'List the warehouse’s ship codes that ship methods can map to',
	},
	description: forOperation('warehouseShipCode', 'getAll', []),
	levels: ALL_LEVELS,
	endpoints: [{ method: 'GET', path: '/wms/shipmethod/list' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: '/wms/shipmethod/list',
				itemIndex,
			});
			return toRecords(response);
		});
	},
};
