import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isJsonObject, readCollection } from '../../../shared/node';
import { byDisplayName, orderReferenceParameter } from '../../helpers/descriptions';
import { asText, InputProblems, isEmpty, readNumber } from '../../helpers/problems';
import { checkAmounts, type LineAmounts, type OrderAmounts } from './totals';

/*
 * The order a Create sends to POST /cart/orders/cartrover (or one entry of /cart/orders/batch).
 * Field names are CartRover's, from the extensiv_ruby gem's fixtures, the official PHP client's
 * test/NewOrder.php and the spec page's charge definitions; `cust_ref` and `items[]` (item,
 * quantity) are required by every source, the ship-to fields by the public TypeScript typings.
 */

type FieldKind = 'text' | 'date' | 'flagYN' | 'boolean' | 'addressType';

interface OrderField {
	/** CartRover's field name. */
	field: string;
	/** Parameter name (camelCase) and display name. */
	param: string;
	label: string;
	kind?: FieldKind;
	description?: string;
	placeholder?: string;
}

const f = (field: string, param: string, label: string, extra: Partial<OrderField> = {}) => ({
	field,
	param,
	label,
	...extra,
});

/** Ship-to fields shown on their own: CartRover sends them to the warehouse as the label address. */
const SHIP_TO: OrderField[] = [
	f('ship_first_name', 'shipFirstName', 'Ship First Name', { placeholder: 'e.g. Jane' }),
	f('ship_last_name', 'shipLastName', 'Ship Last Name', { placeholder: 'e.g. Doe' }),
	f('ship_company', 'shipCompany', 'Ship Company', {
		description: 'Needed when there is no first and last name',
	}),
	f('ship_address_1', 'shipAddress1', 'Ship Address 1', { placeholder: 'e.g. 12 Main St' }),
	f('ship_city', 'shipCity', 'Ship City', { placeholder: 'e.g. Austin' }),
	f('ship_state', 'shipState', 'Ship State', { placeholder: 'e.g. TX' }),
	f('ship_zip', 'shipZip', 'Ship ZIP', { placeholder: 'e.g. 78701' }),
	f('ship_country', 'shipCountry', 'Ship Country', { placeholder: 'e.g. US' }),
];

/**
 * Required besides a name or company: the fields the public TypeScript typings mark required and
 * every public sample sends (reference §4.1). Ship State is not: many countries have none.
 */
const REQUIRED_SHIP_TO = ['ship_address_1', 'ship_city', 'ship_zip', 'ship_country'];

