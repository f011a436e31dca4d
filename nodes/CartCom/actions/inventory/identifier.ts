import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, isJsonObject, toNumber, toRecordId } from '../../helpers/validation';
import { cartComGetMany } from '../../transport';
import {
	CODE_LABELS,
	exactMatchQuery,
	findAllByCode,
	keepExact,
	sameCode,
	singleTarget,
	toLookupText,
	type CodeField,
} from '../product/catalogLookup';

/**
 * The identifiers Cart.com's inventory endpoint accepts (docs/resources/inventory.md, acapi.yaml
 * GET /inventory): a variant SKU/GTIN addresses its row; `item_name` is a product's name.
 */
export type IdentifierField =
	| 'item_number'
	| 'gtin'
	| 'item_name'
	| 'product_id'
	| 'variant_inventory_id';

const ID_FIELDS = new Set<IdentifierField>(['product_id', 'variant_inventory_id']);

export function identifierParameters(): INodeProperties[] {
	return [
		{
			displayName: 'Identify By',
			name: 'identifierType',
			type: 'options',
			options: [
				{ name: 'GTIN (UPC / EAN)', value: 'gtin' },
				{ name: 'Product ID', value: 'product_id' },
				{ name: 'Product Name', value: 'item_name' },
				{ name: 'SKU', value: 'item_number' },
				{ name: 'Variant Inventory ID', value: 'variant_inventory_id' },
			],
			default: 'item_number',
			description:
				'How the stock item is named. A variant’s SKU or GTIN addresses that variant’s own stock; a name is a product’s, and must belong to one product only. By SKU, GTIN or name, the node first finds the one record carrying exactly that value, then reads or writes by its ID.',
		},
		{
			displayName: 'Identifier',
			name: 'identifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TSHIRT-RED-L',
			description: 'The SKU, GTIN, name or ID of the product or variant row',
		},
	];
}

export interface StockIdentifier {
	field: IdentifierField;
	value: string | number;
}

export function readIdentifier(ctx: IExecuteFunctions, itemIndex: number): StockIdentifier {
	const field = ctx.getNodeParameter('identifierType', itemIndex) as IdentifierField;
	const raw = ctx.getNodeParameter('identifierValue', itemIndex, '') as unknown;
	if (ID_FIELDS.has(field)) return { field, value: toRecordId(ctx, raw, 'Identifier', itemIndex) };
	return { field, value: toLookupText(ctx, itemIndex, raw, 'Identifier') };
}

const isCode = (identifier: StockIdentifier): identifier is { field: CodeField; value: string } =>
	identifier.field === 'item_number' || identifier.field === 'gtin';

/** Text identifiers compared as text (SKU, GTIN, name); IDs compared as numbers. */
const isText = (identifier: StockIdentifier) => !ID_FIELDS.has(identifier.field);

const NAME_LOOKUP_LIMIT = 100;

/**
 * The one product named exactly `name` (trimmed, case-insensitive). Names are not unique in
 * Cart.com, and /inventory would pick one of several without saying so: two or none are refused.
 */
export async function resolveProductByName(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): Promise<number> {
	const answer = await cartComGetMany.call(ctx, {
		path: '/products',
		recordsKey: 'products',
		query: exactMatchQuery(ctx, itemIndex, 'item_name', name, 'Identifier'),
		limit: NAME_LOOKUP_LIMIT,
		itemIndex,
	});
	const products = keepExact(
		ctx,
		itemIndex,
		answer,
		NAME_LOOKUP_LIMIT,
		'item_name',
		name,
		'Identifier',
	);
	if (products.length === 0) {
		throw inputError(
			ctx,
			itemIndex,
			'Identifier',
			`no product is named "${name}"`,
			'Check the name, or use Product → Get Many to find the product.',
		);
	}
	if (products.length > 1) {
		throw inputError(
			ctx,
			itemIndex,
			'Identifier',
			`"${name}" is the name of ${products.length} products (IDs ${products.map((product) => String(product.id)).join(', ')})`,
			'Identify the product by SKU or ID instead.',
		);
	}
	return Number(products[0].id);
}

/**
 * The record a stock change goes to, by ID. A SKU or GTIN is first looked up in products and in
 * variant rows, kept only where it equals the input exactly, and must name exactly one record:
 * /inventory/set|add|remove would otherwise pick the record by a match nobody checked (a server
 * matching loosely, or a code on two records, would move the wrong stock).
 */
export async function resolveStockTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	identifier: StockIdentifier,
): Promise<StockIdentifier> {
	if (identifier.field === 'item_name') {
		const productId = await resolveProductByName(ctx, itemIndex, String(identifier.value));
		return { field: 'product_id', value: productId };
	}
	if (!isCode(identifier)) return identifier;
	const matches = await findAllByCode(ctx, identifier.field, identifier.value, itemIndex);
	const target = singleTarget(
		ctx,
		itemIndex,
		matches,
		CODE_LABELS[identifier.field],
		identifier.value,
		'Identifier',
	);
	return target.variantInventoryId !== null
		? { field: 'variant_inventory_id', value: target.variantInventoryId }
		: { field: 'product_id', value: target.productId };
}

const LABELS: Record<IdentifierField, string> = {
	...CODE_LABELS,
	item_name: 'Product Name',
	product_id: 'Product ID',
	variant_inventory_id: 'Variant Inventory ID',
};

/** What a 404 from the inventory routes means for the identifier the user gave. */
export function stockNotFoundHint(identifier: StockIdentifier): string {
	switch (identifier.field) {
		case 'product_id':
			return `No product with ID ${identifier.value} in this store. Check the ID, or use Product → Get Many to find it.`;
		case 'variant_inventory_id':
			return `No variant inventory row with ID ${identifier.value} in this store. Check the ID, or use Product → Find by SKU or GTIN to find the row.`;
		default:
			return `No product or variant has ${LABELS[identifier.field]} "${identifier.value}"; try Product → Find by SKU or GTIN.`;
	}
}

/**
 * GET /inventory answers with one object; it is passed on only when it carries exactly the
 * identifier asked for, so a loose match is never reported as the stock of the article asked for.
 */
export function checkAnswerCarries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	identifier: StockIdentifier,
	answer: unknown,
): IDataObject {
	const record = isJsonObject(answer) ? answer : {};
	const stored = record[identifier.field];
	const carries = isText(identifier)
		? sameCode(stored, String(identifier.value))
		: Number(stored) === identifier.value;
	if (carries) return record;
	const label = LABELS[identifier.field];
	throw inputError(
		ctx,
		itemIndex,
		'Identifier',
		`the store answered with ${label} "${String(stored ?? '')}", not "${identifier.value}"`,
		`Nothing is output for a record whose ${label} differs. Check the identifier.`,
	);
}

export const quantityParameter: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	required: true,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
};

/** Stock moves in whole units; a fraction or a negative number is a mistake upstream, not something to round. */
export function readQuantity(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('quantity', itemIndex) as unknown;
	return toNumber(ctx, itemIndex, raw, 'Quantity', { integer: true, nonNegative: true });
}
