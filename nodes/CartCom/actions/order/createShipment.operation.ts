import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import {
	fieldsCollection,
	forOperation,
	RECORD_ID,
	recordLocator,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import { asNodeError } from '../../helpers/errors';
import { count, flag, number, text } from '../../helpers/fields';
import { runWritesPerItem } from '../../helpers/items';
import { storeQueue } from '../../helpers/keyedQueue';
import {
	locatorValue,
	readBody,
	readCollection,
	readRecordId,
	requireGiven,
} from '../../helpers/parameters';
import { nestedRecords } from '../../helpers/records';
import type { FieldSpec, OperationModule, ResourceSpec } from '../../helpers/types';
import { inputError, toJsonObject, toNumber, toRecordId } from '../../helpers/validation';
import {
	cartComGetMany,
	cartComWrite,
	explainNotFound,
	tryParseDateInput,
	type CartComRecord,
} from '../../transport';
import { orderShipmentSpec } from '../orderShipment/spec';
import {
	findExistingShipment,
	latestShipment,
	parseTrackingNumbers,
	resolveLines,
	shipmentIdentity,
	ShipmentPlanError,
	shippedQuantities,
	unshippedLines,
	type ItemSelection,
	type RequestedLine,
	type ShipmentLine,
} from './shipmentPlan';
import { orderSpec } from './spec';
import { changeOrderStatus, orderNotFound } from './status';

const OPERATION = 'createShipment';

/** Optional shipment fields, read and checked like any record field (Shipped At is handled apart). */
const SHIPMENT_FIELDS: FieldSpec[] = [
	text('shipment_name', {
		placeholder: 'e.g. 1',
		description:
			'Identifies the shipment within the order: a re-run with the same name returns the existing shipment. Default: the tracking numbers; without any, listed items get a name derived from them (n8n-…), so listing the very same items again counts as a re-run.',
	}),
	text('shipping_method'),
	text('tracking_url', {
		placeholder: 'e.g. https://www.ups.com/track?tracknum=1Z999AA10123456784',
	}),
	count('number_of_packages'),
	number('total_weight'),
	flag('email_sent', {
		description: 'Whether to mark the shipment as e-mailed to the customer',
	}),
	text('private_comment', { description: 'Internal note, not shown to the customer' }),
	text('shipping_comment', { description: 'Note shown to the customer' }),
];
const shipmentFieldsSpec: ResourceSpec = { ...orderShipmentSpec, fields: SHIPMENT_FIELDS };

/**
 * Carrier and Shipping Method offer the store's names but stay free text underneath: the value is
 * the name sent as before, `allowArbitraryValues` keeps a name typed in an older workflow valid in
 * the editor, and an expression can give any name. n8n's "{Entity} Name or ID" wording is for
 * dropdowns of IDs; an ID here would be sent as a name, so these say "name".
 */
function namePicker(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	what: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		allowArbitraryValues: true,
		default: '',
		description: `${what} Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

const CARRIER = namePicker(
	'Carrier',
	'carrier',
	'getShippingProviderNames',
	'The store’s shipping provider that carries the shipment.',
);

const SHIPPING_METHOD = namePicker(
	'Shipping Method',
	'shippingMethod',
	'getShippingMethodNames',
	'One of the store’s carrier services or custom shipping methods; Cart.com links the shipment to the method of this name.',
);

/** Additional Fields, with Shipping Method as the store's dropdown. */
function additionalFieldsParameter(): INodeProperties {
	const collection = fieldsCollection('additionalFields', SHIPMENT_FIELDS);
	return {
		...collection,
		options: collection.options?.map((option) =>
			'name' in option && option.name === SHIPPING_METHOD.name ? SHIPPING_METHOD : option,
		),
	};
}

const show = (itemsToShip: string) => ({ show: { itemsToShip: [itemsToShip] } });

const quantityParameter: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'How many to ship; 0 ships what is left unshipped of the line',
};

const properties: INodeProperties[] = [
	recordLocator(orderSpec, { description: 'The order to ship' }),
	{
		displayName: 'Tracking Numbers',
		name: 'trackingNumbers',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784, 1Z999AA10123456785',
		description:
			'One or more, separated by commas or new lines (or a list from an expression); several are sent joined by a comma. They also tell a re-run that the shipment exists already.',
	},
	CARRIER,
	{
		displayName: 'Shipped At',
		name: 'shippedAt',
		type: 'dateTime',
		default: '',
		description:
			'When the shipment left; empty means now. Without an offset the workflow’s time zone applies.',
	},
	{
		displayName: 'Items to Ship',
		name: 'itemsToShip',
		type: 'options',
		default: 'allUnshipped',
		options: [
			{
				name: 'All Unshipped Items',
				value: 'allUnshipped',
				description:
					'Every line with goods, less what the order’s shipments contain: no discount or non-shipping lines, and a kit ships as its components. If nothing is left, the latest shipment is returned.',
			},
			{
				name: 'Listed by Order Item ID',
				value: 'byOrderItemId',
				description: 'Order item IDs and quantities',
			},
			{
				name: 'Listed by SKU',
				value: 'bySku',
				description: 'SKUs (item numbers) and quantities, matched to the order’s items',
			},
			{
				name: 'Listed in JSON',
				value: 'json',
				description: 'A JSON array, e.g. from a warehouse system’s message',
			},
		],
	},
	{
		displayName: 'Items',
		name: 'itemRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		displayOptions: show('byOrderItemId'),
		options: [
			{
				displayName: 'Item',
				name: 'rows',
				values: [
					{
						displayName: 'Order Item ID',
						name: 'orderItemId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 135',
						description: 'The ID of the order’s line (not the product ID)',
					},
					quantityParameter,
				],
			},
		],
	},
	{
		displayName: 'Items',
		name: 'skuRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		displayOptions: show('bySku'),
		options: [
			{
				displayName: 'Item',
				name: 'rows',
				values: [
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
						placeholder: 'e.g. TSHIRT-RED-L',
					},
					quantityParameter,
				],
			},
		],
	},
	{
		displayName: 'Items (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[]',
		displayOptions: show('json'),
		description:
			'An array of lines, each with "order_item_id" or "sku", and optionally "quantity" (default: what is left), e.g. [{"sku": "TSHIRT-RED-L", "quantity": 2}]',
	},
	additionalFieldsParameter(),
	writeOptionsCollection([
		{
			displayName: 'Then Set Order Status Name or ID',
			name: 'setStatusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
			default: '',
			description:
				'Move the order to this status afterwards (through the status route, so Cart.com sends its e-mails), unless it has it already. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

/** Everything the parameters say, checked before any request. */
interface ShipmentRequest {
	trackingNumbers: string[];
	selection: ItemSelection;
	/** Shipment fields without order_id, shipment_name and items (those are decided later). */
	fields: IDataObject;
	explicitName?: string;
	setStatusId?: number;
}

/** A line's quantity; none (or 0) means what is left of the line. Blank text is refused: a failed mapping must not ship everything. */
function readQuantity(
	ctx: IExecuteFunctions,
	value: unknown,
	i: number,
	field: string,
): number | undefined {
	if (value === undefined || value === null) return undefined;
	const quantity = toNumber(ctx, i, value, field, { nonNegative: true });
	return quantity === 0 ? undefined : quantity;
}

function readJsonLines(ctx: IExecuteFunctions, i: number): RequestedLine[] {
	const raw = ctx.getNodeParameter('itemsJson', i, '[]');
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = jsonParse(raw);
		} catch {
			throw inputError(
				ctx,
				i,
				'Items (JSON)',
				'is not valid JSON',
				'Enter a JSON array, e.g. [{"sku": "TSHIRT-RED-L", "quantity": 2}].',
			);
		}
	}
	if (!Array.isArray(parsed)) {
		throw inputError(
			ctx,
			i,
			'Items (JSON)',
			'must be a JSON array',
			'Enter a JSON array, e.g. [{"order_item_id": 135, "quantity": 2}].',
		);
	}
	return parsed.map((entry, index) => {
		const line = toJsonObject(ctx, entry, `Items (JSON) entry ${index + 1}`, i);
		const quantity = readQuantity(
			ctx,
			line.quantity ?? line.quantity_shipped,
			i,
			`Items (JSON) entry ${index + 1} quantity`,
		);
		const id = line.order_item_id ?? line.id;
		const sku = line.sku ?? line.item_number;
		if ((id === undefined) === (sku === undefined)) {
			throw inputError(
				ctx,
				i,
				`Items (JSON) entry ${index + 1}`,
				'needs either "order_item_id" or "sku"',
				'Give each line one of the two, e.g. {"sku": "TSHIRT-RED-L", "quantity": 2}.',
			);
		}
		if (id !== undefined)
			return {
				orderItemId: toRecordId(ctx, id, `Items (JSON) entry ${index + 1} order_item_id`, i),
				quantity,
			};
		if (typeof sku !== 'string' || !sku.trim()) {
			throw inputError(
				ctx,
				i,
				`Items (JSON) entry ${index + 1}`,
				'"sku" is empty',
				'Enter the SKU as text.',
			);
		}
		return { sku: sku.trim(), quantity };
	});
}

function readSelection(ctx: IExecuteFunctions, i: number): ItemSelection {
	const mode = ctx.getNodeParameter('itemsToShip', i) as string;
	if (mode === 'allUnshipped') return { mode };
	let lines: RequestedLine[];
	if (mode === 'json') {
		lines = readJsonLines(ctx, i);
	} else if (mode === 'byOrderItemId') {
		const rows = nestedRecords(readCollection(ctx, 'itemRows', i).rows);
		lines = rows.map((row) => ({
			orderItemId: toRecordId(ctx, row.orderItemId, 'Order Item ID', i),
			quantity: readQuantity(ctx, row.quantity, i, 'Quantity'),
		}));
	} else if (mode === 'bySku') {
		const rows = nestedRecords(readCollection(ctx, 'skuRows', i).rows);
		lines = rows.map((row) => {
			const sku = String(row.sku ?? '').trim();
			if (!sku)
				throw inputError(ctx, i, 'SKU', 'is empty', 'Enter the SKU (item number) of each line.');
			return { sku, quantity: readQuantity(ctx, row.quantity, i, 'Quantity') };
		});
	} else {
		throw inputError(
			ctx,
			i,
			'Items to Ship',
			`"${mode}" is not a known choice`,
			'Pick one of the listed choices.',
		);
	}
	if (lines.length === 0)
		throw inputError(
			ctx,
			i,
			'Items',
			'no item listed',
			'Add at least one item, or choose All Unshipped Items.',
		);
	return { mode: 'listed', lines };
}

/** Shipped At in ISO 8601 with an offset; text without one is read in the workflow's time zone. */
function readShippedAt(ctx: IExecuteFunctions, i: number): string {
	const zone = ctx.getTimezone();
	const value = ctx.getNodeParameter('shippedAt', i, '');
	if (value === '' || value === undefined || value === null)
		return DateTime.now().setZone(zone).toISO() ?? '';
	const date = tryParseDateInput(value, zone);
	if (!date) {
		throw inputError(
			ctx,
			i,
			'Shipped At',
			`"${String(value)}" is not a valid date`,
			'Use ISO 8601, e.g. 2024-05-15T00:00:00-05:00, or leave it empty for now.',
		);
	}
	return date.toISO() ?? '';
}

function readShipmentRequest(ctx: IExecuteFunctions, i: number): ShipmentRequest {
	const trackingNumbers = parseTrackingNumbers(ctx.getNodeParameter('trackingNumbers', i, ''));
	const selection = readSelection(ctx, i);
	const fields = readBody(ctx, shipmentFieldsSpec, i, 'create');
	if ('id' in fields) {
		// A POST with an id updates that shipment: never let a create overwrite one by accident.
		throw inputError(
			ctx,
			i,
			'Other Fields (JSON)',
			'must not contain "id"',
			'Use Order Shipment → Update to change a shipment.',
		);
	}
	const explicitName =
		typeof fields.shipment_name === 'string' && fields.shipment_name.trim()
			? fields.shipment_name.trim()
			: undefined;
	delete fields.shipment_name;
	delete fields.items;
	delete fields.order_id;
	if (trackingNumbers.length) fields.tracking_numbers = trackingNumbers.join(',');
	const carrier = String(ctx.getNodeParameter('carrier', i, '') ?? '').trim();
	if (carrier) fields.shipping_provider_name = carrier;
	fields.shipped_at = readShippedAt(ctx, i);
	const statusValue = readCollection(ctx, 'writeOptions', i).setStatusId;
	const setStatusId =
		statusValue === undefined || statusValue === ''
			? undefined
			: toRecordId(ctx, statusValue, 'Then Set Order Status', i);
	return { trackingNumbers, selection, fields, explicitName, setStatusId };
}

/**
 * Only records that say they belong to the order count: another order's shipment taken for this
 * one would make a re-run report a shipment that was never created, or ship the wrong quantities.
 */
const ofOrder = (records: CartComRecord[], orderId: number) =>
	records.filter((record) => Number(record.order_id) === orderId);

async function orderShipments(
	ctx: IExecuteFunctions,
	orderId: number,
	i: number,
): Promise<CartComRecord[]> {
	const answer = await cartComGetMany.call(ctx, {
		path: orderShipmentSpec.path,
		recordsKey: orderShipmentSpec.recordsKey,
		query: { order_id: orderId, expand: 'items' },
		itemIndex: i,
	});
	return ofOrder(answer, orderId);
}

async function orderItems(
	ctx: IExecuteFunctions,
	orderId: number,
	i: number,
): Promise<CartComRecord[]> {
	const answer = await cartComGetMany.call(ctx, {
		path: `${orderSpec.path}/${orderId}/items`,
		recordsKey: 'items',
		itemIndex: i,
	});
	return ofOrder(answer, orderId);
}

interface ShipmentOutcome {
	shipment: CartComRecord;
	created: boolean;
}

/** Returns the order's shipment for this request, creating it only if the order does not have it yet. */
async function ensureShipment(
	ctx: IExecuteFunctions,
	orderId: number,
	request: ShipmentRequest,
	i: number,
): Promise<ShipmentOutcome> {
	const shipments = await orderShipments(ctx, orderId, i);
	const identity = shipmentIdentity(
		request.explicitName,
		request.trackingNumbers,
		request.selection,
	);
	const existing = findExistingShipment(shipments, identity, request.trackingNumbers);
	if (existing) return { shipment: existing, created: false };

	const shipped = shippedQuantities(shipments);
	// Always read: which lines ship (discount, non-shipping, kit lines) is only known from them.
	const items = await orderItems(ctx, orderId, i);
	let lines: ShipmentLine[];
	try {
		lines =
			request.selection.mode === 'allUnshipped'
				? unshippedLines(items, shipped)
				: resolveLines(orderId, request.selection.lines, items, shipped);
	} catch (error) {
		throw error instanceof ShipmentPlanError
			? inputError(ctx, i, error.field, error.message, error.fix)
			: asNodeError(ctx, error, i);
	}
	if (lines.length === 0) {
		// All shipped already, e.g. by an earlier run of this workflow: report that shipment.
		const latest = latestShipment(shipments);
		if (latest) return { shipment: latest, created: false };
		throw inputError(
			ctx,
			i,
			'Items to Ship',
			`order ${orderId} has no items to ship`,
			'Check the order’s items; discount lines, non-shipping items and kit parents (their components ship) are skipped.',
		);
	}
	const body: IDataObject = { ...request.fields, order_id: orderId, items: lines };
	if (identity) body.shipment_name = identity;
	// Answered without the shipment: read the order's shipments again to report the one just made.
	const reread = async () => {
		const now = await orderShipments(ctx, orderId, i);
		const added = now.filter((shipment) => !shipments.some((before) => before.id === shipment.id));
		return (
			findExistingShipment(now, identity, request.trackingNumbers) ??
			(added.length === 1 ? added[0] : undefined)
		);
	};
	const shipment = await cartComWrite.call(
		ctx,
		{ method: 'POST', path: orderShipmentSpec.path, body, itemIndex: i },
		reread,
	);
	return { shipment, created: true };
}

/** What a user checks first in the output; the table view opens on the first item's first keys. */
const LEADING_KEYS = ['created', 'id', 'order_id', 'tracking_numbers'];

/** The same record with `keys` (those it has) first, in that order, then the rest as they came. */
function leadingKeys(record: CartComRecord, keys: string[]): CartComRecord {
	const output: CartComRecord = {};
	for (const key of keys) if (key in record) output[key] = record[key];
	return Object.assign(output, record);
}

export const createShipment: OperationModule = {
	option: {
		name: 'Create Shipment',
		value: OPERATION,
		action: 'Create shipment for order',
		description:
			'Record a shipment with tracking numbers; a re-run returns the existing shipment instead of adding another',
	},
	endpoints: [
		{ method: 'GET', path: '/orders/{id}' },
		{ method: 'GET', path: '/orders/{id}/items' },
		{ method: 'GET', path: '/order_shipments' },
		{ method: 'POST', path: '/order_shipments' },
		{ method: 'PUT', path: '/orders/{id}/status' },
	],
	description: forOperation(orderSpec.value, OPERATION, properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			requireGiven(this, i, { Order: locatorValue(this, RECORD_ID, i) });
			const orderId = readRecordId(this, i, undefined, 'Order');
			const request = readShipmentRequest(this, i);
			// One order at a time in this process: two items or two executions for one order must never
			// both decide "not shipped yet".
			const perOrder = await storeQueue(this, i);
			return await perOrder.run(`order ${orderId}`, async () => {
				const { shipment, created } = await explainNotFound(
					orderNotFound(orderId),
					async () => await ensureShipment(this, orderId, request, i),
				);
				const output = leadingKeys({ ...shipment, created }, LEADING_KEYS);
				if (request.setStatusId !== undefined) {
					const { changed } = await changeOrderStatus(this, orderId, request.setStatusId, i, true);
					output.order_status_updated = changed;
				}
				return output;
			});
		});
	},
};
