import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isJsonObject, runPerItem } from '../../../shared/node';
import { forOperation, orderReferenceParameter } from '../../helpers/descriptions';
import { CART_ONLY } from '../../helpers/level';
import { InputProblems, asText } from '../../helpers/problems';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';

/*
 * POST /cart/orders/update/{cust_ref} with `{order_status: "confirmed", shipments: [{tracking_no}]}`
 * → `{success_code: true}`: the cart tells CartRover it has the tracking (extensiv_ruby
 * update_status_confirmed*.json). The order then shows as `confirmed`.
 */

/** "1Z1, 1Z2\n1Z3" or a list from an expression → distinct tracking numbers. */
export function parseTrackingNumbers(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((entry) => String(entry))
		: String(value ?? '').split(/[,\n]/);
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

/** The tracking numbers of the order's shipments, as Get Status reads them. */
async function shipmentTracking(ctx: IExecuteFunctions, custRef: string, itemIndex: number) {
	const { response } = await cartRoverRequest.call(ctx, {
		method: 'GET',
		path: `/cart/orders/status/${pathSegment(custRef)}`,
		itemIndex,
	});
	const shipments =
		isJsonObject(response) && Array.isArray(response.shipments) ? response.shipments : [];
	return parseTrackingNumbers(
		shipments.filter(isJsonObject).map((shipment) => asText(shipment.tracking_no) ?? ''),
	);
}

export const confirmTracking: OperationModule = {
	option: {
		name: 'Confirm Tracking',
		value: 'confirmTracking',
		action: 'Confirm tracking of an order',
		description:
			'Tell CartRover the sales channel has the tracking numbers; the order becomes confirmed',
	},
	description: forOperation('order', 'confirmTracking', [
		orderReferenceParameter('The shipped order'),
		{
			displayName: 'Tracking Numbers',
			name: 'trackingNumbers',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
			description:
				'Separated by commas or new lines, or a list from an expression. Empty confirms every tracking number the order’s shipments have.',
		},
	]),
	levels: CART_ONLY,
	endpoints: [
		{ method: 'POST', path: '/cart/orders/update/{cust_ref}' },
		{ method: 'GET', path: '/cart/orders/status/{cust_ref}' },
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const custRef = readPathReference(this, itemIndex, 'custRef', 'Order Reference');
			let tracking = parseTrackingNumbers(this.getNodeParameter('trackingNumbers', itemIndex, ''));
			if (tracking.length === 0) tracking = await shipmentTracking(this, custRef, itemIndex);
			if (tracking.length === 0) {
				const problems = new InputProblems();
				problems.add(
					'Tracking Numbers',
					`order "${custRef}" has no shipment with a tracking number yet`,
					'Confirm once the order has shipped, or enter the tracking numbers.',
				);
				problems.throwIfAny(this, itemIndex);
			}
			const body: IDataObject = {
				order_status: 'confirmed',
				shipments: tracking.map((trackingNo) => ({ tracking_no: trackingNo })),
			};
			await cartRoverRequest.call(this, {
				method: 'POST',
				path: `/cart/orders/update/${pathSegment(custRef)}`,
				body,
				itemIndex,
				// Setting the same status with the same tracking twice changes nothing: safe to retry.
				repeatable: true,
			});
			return { cust_ref: custRef, order_status: 'confirmed', tracking_numbers: tracking };
		});
	},
};
