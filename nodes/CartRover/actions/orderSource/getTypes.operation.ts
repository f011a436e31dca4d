import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { toRecords } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest } from '../../transport';

/** GET /cart/listall: every cart type CartRover can connect (CartRover/cartrover-php Orders.php). */
export const getOrderSourceTypes: OperationModule = {
	option: {
		name: 'Get Types',
		value: 'getTypes',
		action: 'Get order source types',
		description: 'List every kind of cart or marketplace CartRover can connect',
	},
	description: forOperation('orderSource', 'getTypes', []),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/cart/listall' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: '/cart/listall',
				itemIndex,
			});
			return toRecords(response);
		});
	},
};
