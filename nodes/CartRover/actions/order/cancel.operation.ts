import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isJsonObject, runPerItem } from '../../../shared/node';
import { forOperation, orderReferenceParameter } from '../../helpers/descriptions';
import { CART_ONLY } from '../../helpers/level';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';

/*
 * GET /cart/orders/wms_cancel/{cust_ref}: asks CartRover to cancel the order, in the warehouse too
 * if it was sent there; answers `response: {success: true, message: ""}` (extensiv_ruby
 * cancel.json). The older POST /cart/orders/cancel/cartrover "may fail if you wait too long after
 * creation" (CartRover/cartrover-php Orders.php), so the node uses wms_cancel. The warehouse may
 * still refuse once picking has started (Extensiv help: "Cancel Order in WMS").
 */
export const cancel: OperationModule = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel an order',
		description: 'Cancel an order, in the warehouse too if it was sent there',
	},
	description: forOperation('order', 'cancel', [orderReferenceParameter('The order to cancel')]),
	levels: CART_ONLY,
	endpoints: [{ method: 'GET', path: '/cart/orders/wms_cancel/{cust_ref}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const custRef = readPathReference(this, itemIndex, 'custRef', 'Order Reference');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `/cart/orders/wms_cancel/${pathSegment(custRef)}`,
				itemIndex,
				// A GET that changes the order: asking again after a lost answer asks for the same cancel.
				repeatable: true,
			});
			const answer: IDataObject = isJsonObject(response) ? response : {};
			// CartRover answers a cancel it cannot do with success: false and its reason.
			if (answer.success === false) {
				throw new NodeOperationError(
					this.getNode(),
					`CartRover did not cancel order "${custRef}": ${String(answer.message || 'no reason given')} [item ${itemIndex}]`,
					{
						description:
							'An order can be canceled while it is new, at the warehouse (before picking) or in error.',
						itemIndex,
					},
				);
			}
			return { cust_ref: custRef, ...answer };
		});
	},
};