/** Everything else a cart usually sends, in Additional Fields. */
const ADDITIONAL: OrderField[] = [
	f('cust_po_no', 'custPoNo', 'Customer PO Number', {
		description: 'The marketplace’s full order number, when Order Reference is a shorter one',
	}),
	f('order_date', 'orderDate', 'Order Date', {
		kind: 'date',
		description: 'Default: today',
	}),
	f('order_source', 'orderSource', 'Order Source', {
		description: 'The order source (cart) the order belongs to, when the keys cover several',
	}),
	f('ship_title', 'shipTitle', 'Ship Title'),
	f('ship_address_2', 'shipAddress2', 'Ship Address 2'),
	f('ship_address_3', 'shipAddress3', 'Ship Address 3'),
	f('ship_phone', 'shipPhone', 'Ship Phone'),
	f('ship_e_mail', 'shipEmail', 'Ship Email', { placeholder: 'e.g. name@email.com' }),
	f('ship_address_type', 'shipAddressType', 'Ship Address Type', { kind: 'addressType' }),
	f('ship_is_billing', 'shipIsBilling', 'Ship Is Billing', {
		kind: 'boolean',
		description: 'Whether the bill-to address is the ship-to address',
	}),
	f('cust_company', 'custCompany', 'Bill Company'),
	f('cust_first_name', 'custFirstName', 'Bill First Name'),
	f('cust_last_name', 'custLastName', 'Bill Last Name'),
	f('cust_address_1', 'custAddress1', 'Bill Address 1'),
	f('cust_address_2', 'custAddress2', 'Bill Address 2'),
	f('cust_city', 'custCity', 'Bill City'),
	f('cust_state', 'custState', 'Bill State'),
	f('cust_zip', 'custZip', 'Bill ZIP'),
	f('cust_country', 'custCountry', 'Bill Country'),
	f('cust_phone', 'custPhone', 'Bill Phone'),
	f('cust_e_mail', 'custEmail', 'Bill Email', { placeholder: 'e.g. name@email.com' }),
	f('customer_id', 'customerId', 'Customer ID'),
	f('ship_code', 'shipCode', 'Ship Code', {
		description: 'The cart’s ship method code, mapped to a warehouse code by the ship method list',
	}),
	f('ship_code_description', 'shipCodeDescription', 'Ship Code Description'),
	f('carrier', 'carrier', 'Carrier'),
	f('ship_account_no', 'shipAccountNo', 'Ship Account Number'),
	f('shipping_instructions', 'shippingInstructions', 'Shipping Instructions'),
	f('gift_message', 'giftMessage', 'Gift Message'),
	f('gift_wrap', 'giftWrap', 'Gift Wrap', { kind: 'flagYN', description: 'Whether to gift wrap' }),
	f('requested_ship_date', 'requestedShipDate', 'Requested Ship Date', { kind: 'date' }),
	f('currency_code', 'currencyCode', 'Currency Code', { placeholder: 'e.g. USD' }),
	f('promo_code', 'promoCode', 'Promo Code'),
	f('custom_field_1', 'customField1', 'Custom Field 1'),
	f('custom_field_2', 'customField2', 'Custom Field 2'),
	f('custom_field_3', 'customField3', 'Custom Field 3'),
	f('custom_field_4', 'customField4', 'Custom Field 4'),
	f('custom_field_5', 'customField5', 'Custom Field 5'),
];

