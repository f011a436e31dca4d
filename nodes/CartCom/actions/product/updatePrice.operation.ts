import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, recordLocator, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { locatorValue, readCollection, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { inputError, toNumber, toRecordId } from '../../helpers/validation';
import {
	buildFilterQuery,
	cartComGetMany,
	cartComWrite,
	tryParseDateInput,
	type CartComRecord,
} from '../../transport';
import { findAllByCode, readLookupText, singleTarget, type CodeTarget } from './catalogLookup';
import { productSpec } from './spec';

type PriceTarget = 'product' | 'pricingRow';

const showFor = (show: IDataObject) => ({ show }) as INodeProperties['displayOptions'];

const parameters: INodeProperties[] = [
	{
		displayName: 'Price to Change',
		name: 'priceTarget',
		type: 'options',
		options: [
			{
				name: 'Base Price',
				value: 'product',
				description: 'The product’s own price, retail price and cost',
			},
			{
				name: 'Variant or Tier Price',
				value: 'pricingRow',
				description:
					'A price row for one variant row and/or from a starting quantity; created when missing',
			},
		],
		default: 'product',
	},
	{
		displayName: 'Find Product By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Product ID', value: 'id' },
			{ name: 'SKU', value: 'sku' },
		],
		default: 'sku',
	},
	{
		...recordLocator(productSpec, { name: 'product', displayName: 'Product' }),
		displayOptions: showFor({ identifyBy: ['id'] }),
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. TSHIRT-RED-L',
		description: 'SKU of the product, or of one of its variant rows',
		displayOptions: showFor({ identifyBy: ['sku'] }),
	},
	{
		displayName: 'Variant Inventory ID',
		name: 'variantInventoryId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7',
		description: 'The variant row to price; empty for a price row of the whole product',
		displayOptions: showFor({ identifyBy: ['id'], priceTarget: ['pricingRow'] }),
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'Starting Quantity',
		name: 'startingQuantity',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description:
			'The price applies from this quantity on (1 for the normal price, e.g. 10 for a quantity break)',
		displayOptions: showFor({ priceTarget: ['pricingRow'] }),
	},
	{
		displayName: 'Additional Fields',
		name: 'basePriceFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor({ priceTarget: ['product'] }),
		options: [
			{
				displayName: 'Cost',
				name: 'cost',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
			},
			{
				displayName: 'Retail Price',
				name: 'retail',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'The compare-at (list) price',
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'priceRowFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor({ priceTarget: ['pricingRow'] }),
		options: [
			{
				displayName: 'Cost',
				name: 'cost',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
			},
			{
				displayName: 'Customer Type Name or ID',
				name: 'customerTypeId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomerTypes' },
				default: '',
				description:
					'Only for this customer type (part of which row is changed). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Last day of a sale price (part of which row is changed)',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'First day of a sale price (part of which row is changed)',
			},
			{
				displayName: 'Store Name or ID',
				name: 'storeId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getStores' },
				default: '',
				description:
					'Only in this store (part of which row is changed). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	writeOptionsCollection(),
];

function toMoney(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string): number {
	return toNumber(ctx, itemIndex, value, label, { nonNegative: true });
}

function optionalId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number | null {
	if (value === undefined || value === null || value === '' || value === 0) return null;
	return toRecordId(ctx, value, label, itemIndex);
}

function optionalDate(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string) {
	if (value === undefined || value === null || value === '') return undefined;
	const date = tryParseDateInput(value);
	if (!date) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`"${String(value)}" is not a valid date`,
			'Use ISO 8601, e.g. 2024-05-15T00:00:00-05:00.',
		);
	}
	return date;
}

/** What identifies one price row; Cart.com keeps one row per combination (docs/resources/product_pricing.md). */
interface PriceRowKey {
	variantInventoryId: number | null;
	startingQuantity: number;
	customerTypeId: number | null;
	storeId: number | null;
	startDate?: string;
	endDate?: string;
}

function readPriceRowKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { key: PriceRowKey; cost?: number } {
	const fields = readCollection(ctx, 'priceRowFields', itemIndex);
	const quantity = ctx.getNodeParameter('startingQuantity', itemIndex, 1) as unknown;
	const startingQuantity = toNumber(ctx, itemIndex, quantity, 'Starting Quantity', {
		integer: true,
		minimum: 1,
	});
	const start = optionalDate(ctx, itemIndex, fields.startDate, 'Start Date');
	const end = optionalDate(ctx, itemIndex, fields.endDate, 'End Date');
	if (start && end && end.toMillis() < start.toMillis()) {
		throw inputError(
			ctx,
			itemIndex,
			'End Date',
			'is before Start Date',
			'Swap the dates, or correct one of them.',
		);
	}
	return {
		key: {
			variantInventoryId: null,
			startingQuantity,
			customerTypeId: optionalId(ctx, itemIndex, fields.customerTypeId, 'Customer Type'),
			storeId: optionalId(ctx, itemIndex, fields.storeId, 'Store'),
			startDate: start?.toISO() ?? undefined,
			endDate: end?.toISO() ?? undefined,
		},
		cost: fields.cost === undefined ? undefined : toMoney(ctx, itemIndex, fields.cost, 'Cost'),
	};
}

const idOrNull = (value: unknown) =>
	value === undefined || value === null || value === 0 ? null : Number(value);

function sameDate(stored: unknown, wanted: string | undefined): boolean {
	const date = typeof stored === 'string' && stored !== '' ? tryParseDateInput(stored) : undefined;
	if (!wanted) return !date;
	return date !== undefined && date.toMillis() === tryParseDateInput(wanted)?.toMillis();
}

