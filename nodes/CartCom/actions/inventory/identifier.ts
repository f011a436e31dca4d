import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, toNumber, toRecordId } from '../../helpers/validation';

/** The identifiers Cart.com's inventory endpoint accepts (reference §5c); a variant SKU/GTIN addresses its row. */
export type IdentifierField = 'item_number' | 'gtin' | 'product_id' | 'variant_inventory_id';

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
				{ name: 'SKU', value: 'item_number' },
				{ name: 'Variant Inventory ID', value: 'variant_inventory_id' },
			],
			default: 'item_number',
			description: 'How the stock item is named. A variant’s SKU or GTIN addresses that variant’s own stock.',
		},
		{
			displayName: 'Identifier',
			name: 'identifierValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TSHIRT-RED-L',
			description: 'The SKU, GTIN or ID of the product or variant row',
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
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (text === '') {
		throw inputError(ctx, itemIndex, 'Identifier', 'is empty', 'Enter the SKU or GTIN of the product or variant row.');
	}
	return { field, value: text };
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
