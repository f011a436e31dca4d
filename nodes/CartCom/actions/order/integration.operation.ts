import { integrationOperation, orderLookupMissing } from '../generic/integration';
import { orderSpec } from './spec';

/**
 * `POST /orders/integration` (docs/resources/special_integration_routes.md): found by order number,
 * else by customer e-mail and order date; created when neither matches. Without any of them every
 * run would add an order, so the node asks for one.
 */
export const orderIntegration = integrationOperation({
	spec: orderSpec,
	noun: 'order',
	lookup: 'order number, or customer e-mail and order date',
	example:
		'{"order_number": "W-1001", "customer_email": "john@doe.com", "ordered_at": "2024-06-06T14:23:12-05:00", "order_status": "New", "grand_total": 59.9, "items": [{"item_number": "TSHIRT", "price": 19.95, "quantity": 3}]}',
	missingLookup: orderLookupMissing,
	lookupFix: 'Add "order_number", or both "customer_email" and "ordered_at", to the JSON.',
});
