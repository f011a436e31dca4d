import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../../helpers/errors';
import { inputError } from '../../helpers/validation';
import {
	buildFilterQuery,
	cartComGetMany,
	FilterInputError,
	type CartComRecord,
	type Query,
} from '../../transport';

/** The two codes a merchant's systems know an article by. */
export type CodeField = 'item_number' | 'gtin';

export const CODE_LABELS: Record<CodeField, string> = { item_number: 'SKU', gtin: 'GTIN' };

/** A code normally names one record; the cap only bounds a store where one code was pasted on many. */
const LOOKUP_LIMIT = 100;

/**
 * Whether a stored code is the one looked for: trimmed and case-insensitive, as Cart.com's SQL
 * Server collation compares. Applied to every answer, so a server that matches loosely (or a
 * filter value it read as more than one condition) can never pick the record a write goes to.
 */
export function sameCode(stored: unknown, wanted: string): boolean {
	if (typeof stored !== 'string' && typeof stored !== 'number') return false;
	return String(stored).trim().toLowerCase() === wanted.trim().toLowerCase();
}

/**
 * The records of a lookup answer whose `field` equals `value`. An answer as long as the limit may
 * have left the exact record out, and "not found" then could mean creating a duplicate: refused.
 */
export function keepExact(
	ctx: IExecuteFunctions,
	itemIndex: number,
	answer: CartComRecord[],
	limit: number,
	field: string,
	value: string,
	label: string,
): CartComRecord[] {
	const exact = answer.filter((record) => sameCode(record[field], value));
	if (answer.length >= limit && exact.length === 0) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`the store answered ${answer.length} or more records for "${value}", none of them with exactly that ${label}`,
			'The node will not guess whether the record exists. Check the store’s data, or use the record’s ID.',
		);
	}
	return exact;
}

/** `field=eq:value`; a value Cart.com's filter syntax cannot carry is reported against the parameter. */
export function exactMatchQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: string,
	label: string,
): Query {
	try {
		return buildFilterQuery([{ field, operator: 'eq', value }]);
	} catch (error) {
		if (error instanceof FilterInputError) {
			throw inputError(
				ctx,
				itemIndex,
				label,
				`"${value}" cannot be looked up`,
				'Cart.com’s filter syntax cannot carry this value (AND / OR between words, or control characters such as tabs and line breaks).',
			);
		}
		throw asNodeError(ctx, error, itemIndex);
	}
}

/** A code (SKU, GTIN, option name) as trimmed text; checked here so that no request goes out for a bad one. */
export function toLookupText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
): string {
	const text =
		typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
	if (text === undefined) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			'must be text',
			`Enter the ${label} as text, e.g. TSHIRT-RED-L.`,
		);
	}
	if (text === '')
		throw inputError(ctx, itemIndex, label, 'is empty', `Enter the ${label} to look for.`);
	exactMatchQuery(ctx, itemIndex, 'value', text, label);
	return text;
}

export function readLookupText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string {
	return toLookupText(ctx, itemIndex, ctx.getNodeParameter(parameter, itemIndex, ''), label);
}

async function findByCode(
	ctx: IExecuteFunctions,
	path: '/products' | '/variant_inventory',
	recordsKey: string,
	field: CodeField,
	value: string,
	itemIndex: number,
	extraQuery: Query,
): Promise<CartComRecord[]> {
	const answer = await cartComGetMany.call(ctx, {
		path,
		recordsKey,
		query: { ...exactMatchQuery(ctx, itemIndex, field, value, CODE_LABELS[field]), ...extraQuery },
		limit: LOOKUP_LIMIT,
		itemIndex,
	});
	return keepExact(ctx, itemIndex, answer, LOOKUP_LIMIT, field, value, CODE_LABELS[field]);
}

export async function findProductsByCode(
	ctx: IExecuteFunctions,
	field: CodeField,
	value: string,
	itemIndex: number,
	extraQuery: Query = {},
): Promise<CartComRecord[]> {
	return await findByCode(ctx, '/products', 'products', field, value, itemIndex, extraQuery);
}

export async function findVariantRowsByCode(
	ctx: IExecuteFunctions,
	field: CodeField,
	value: string,
	itemIndex: number,
	extraQuery: Query = {},
): Promise<CartComRecord[]> {
	return await findByCode(
		ctx,
		'/variant_inventory',
		'variant_inventory',
		field,
		value,
		itemIndex,
		extraQuery,
	);
}

export interface CodeMatches {
	products: CartComRecord[];
	rows: CartComRecord[];
}

/** Products and variant inventory rows carrying exactly the code: a variant SKU or GTIN must resolve too. */
export async function findAllByCode(
	ctx: IExecuteFunctions,
	field: CodeField,
	value: string,
	itemIndex: number,
	productQuery: Query = {},
): Promise<CodeMatches> {
	const [products, rows] = await Promise.all([
		findProductsByCode(ctx, field, value, itemIndex, productQuery),
		findVariantRowsByCode(ctx, field, value, itemIndex),
	]);
	return { products, rows };
}

/** Where a code points: the product, and the variant row when the code is a variant's. */
export interface CodeTarget {
	productId: number;
	variantInventoryId: number | null;
	record: CartComRecord;
}

export function describeMatches({ products, rows }: CodeMatches): string {
	return [
		...products.map((product) => `product ${String(product.id)}`),
		...rows.map((row) => `variant row ${String(row.id)} of product ${String(row.product_id)}`),
	].join(', ');
}

/**
 * Exactly one record must carry the code; anything else is reported, as guessing could change the
 * wrong article. `label` names the code (SKU, GTIN), `parameter` the field the error is shown on.
 */
export function singleTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	matches: CodeMatches,
	label: string,
	value: string,
	parameter = label,
): CodeTarget {
	const total = matches.products.length + matches.rows.length;
	if (total === 0) {
		throw inputError(
			ctx,
			itemIndex,
			parameter,
			`no product or variant has ${label} "${value}"`,
			'Try Product → Find by SKU or GTIN to look the code up, or create the product first.',
		);
	}
	if (total > 1) {
		throw inputError(
			ctx,
			itemIndex,
			parameter,
			`"${value}" matches ${total} records (${describeMatches(matches)})`,
			'Make the code unique in the store, or pick the product by ID.',
		);
	}
	if (matches.products.length) {
		const product = matches.products[0];
		return { productId: Number(product.id), variantInventoryId: null, record: product };
	}
	const row = matches.rows[0];
	return { productId: Number(row.product_id), variantInventoryId: Number(row.id), record: row };
}