function matchesKey(row: CartComRecord, key: PriceRowKey): boolean {
	return (
		idOrNull(row.variant_inventory_id) === key.variantInventoryId &&
		Number(row.starting_quantity ?? 1) === key.startingQuantity &&
		idOrNull(row.customer_type_id) === key.customerTypeId &&
		idOrNull(row.store_id) === key.storeId &&
		sameDate(row.start_date, key.startDate) &&
		sameDate(row.end_date, key.endDate)
	);
}

/** The product's price row with this key, if it has one. */
async function findPriceRow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	productId: number,
	key: PriceRowKey,
): Promise<CartComRecord | undefined> {
	const rows = await cartComGetMany.call(ctx, {
		path: '/product_pricing',
		recordsKey: 'product_pricing',
		query: buildFilterQuery([{ field: 'product_id', operator: 'eq', value: productId }]),
		itemIndex,
	});
	// The filter decides nothing: a row of another product in the answer must never be the one changed.
	return rows.find((row) => Number(row.product_id) === productId && matchesKey(row, key));
}

/** Changes the matching price row, or adds it: a second run changes the same row instead of adding another. */
async function upsertPriceRow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	productId: number,
	key: PriceRowKey,
	price: number,
	cost: number | undefined,
): Promise<CartComRecord> {
	const current = await findPriceRow(ctx, itemIndex, productId, key);
	const values: IDataObject = { price, ...(cost !== undefined ? { cost } : {}) };
	if (current) {
		const path = `/product_pricing/${String(current.id)}`;
		return await cartComWrite.call(
			ctx,
			{ method: 'PUT', path, body: values, itemIndex },
			{ ...current, ...values },
		);
	}
	const body: IDataObject = {
		product_id: productId,
		variant_inventory_id: key.variantInventoryId,
		starting_quantity: key.startingQuantity,
		...values,
	};
	if (key.customerTypeId !== null) body.customer_type_id = key.customerTypeId;
	if (key.storeId !== null) body.store_id = key.storeId;
	if (key.startDate) body.start_date = key.startDate;
	if (key.endDate) body.end_date = key.endDate;
	// Answered without the new row: find it by its key, as a re-run would.
	return await cartComWrite.call(
		ctx,
		{ method: 'POST', path: '/product_pricing', body, itemIndex },
		async () => await findPriceRow(ctx, itemIndex, productId, key),
	);
}

function readBasePrices(ctx: IExecuteFunctions, itemIndex: number, price: number): IDataObject {
	const fields = readCollection(ctx, 'basePriceFields', itemIndex);
	const body: IDataObject = { price };
	if (fields.retail !== undefined)
		body.retail = toMoney(ctx, itemIndex, fields.retail, 'Retail Price');
	if (fields.cost !== undefined) body.cost = toMoney(ctx, itemIndex, fields.cost, 'Cost');
	return body;
}

async function findTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sku: string,
): Promise<CodeTarget> {
	const matches = await findAllByCode(ctx, 'item_number', sku, itemIndex);
	return singleTarget(ctx, itemIndex, matches, 'SKU', sku);
}

export const updatePrice: OperationModule = {
	option: {
		name: 'Update Price',
		value: 'updatePrice',
		action: 'Update product price',
		description:
			'Change a base price, or a variant or quantity-tier price row, by product ID or SKU',
	},
	endpoints: [
		{ method: 'GET', path: '/products' },
		{ method: 'GET', path: '/variant_inventory' },
		{ method: 'PUT', path: '/products/{id}' },
		{ method: 'GET', path: '/product_pricing' },
		{ method: 'POST', path: '/product_pricing' },
		{ method: 'PUT', path: '/product_pricing/{id}' },
	],
	description: forOperation('product', 'updatePrice', parameters),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			// All input is read and checked first: a bad value must not leave a half-done change.
			const target = this.getNodeParameter('priceTarget', i) as PriceTarget;
			const byId = this.getNodeParameter('identifyBy', i) === 'id';
			const priceValue = this.getNodeParameter('price', i);
			requireGiven(
				this,
				i,
				byId
					? { Product: locatorValue(this, 'product', i), Price: priceValue }
					: { SKU: this.getNodeParameter('sku', i, ''), Price: priceValue },
			);
			const price = toMoney(this, i, priceValue, 'Price');
			const productId = byId ? readRecordId(this, i, 'product', 'Product') : undefined;
			const sku = byId ? undefined : readLookupText(this, i, 'sku', 'SKU');
			const base = target === 'product' ? readBasePrices(this, i, price) : undefined;
			const row = target === 'pricingRow' ? readPriceRowKey(this, i) : undefined;
			if (row && byId) {
				row.key.variantInventoryId = optionalId(
					this,
					i,
					this.getNodeParameter('variantInventoryId', i, ''),
					'Variant Inventory ID',
				);
			}

			const resolved: CodeTarget | undefined =
				sku === undefined ? undefined : await findTarget(this, i, sku);
			const id = productId ?? (resolved as CodeTarget).productId;
			if (base) {
				if (resolved?.variantInventoryId) {
					throw inputError(
						this,
						i,
						'SKU',
						`"${String(sku)}" is variant row ${resolved.variantInventoryId} of product ${resolved.productId}, which has no base price of its own`,
						'Choose Variant or Tier Price to price this variant, or use the product’s own SKU.',
					);
				}
				return await cartComWrite.call(
					this,
					{ method: 'PUT', path: `/products/${id}`, body: base, itemIndex: i },
					{ id, ...base },
				);
			}
			const { key, cost } = row as { key: PriceRowKey; cost?: number };
			if (resolved) key.variantInventoryId = resolved.variantInventoryId;
			return await upsertPriceRow(this, i, id, key, price, cost);
		});
	},
};