function fieldParameter(field: OrderField, required = false): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.param,
		description: field.description,
		placeholder: field.placeholder,
		required: required || undefined,
	};
	switch (field.kind) {
		case 'date':
			return { ...base, type: 'dateTime', default: '' };
		case 'flagYN':
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'addressType':
			return {
				...base,
				type: 'options',
				default: 'R',
				options: [
					{ name: 'Commercial', value: 'C' },
					{ name: 'Residential', value: 'R' },
				],
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/** A line of the Line Items list; money as text so that empty means "compute it". */
interface LineField {
	field: string;
	param: string;
	label: string;
	money?: boolean;
	description?: string;
}

const LINE_FIELDS: LineField[] = [
	{
		field: 'price',
		param: 'price',
		label: 'Price',
		money: true,
		description: 'Unit price before tax and discounts',
	},
	{
		field: 'discount',
		param: 'discount',
		label: 'Discount',
		money: true,
		description: 'Pre-tax discount per unit',
	},
	{
		field: 'addl_discount',
		param: 'additionalDiscount',
		label: 'Additional Discount',
		money: true,
		description: 'Post-tax discount on the whole line',
	},
	{ field: 'tax', param: 'tax', label: 'Tax', money: true, description: 'Tax on the whole line' },
	{
		field: 'extended_amount',
		param: 'extendedAmount',
		label: 'Extended Amount',
		money: true,
		description: '(price − discount) × quantity; empty computes it',
	},
	{
		field: 'shipping_surcharge',
		param: 'shippingSurcharge',
		label: 'Shipping Surcharge',
		money: true,
	},
	{ field: 'description', param: 'description', label: 'Description' },
	{ field: 'line_item_id', param: 'lineItemId', label: 'Line Item ID' },
	{ field: 'lot_number', param: 'lotNumber', label: 'Lot Number' },
	{ field: 'line_comment', param: 'lineComment', label: 'Line Comment' },
];

/** The money fields of a line, also checked in JSON lines. */
const LINE_MONEY = LINE_FIELDS.filter((field) => field.money);

const TOTALS: Array<{
	field: keyof OrderAmounts;
	name: string;
	param: string;
	label: string;
	description: string;
}> = [
	{
		field: 'subTotal',
		name: 'sub_total',
		param: 'subTotal',
		label: 'Sub Total',
		description: 'Sum of the lines’ extended amounts; empty computes it',
	},
	{
		field: 'salesTax',
		name: 'sales_tax',
		param: 'salesTax',
		label: 'Sales Tax',
		description: 'Total tax; the sum of line taxes when lines carry tax',
	},
	{
		field: 'shippingHandling',
		name: 'shipping_handling',
		param: 'shippingHandling',
		label: 'Shipping Handling',
		description: 'Total shipping charge',
	},
	{
		field: 'orderDiscount',
		name: 'order_discount',
		param: 'orderDiscount',
		label: 'Order Discount',
		description:
			'Post-tax order discount plus every line’s additional discount, as a positive number',
	},
	{
		field: 'grandTotal',
		name: 'grand_total',
		param: 'grandTotal',
		label: 'Grand Total',
		description: 'Sub total + sales tax + shipping − order discount; empty computes it',
	},
];

/** Free-form fields the node does not list, sent as they are. */
const OTHER_FIELDS: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFieldsJson',
	type: 'json',
	default: '{}',
	description:
		'Any further CartRover order fields as a JSON object, e.g. {"extra_fields": {"channel": "eBay"}}',
};

/** The Create parameters, shared by Create and Create Many. */
export const orderProperties: INodeProperties[] = [
	orderReferenceParameter(
		'Your unique reference for the order; running again with the same reference returns the order already there',
	),
	...SHIP_TO.map((field) => fieldParameter(field, REQUIRED_SHIP_TO.includes(field.field))),
	{
		displayName: 'Line Items Input',
		name: 'lineItemsInput',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'One row per line item' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A JSON array of lines with CartRover’s field names, e.g. from an expression',
			},
		],
	},
	{
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		displayOptions: { show: { lineItemsInput: ['fields'] } },
		options: [
			{
				displayName: 'Line Item',
				name: 'line',
				values: [
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
						placeholder: 'e.g. TSHIRT-BL-M',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, numberPrecision: 0 },
					},
					...LINE_FIELDS.map(
						(field): INodeProperties => ({
							displayName: field.label,
							name: field.param,
							type: 'string',
							default: '',
							placeholder: field.money ? 'e.g. 19.99' : undefined,
							description: field.description,
						}),
					),
				],
			},
		],
	},
	{
		displayName: 'Line Items (JSON)',
		name: 'lineItemsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { lineItemsInput: ['json'] } },
		description:
			'Lines with CartRover’s field names, e.g. [{"item": "TSHIRT-BL-M", "quantity": 2, "price": 19.99}]; item and quantity are required',
	},
	{
		displayName: 'Totals',
		name: 'totals',
		type: 'collection',
		placeholder: 'Add Total',
		default: {},
		description:
			'Left empty, Sub Total and Grand Total are computed from the lines when every line has a price',
		options: TOTALS.map(
			(total): INodeProperties => ({
				displayName: total.label,
				name: total.param,
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: total.description,
			}),
		),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...ADDITIONAL.map((field) => fieldParameter(field)), OTHER_FIELDS].sort(
			byDisplayName,
		),
	},
];

/** Fields the node sets and checks itself: Other Fields (JSON) may not bypass them. */
const MANAGED_FIELDS = ['cust_ref', 'items', ...TOTALS.map((total) => total.name)];

function withoutManagedFields(other: IDataObject, problems: InputProblems): IDataObject {
	const managed = Object.keys(other).filter((key) => MANAGED_FIELDS.includes(key));
	if (managed.length) {
		problems.add(
			'Other Fields (JSON)',
			`sets ${managed.join(', ')}, which the node fills in and checks`,
			'Give the reference, line items and totals in their own parameters (Order Reference, Line Items, Totals).',
		);
	}
	return other;
}

/** The order checked and ready to send. */
export interface OrderInput {
	custRef: string;
	body: IDataObject;
}

