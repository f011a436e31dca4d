import type { IDataObject } from 'n8n-workflow';

import { parsePlainNumber } from '../../shared/node';

/*
 * CartRover answers with money and quantities as text ("8.0000", "1") and flags as "Y"/"N"
 * (extensiv_ruby's spec/fixtures copied from the official docs; the C# client CartRover.Batch.App
 * generated from a real answer). Simplify turns the known fields into numbers and booleans,
 * wherever they sit (order, lines, shipments, shipment items, per-warehouse inventory).
 */

/** Money, quantities, weights and sizes of orders, lines, shipments, inventory and products. */
const NUMBER_FIELDS = new Set([
	// order header (spec page, "Order Charge Field Definitions")
	'sub_total',
	'order_discount',
	'sales_tax',
	'shipping_handling',
	'grand_total',
	'balance',
	'weight',
	// list only
	'total_qty',
	'num_to_ship',
	'num_shipped',
	'num_failed_sends',
	// lines
	'quantity',
	'price',
	'discount',
	'addl_discount',
	'extended_amount',
	'tax',
	'shipping_surcharge',
	'line_no',
	// shipments and their items
	'total_cost',
	'package_weight_lbs',
	'dim_weight_lbs',
	'box_length_in',
	'box_width_in',
	'box_height_in',
	// inventory and products
	'qty_available',
	'qty_on_hand',
	'retail_price',
	'wholesale_price',
	'weight_lbs',
]);

/** Y/N flags. Only the exact values "Y" and "N" are turned into booleans. */
const FLAG_FIELDS = new Set([
	'gift_wrap',
	'sending_canceled',
	'filtered_sku',
	'tax_exempt_sw',
	'token_sw',
	'gift_card_sw',
	'prepaid_order',
	'ship_is_billing',
	'on_hold',
	'shipping_pickup_canceled',
	'routing_sw',
]);

function simplifyField(key: string, value: unknown): unknown {
	if (typeof value === 'string') {
		if (NUMBER_FIELDS.has(key)) return parsePlainNumber(value) ?? value;
		if (FLAG_FIELDS.has(key) && (value === 'Y' || value === 'N')) return value === 'Y';
		return value;
	}
	return simplifyValue(value);
}

/** A copy with the known text numbers and Y/N flags typed, nested objects and lists included. */
export function simplifyValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((entry) => simplifyValue(entry));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, field]) => [key, simplifyField(key, field)]),
	);
}

export function simplifyRecord(record: IDataObject): IDataObject {
	return simplifyValue(record) as IDataObject;
}
