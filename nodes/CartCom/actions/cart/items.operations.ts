import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import {
	inputError,
	isJsonObject,
	toNumber,
	toRecordId,
	toRecordIdList,
} from '../../helpers/validation';
import { cartComRequest, cartComWrite } from '../../transport';
import { cartOperation, cartPath } from './shared';

type Row = Record<string, unknown>;

function rowsOf(ctx: IExecuteFunctions, itemIndex: number, name: string): Row[] {
	const value = ctx.getNodeParameter(name, itemIndex, {}) as { rows?: Row[] };
	return value.rows ?? [];
}

function quantityOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	return toNumber(ctx, itemIndex, value, label, { integer: true, minimum: 1 });
}

const addItemsProperties: INodeProperties[] = [
	{
		displayName: 'Items',
		name: 'cartItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		default: {},
		placeholder: 'Add Item',
		options: [
			{
				displayName: 'Item',
				name: 'rows',
				values: [
					{
						displayName: 'Product ID',
						name: 'productId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 62',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1 },
					},
					{
						displayName: 'Variant IDs',
						name: 'variantIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 154, 55',
						description: 'Comma-separated IDs of the chosen options (product variants)',
					},
					{
						displayName: 'Personalizations (JSON)',
						name: 'personalizations',
						type: 'json',
						default: '[]',
						description:
							'Answers to personalization questions: [{"personalization_id": 3, "answer": "hello"}]',
					},
				],
			},
		],
	},
];

function personalizationsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): IDataObject[] | undefined {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '' || value.trim() === '[]') return undefined;
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(
				ctx,
				itemIndex,
				label,
				'is not valid JSON',
				'Enter an array, e.g. [{"personalization_id": 3, "answer": "hello"}].',
			);
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	const entries = Array.isArray(parsed) ? parsed : [parsed];
	entries.forEach((entry, index) => {
		if (!isJsonObject(entry) || typeof entry.answer !== 'string')
			throw inputError(
				ctx,
				itemIndex,
				`${label} [${index}]`,
				'needs personalization_id and answer',
				'Give each entry {"personalization_id": 3, "answer": "hello"}.',
			);
		toRecordId(ctx, entry.personalization_id, `${label} [${index}].personalization_id`, itemIndex);
	});
	return entries.length > 0 ? (entries as IDataObject[]) : undefined;
}

export const addCartItems = cartOperation(
	{
		name: 'Add Items',
		value: 'addItems',
		action: 'Add items to a cart',
		description: 'Put products into a cart',
	},
	[{ method: 'POST', path: '/carts/{id}/items' }],
	addItemsProperties,
	'write',
	async function (i, cartId) {
		const rows = rowsOf(this, i, 'cartItems');
		if (rows.length === 0)
			throw inputError(
				this,
				i,
				'Items',
				'is required',
				'Add at least one product with its quantity.',
			);
		const items = rows.map((row, index) => {
			const label = `Items [${index}]`;
			const item: IDataObject = {
				product_id: toRecordId(this, row.productId, `${label} Product ID`, i),
				quantity: quantityOf(this, i, row.quantity, `${label} Quantity`),
			};
			const variants = toRecordIdList(this, row.variantIds, `${label} Variant IDs`, i);
			if (variants.length > 0) item.variant_ids = variants;
			const personalizations = personalizationsOf(
				this,
				i,
				row.personalizations,
				`${label} Personalizations (JSON)`,
			);
			if (personalizations) item.personalizations = personalizations;
			return item;
		});
		// POST adds: never re-sent after an ambiguous failure (the transport marks it).
		return await cartComWrite.call(this, {
			method: 'POST',
			path: cartPath(cartId, 'items'),
			body: { items },
			itemIndex: i,
		});
	},
);

export const updateCartItems = cartOperation(
	{
		name: 'Update Items',
		value: 'updateItems',
		action: 'Update items in a cart',
		description: 'Set new quantities for items already in a cart',
	},
	[{ method: 'PUT', path: '/carts/{id}/items' }],
	[
		{
			displayName: 'Items',
			name: 'cartItemQuantities',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			required: true,
			default: {},
			placeholder: 'Add Item',
			options: [
				{
					displayName: 'Item',
					name: 'rows',
					values: [
						{
							displayName: 'Cart Item ID',
							name: 'cartItemId',
							type: 'string',
							default: '',
							placeholder: 'e.g. 345',
							description: 'The line in the cart (its ID, not the product’s)',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							default: 1,
							typeOptions: { minValue: 1 },
						},
					],
				},
			],
		},
	],
	'write',
	async function (i, cartId) {
		const rows = rowsOf(this, i, 'cartItemQuantities');
		if (rows.length === 0)
			throw inputError(
				this,
				i,
				'Items',
				'is required',
				'Add at least one cart item with its new quantity.',
			);
		const items = rows.map((row, index) => ({
			cart_item_id: toRecordId(this, row.cartItemId, `Items [${index}] Cart Item ID`, i),
			quantity: quantityOf(this, i, row.quantity, `Items [${index}] Quantity`),
		}));
		// Sets quantities, so sending it twice changes nothing more (PUT: repeatable).
		return await cartComWrite.call(this, {
			method: 'PUT',
			path: cartPath(cartId, 'items'),
			body: { items },
			itemIndex: i,
		});
	},
);

export const removeCartItems = cartOperation(
	{
		name: 'Remove Items',
		value: 'removeItems',
		action: 'Remove items from a cart',
		description: 'Take some or all items out of a cart',
	},
	[{ method: 'DELETE', path: '/carts/{id}/items' }],
	[
		{
			displayName: 'Remove',
			name: 'removeWhich',
			type: 'options',
			default: 'selected',
			options: [
				{ name: 'Selected Items', value: 'selected' },
				{ name: 'All Items', value: 'all', description: 'Empty the cart' },
			],
		},
		{
			displayName: 'Cart Item IDs',
			name: 'cartItemIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 345, 347',
			description: 'Comma-separated IDs of the cart’s lines to remove',
			displayOptions: { show: { removeWhich: ['selected'] } },
		},
	],
	'write',
	async function (i, cartId) {
		const which = this.getNodeParameter('removeWhich', i, 'selected');
		let body: IDataObject | undefined;
		if (which !== 'all') {
			const ids = toRecordIdList(
				this,
				this.getNodeParameter('cartItemIds', i, ''),
				'Cart Item IDs',
				i,
			);
			// docs/api-carting.md: a DELETE without a body empties the cart, so an empty list must never be sent as one.
			if (ids.length === 0)
				throw inputError(
					this,
					i,
					'Cart Item IDs',
					'is required',
					'Enter the IDs of the lines to remove, or choose Remove: All Items to empty the cart.',
				);
			body = { cart_item_ids: ids };
		}
		return await cartComWrite.call(this, {
			method: 'DELETE',
			path: cartPath(cartId, 'items'),
			body,
			itemIndex: i,
		});
	},
);

export const getCartTotals = cartOperation(
	{
		name: 'Get Totals',
		value: 'getTotals',
		action: 'Get a cart with updated totals',
		description: 'Recalculate prices, discounts and shipping, and return the cart',
	},
	[{ method: 'GET', path: '/carts/{id}/calculated' }],
	[],
	'read',
	async function (i, cartId) {
		return await cartComRequest.call(this, {
			method: 'GET',
			path: cartPath(cartId, 'calculated'),
			itemIndex: i,
		});
	},
);