function readDate(problems: InputProblems, ctx: IExecuteFunctions, label: string, value: unknown) {
	const text = asText(value);
	if (text === undefined) return undefined;
	const date = DateTime.fromISO(text, { zone: ctx.getTimezone() });
	if (!date.isValid) {
		problems.add(label, `"${text}" is not a valid date`, 'Use ISO 8601, e.g. 2024-05-15.');
		return undefined;
	}
	// order_date is YYYY-MM-DD (extensiv_ruby fixtures).
	return date.toFormat('yyyy-MM-dd');
}

function readField(
	problems: InputProblems,
	ctx: IExecuteFunctions,
	field: OrderField,
	value: unknown,
): IDataObject[string] {
	switch (field.kind) {
		case 'date':
			return readDate(problems, ctx, field.label, value);
		case 'flagYN':
			return value === true ? 'Y' : value === false ? 'N' : asText(value);
		case 'boolean':
			return typeof value === 'boolean' ? value : asText(value) === 'true';
		default:
			return asText(value);
	}
}

/** JSON text (or what an expression gave) parsed; undefined when it is not JSON. */
function parseJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return jsonParse(value);
	} catch {
		return undefined;
	}
}

/** The lines as given, with CartRover's field names: from the JSON list or the Fields rows. */
function rawLines(
	ctx: IExecuteFunctions,
	itemIndex: number,
	problems: InputProblems,
): IDataObject[] {
	if (ctx.getNodeParameter('lineItemsInput', itemIndex, 'fields') === 'json') {
		const parsed = parseJson(ctx.getNodeParameter('lineItemsJson', itemIndex, '[]'));
		if (Array.isArray(parsed) && parsed.every(isJsonObject))
			return parsed.map((line) => ({ ...line }));
		problems.add(
			'Line Items (JSON)',
			'is not a JSON array of objects',
			'Enter e.g. [{"item": "TSHIRT-BL-M", "quantity": 2}].',
		);
		return [];
	}
	const rows = (readCollection(ctx, 'lineItems', itemIndex).line ?? []) as IDataObject[];
	return rows.map((row) => {
		const line: IDataObject = { item: row.sku, quantity: row.quantity };
		for (const field of LINE_FIELDS)
			if (!isEmpty(row[field.param])) line[field.field] = row[field.param];
		return line;
	});
}

/** One line checked (SKU, whole quantity of 1 or more, money of 0 or more), named "Line n …". */
function readLine(
	line: IDataObject,
	index: number,
	problems: InputProblems,
): { line: IDataObject; amounts?: LineAmounts } {
	const label = `Line ${index + 1}`;
	const sku = asText(line.item);
	if (sku === undefined)
		problems.require(`${label} SKU`, 'Give every line item a SKU (CartRover’s item).');
	let quantity: number | undefined;
	if (isEmpty(line.quantity))
		problems.require(`${label} Quantity`, 'Give every line item a quantity.');
	else
		quantity = readNumber(problems, `${label} Quantity`, line.quantity, {
			integer: true,
			minimum: 1,
		});
	const out: IDataObject = { ...line, item: sku, quantity };
	const money: Record<string, number | undefined> = {};
	for (const field of LINE_MONEY) {
		money[field.field] = readNumber(problems, `${label} ${field.label}`, line[field.field], {
			minimum: 0,
		});
		if (money[field.field] !== undefined) out[field.field] = money[field.field];
	}
	if (quantity === undefined) return { line: out };
	const amounts: LineAmounts = {
		label,
		quantity,
		price: money.price,
		discount: money.discount,
		addlDiscount: money.addl_discount,
		tax: money.tax,
		extendedAmount: money.extended_amount,
	};
	return { line: out, amounts };
}

/** The reference, checked: required, and usable as the path segment of the re-read. */
function readReference(ctx: IExecuteFunctions, itemIndex: number, problems: InputProblems) {
	const custRef = asText(ctx.getNodeParameter('custRef', itemIndex, ''));
	const fix = 'Enter the order’s unique reference (cust_ref).';
	if (custRef === undefined) problems.require('Order Reference', fix);
	else if (custRef === '.' || custRef === '..')
		problems.add('Order Reference', `"${custRef}" cannot name an order`, fix);
	return custRef;
}

