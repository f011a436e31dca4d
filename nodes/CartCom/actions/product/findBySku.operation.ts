import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { nestedRecords } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComRequest, type CartComRecord } from '../../transport';
import { CODE_LABELS, findAllByCode, readLookupText, type CodeField } from './catalogLookup';

const numberOrZero = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : 0;

/**
 * A product's own stock figure is meaningless when its stock is kept per variant row; then the
 * rows (expanded in the same request) are summed, as Cart.com's inventory endpoint reports it.
 */
function productQuantity(product: CartComRecord): CartComRecord[string] {
	const rows = product.variant_inventory;
	if (product.use_variant_inventory === true && Array.isArray(rows)) {
		return nestedRecords(rows).reduce((sum, row) => sum + numberOrZero(row.inventory), 0);
	}
	return product.quantity_on_hand;
}

function productMatch(product: CartComRecord): CartComRecord {
	return {
		match_type: 'product',
		product_id: product.id,
		variant_inventory_id: null,
		item_number: product.item_number,
		gtin: product.gtin,
		item_name: product.item_name,
		variant_description: null,
		quantity: productQuantity(product),
		use_variant_inventory: product.use_variant_inventory,
		product_status_id: product.product_status_id,
		price: product.price,
	};
}

function variantMatch(row: CartComRecord, parent: CartComRecord | undefined): CartComRecord {
	return {
		match_type: 'variant',
		product_id: row.product_id,
		variant_inventory_id: row.id,
		item_number: row.item_number,
		gtin: row.gtin,
		item_name: parent?.item_name ?? null,
		variant_description: row.description,
		quantity: row.inventory,
		use_variant_inventory: true,
		product_status_id: row.product_status_id,
		price: parent?.price ?? null,
		product_item_number: parent?.item_number ?? null,
	};
}

/** Name, SKU and price of the products owning the matched variant rows (usually one). */
async function parentsOf(ctx: IExecuteFunctions, rows: CartComRecord[], itemIndex: number) {
	const ids = [...new Set(rows.map((row) => Number(row.product_id)))].filter((id) => id > 0);
	const parents = new Map<number, CartComRecord>();
	for (const id of ids) {
		const parent = await cartComRequest.call(ctx, {
			method: 'GET',
			path: `/products/${id}`,
			query: { fields: 'id,item_name,item_number,price' },
			itemIndex,
			allowNotFound: true,
		});
		if (parent) parents.set(id, parent);
	}
	return parents;
}

export const findBySku: OperationModule = {
	option: {
		name: 'Find by SKU or GTIN',
		value: 'findBySku',
		action: 'Find product by SKU or GTIN',
		description: 'Look up products and variant rows by SKU or barcode, with their IDs and stock',
	},
	endpoints: [
		{ method: 'GET', path: '/products' },
		{ method: 'GET', path: '/variant_inventory' },
		{ method: 'GET', path: '/products/{id}' },
	],
	description: forOperation('product', 'findBySku', [
		{
			displayName: 'Find By',
			name: 'lookupField',
			type: 'options',
			options: [
				{ name: 'GTIN (UPC / EAN)', value: 'gtin' },
				{ name: 'SKU', value: 'item_number' },
			],
			default: 'item_number',
		},
		{
			displayName: 'Value',
			name: 'lookupValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. TSHIRT-RED-L',
			description: 'Exact code to look for, in products and in their variant rows',
		},
		{
			displayName: 'If Not Found',
			name: 'ifNotFound',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'fail',
					description: 'Stop, or output an error item with Continue On Fail',
				},
				{
					name: 'Return Nothing',
					value: 'returnNothing',
					description: 'Output no item for this input item',
				},
			],
			default: 'fail',
		},
	]),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const field = this.getNodeParameter('lookupField', i) as CodeField;
			const label = CODE_LABELS[field];
			const value = readLookupText(this, i, 'lookupValue', 'Value');
			const matches = await findAllByCode(this, field, value, i, { expand: 'variant_inventory' });
			if (matches.products.length + matches.rows.length === 0) {
				if (this.getNodeParameter('ifNotFound', i) === 'returnNothing') return [];
				throw inputError(
					this,
					i,
					'Value',
					`no product or variant has ${label} "${value}"`,
					'Check the code, or set If Not Found to Return Nothing.',
				);
			}
			const parents = await parentsOf(this, matches.rows, i);
			return [
				...matches.products.map(productMatch),
				...matches.rows.map((row) => variantMatch(row, parents.get(Number(row.product_id)))),
			];
		});
	},
};
