import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import {
	forOperation,
	orderReferenceParameter,
	simplifyParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { CART_OR_MERCHANT, ordersBase } from '../../helpers/level';
import { shaped, toRecords } from '../../helpers/records';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment, type CartRoverLevel } from '../../transport';

/*
 * GET /{cart|merchant}/orders/status/{cust_ref}: `{cust_ref, cust_po_no, delivered_to_wms_date,
 * order_status, shipments[]}` with each shipment's carrier, tracking_no and date (extensiv_ruby
 * status.json; sifourteen/cartrover-ruby-client).
 */
export const getStatus: OperationModule = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get the status of an order',
		description: 'Read an order’s status and its shipments’ tracking numbers',
	},
	description: forOperation('order', 'getStatus', [
		orderReferenceParameter('The order whose status to read'),
		simplifyParameter,
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/{level}/orders/status/{cust_ref}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], level: CartRoverLevel) {
		return await runPerItem(this, items, async (itemIndex) => {
			const custRef = readPathReference(this, itemIndex, 'custRef', 'Order Reference');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `${ordersBase(level)}/status/${pathSegment(custRef)}`,
				itemIndex,
			});
			return shaped(toRecords(response), wantsSimplify(this, itemIndex));
		});
	},
};