/** The ship-to fields given; the required ones and a name or company checked. */
function readShipTo(ctx: IExecuteFunctions, itemIndex: number, problems: InputProblems) {
	const shipTo: IDataObject = {};
	for (const field of SHIP_TO) {
		const value = asText(ctx.getNodeParameter(field.param, itemIndex, ''));
		if (value !== undefined) shipTo[field.field] = value;
		else if (REQUIRED_SHIP_TO.includes(field.field))
			problems.require(field.label, 'Enter the ship-to address.');
	}
	const hasName = shipTo.ship_first_name !== undefined && shipTo.ship_last_name !== undefined;
	if (!hasName && shipTo.ship_company === undefined) {
		problems.require(
			'Ship First Name and Ship Last Name, or Ship Company',
			'Enter who the order ships to: a first and last name, or a company.',
		);
	}
	return shipTo;
}

/** Additional Fields in CartRover's names, and Other Fields (JSON) without the fields the node manages. */
function readAdditional(ctx: IExecuteFunctions, itemIndex: number, problems: InputProblems) {
	const additional = readCollection(ctx, 'additionalFields', itemIndex);
	const fields: IDataObject = {};
	for (const field of ADDITIONAL) {
		if (!(field.param in additional)) continue;
		const value = readField(problems, ctx, field, additional[field.param]);
		if (value !== undefined) fields[field.field] = value;
	}
	if (isEmpty(additional.otherFieldsJson)) return { fields, other: {} };
	const parsed = parseJson(additional.otherFieldsJson);
	if (isJsonObject(parsed)) return { fields, other: withoutManagedFields(parsed, problems) };
	problems.add(
		'Other Fields (JSON)',
		'is not a JSON object',
		'Enter a JSON object, e.g. {"custom_field_1": "x"}.',
	);
	return { fields, other: {} };
}

/** The Totals given, as numbers of 0 or more. */
function readTotals(ctx: IExecuteFunctions, itemIndex: number, problems: InputProblems) {
	const given = readCollection(ctx, 'totals', itemIndex);
	const totals: OrderAmounts = {};
	const fields: IDataObject = {};
	for (const total of TOTALS) {
		const value = readNumber(problems, total.label, given[total.param], { minimum: 0 });
		if (value === undefined) continue;
		totals[total.field] = value;
		fields[total.name] = value;
	}
	return { totals, fields };
}

/**
 * Reads and checks one item's order: every missing or invalid field, and every broken price rule,
 * in one error before any request. Derived amounts left empty are filled in.
 */
export function readOrder(ctx: IExecuteFunctions, itemIndex: number): OrderInput {
	const problems = new InputProblems();
	const custRef = readReference(ctx, itemIndex, problems);
	const shipTo = readShipTo(ctx, itemIndex, problems);
	const additional = readAdditional(ctx, itemIndex, problems);

	const before = problems.count;
	const raw = rawLines(ctx, itemIndex, problems);
	if (raw.length === 0)
		problems.require('Line Items', 'Add at least one line item with a SKU and a quantity.');
	const read = raw.map((line, index) => readLine(line, index, problems));
	// Price rules only over lines that read well: a bad number is reported as such already, and a
	// rule over some of the lines would name a total that is not wrong.
	const linesReadWell = problems.count === before;
	const { totals, fields: totalFields } = readTotals(ctx, itemIndex, problems);
	const amounts = read.flatMap((entry) => (entry.amounts ? [entry.amounts] : []));
	const derived = linesReadWell ? checkAmounts(amounts, totals, problems) : undefined;
	problems.throwIfAny(ctx, itemIndex);

	const lines = read.map((entry) => entry.line);
	for (const [index, amount] of derived?.lineExtendedAmounts ?? [])
		lines[index].extended_amount = amount;
	const body = {
		...additional.other,
		...additional.fields,
		...totalFields,
		...derived?.order,
		...shipTo,
	};
	return { custRef: custRef!, body: { ...body, cust_ref: custRef!, items: lines } };
}
