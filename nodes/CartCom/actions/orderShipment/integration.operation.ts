import type { IDataObject } from 'n8n-workflow';

import { isNotGiven } from '../../helpers/parameters';
import { integrationOperation, orderLookupMissing } from '../generic/integration';
import { orderShipmentSpec } from './spec';

/**
 * `POST /order_shipments/integration` (docs/resources/special_integration_routes.md): the order is
 * found like /orders/integration, then the shipment by tracking numbers, shipment name, or method
 * and date; an optional `order_status` is applied to the order. The node asks for the order and
 * for a tracking number, shipment name or shipment ID, so a re-run finds the same shipment.
 */
export const orderShipmentIntegration = integrationOperation({
	spec: orderShipmentSpec,
	noun: 'order shipment',
	lookup: 'order and tracking number or shipment name',
	example:
		'{"order_number": "W-1001", "shipment_name": "1", "tracking_numbers": "1Z999AA10123456784", "shipping_method": "UPS Ground", "shipped_at": "2024-05-15T00:00:00-05:00", "order_status": "Shipped"}',
	missingLookup: (body: IDataObject) => {
		const missing = isNotGiven(body.order_shipment_id) ? orderLookupMissing(body) : [];
		const shipmentKeys = ['order_shipment_id', 'tracking_numbers', 'shipment_name'];
		if (shipmentKeys.every((key) => isNotGiven(body[key])))
			missing.push('tracking_numbers, shipment_name or order_shipment_id');
		return missing;
	},
	lookupFix:
		'Add the order ("order_number", or "customer_email" and "ordered_at") and "tracking_numbers" or "shipment_name" to the JSON.',
});
