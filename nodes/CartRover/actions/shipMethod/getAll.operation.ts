import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { toRecords } from '../../helpers/records';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';
import { orderSourceParameter } from '../orderSource/orderSourceParameter';

/**
 * GET /cart/shipmethod/list/{order_source}: the order source's ship methods and the warehouse
 * codes they map to (CartRover/cartrover-php; shape not documented, each entry is one item).
 */
export const getAllShipMethods: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many ship methods',
		description: 'List an order source’s ship methods and the warehouse codes they map to',
	},
	description: forOperation('shipMethod', 'getAll', [orderSourceParameter]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/cart/shipmethod/list/{order_source}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const source = readPathReference(this, itemIndex, 'orderSource', 'Order Source');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `/cart/shipmethod/list/${pathSegment(source)}`,
				itemIndex,
			});
			return toRecords(response);
		});
	},
};
