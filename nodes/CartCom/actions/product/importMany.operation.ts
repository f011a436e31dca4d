import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { inputError, isJsonObject } from '../../helpers/validation';
import { cartComTransportError, cartComWrite, markAmbiguousWrite } from '../../transport';

/** Lines per request; Cart.com documents no limit, so this keeps one request's work bounded (assumed). */
export const MAX_IMPORT_LINES = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Products (JSON)',
		name: 'importLines',
		type: 'json',
		required: true,
		default:
			'[\n  {\n    "product": { "item_number": "TSHIRT", "item_name": "Logo Tee", "price": 21.93 }\n  }\n]',
		description:
			'An array of products to import, each {"product": {…}} with optional "category" and "manufacturer" objects (found or created by name), or just product objects',
	},
	{
		displayName: 'Match by SKU',
		name: 'lookupBySku',
		type: 'boolean',
		default: true,
		description:
			'Whether a product whose SKU (item_number) exists is updated instead of created; a line’s own lookup_by_sku wins',
	},
	{
		displayName: 'Fail on Rejected Lines',
		name: 'failOnLineErrors',
		type: 'boolean',
		default: true,
		description:
			'Whether the item fails when Cart.com rejects any line. The accepted lines are imported either way.',
	},
	writeOptionsCollection(),
];

const LINE_KEYS = new Set(['lookup_by_sku', 'product', 'category', 'manufacturer']);

/** One import line of docs/resources/products.md; a bare product object is wrapped. */
function toLine(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entry: unknown,
	index: number,
	lookupBySku: boolean,
): IDataObject {
	const where = `Products (JSON) [${index}]`;
	if (!isJsonObject(entry))
		throw inputError(
			ctx,
			itemIndex,
			where,
			'must be an object',
			'Give each line {"product": {…}}.',
		);
	const isLine =
		Object.keys(entry).length > 0 && Object.keys(entry).every((key) => LINE_KEYS.has(key));
	const line: IDataObject = isLine ? { ...entry } : { product: entry };
	if (!isJsonObject(line.product))
		throw inputError(
			ctx,
			itemIndex,
			`${where}.product`,
			'must be an object',
			'Give the product’s fields, e.g. {"item_number": "TSHIRT"}.',
		);
	for (const key of ['category', 'manufacturer'])
		if (line[key] !== undefined && !isJsonObject(line[key]))
			throw inputError(
				ctx,
				itemIndex,
				`${where}.${key}`,
				'must be an object',
				`Give the ${key} as an object, e.g. {"name": "Shoes"}.`,
			);
	if (line.lookup_by_sku !== undefined && typeof line.lookup_by_sku !== 'boolean')
		throw inputError(
			ctx,
			itemIndex,
			`${where}.lookup_by_sku`,
			'must be true or false',
			'Use true or false.',
		);
	if (line.lookup_by_sku === undefined && lookupBySku) line.lookup_by_sku = true;
	const product = line.product as IDataObject;
	const sku = typeof product.item_number === 'string' ? product.item_number.trim() : '';
	if (line.lookup_by_sku === true && product.id === undefined && sku === '')
		throw inputError(
			ctx,
			itemIndex,
			`${where}.product.item_number`,
			'is required to match by SKU',
			'Give the product’s SKU, or its id, or turn off Match by SKU.',
		);
	return line;
}

function readLines(ctx: IExecuteFunctions, itemIndex: number, lookupBySku: boolean): IDataObject[] {
	const raw = ctx.getNodeParameter('importLines', itemIndex, '');
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '')
			throw inputError(
				ctx,
				itemIndex,
				'Products (JSON)',
				'is required',
				'Enter an array of products to import.',
			);
		try {
			value = jsonParse(raw);
		} catch {
			throw inputError(
				ctx,
				itemIndex,
				'Products (JSON)',
				'is not valid JSON',
				'Enter an array, e.g. [{"product": {"item_number": "TSHIRT"}}].',
			);
		}
	}
	const entries = Array.isArray(value) ? value : [value];
	if (entries.length === 0)
		throw inputError(ctx, itemIndex, 'Products (JSON)', 'is empty', 'Give at least one product.');
	if (entries.length > MAX_IMPORT_LINES)
		throw inputError(
			ctx,
			itemIndex,
			'Products (JSON)',
			`has ${entries.length} lines, more than ${MAX_IMPORT_LINES}`,
			`Split the products into batches of up to ${MAX_IMPORT_LINES} (e.g. with the Loop Over Items node).`,
		);
	return entries.map((entry, index) => toLine(ctx, itemIndex, entry, index, lookupBySku));
}

export const importMany: OperationModule = {
	option: {
		name: 'Import Many',
		value: 'importMany',
		action: 'Import many products',
		description:
			'Create or update many products in one request, with categories and manufacturers by name',
	},
	endpoints: [{ method: 'POST', path: '/products/importMany' }],
	description: forOperation('product', 'importMany', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const lookupBySku = this.getNodeParameter('lookupBySku', i, true) === true;
			const lines = readLines(this, i, lookupBySku);
			// docs/resources/products.md wraps the array in {}, which is not JSON: the array is sent bare.
			const answer = await cartComWrite.call(this, {
				method: 'POST',
				path: '/products/importMany',
				body: lines,
				itemIndex: i,
			});
			const results = answer.results;
			if (!Array.isArray(results) || !results.every(isJsonObject))
				throw markAmbiguousWrite(
					cartComTransportError(
						this.getNode(),
						'Cart.com POST /products/importMany answered without per-line results',
						'The import may have been applied: check the products before running again (with Match by SKU a re-run updates instead of duplicating).',
						[],
						i,
					),
				);
			const rows = (results as IDataObject[]).map((result) => {
				const index = typeof result.line_item === 'number' ? result.line_item : -1;
				const product = (lines[index]?.product ?? {}) as IDataObject;
				const status = Number(result.status_code);
				return {
					...result,
					success: status >= 200 && status < 300,
					item_number: product.item_number ?? null,
				} as IDataObject;
			});
			const rejected = rows.filter((row) => row.success !== true);
			if (rejected.length > 0 && this.getNodeParameter('failOnLineErrors', i, true) === true)
				throw inputError(
					this,
					i,
					'Products (JSON)',
					`Cart.com rejected ${rejected.length} of ${lines.length} lines (${rejected
						.slice(0, 5)
						.map(
							(row) =>
								`line ${String(row.line_item)}: ${String(row.status_code)}${row.message ? ` ${String(row.message)}` : ''}`,
						)
						.join('; ')})`,
					'The other lines were imported. Fix the rejected lines and import just those again, or turn off Fail on Rejected Lines to get one result per line.',
				);
			return rows;
		});
	},
};
