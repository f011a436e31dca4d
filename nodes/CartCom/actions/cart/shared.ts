/**
 * The carting routes of docs/api-carting.md (acapi.yaml lists only `GET /carts`): each operation
 * names the cart, checks its input before any request and answers with what Cart.com returned.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, recordLocator, writeOptionsCollection } from '../../helpers/descriptions';
import { runPerItem, runWritesPerItem, type ItemResult } from '../../helpers/items';
import { readRecordId } from '../../helpers/parameters';
import type { Endpoint, OperationModule, OperationOption } from '../../helpers/types';
import { cartSpec } from '../generic/specs';

export const CART_ID = 'cartId';

export const cartLocator: INodeProperties = recordLocator(cartSpec, {
	name: CART_ID,
	displayName: 'Cart',
	description: 'The cart to use',
});

export const readCartId = (ctx: IExecuteFunctions, itemIndex: number) =>
	readRecordId(ctx, itemIndex, CART_ID, 'Cart');

export const cartPath = (cartId: number, route: string) => `${cartSpec.path}/${cartId}/${route}`;

/**
 * One cart operation: the Cart picker first, then its own parameters; writes get the write options.
 * `endpoints`: every call it can make (`{id}` = the cart).
 */
export function cartOperation(
	option: OperationOption,
	endpoints: Endpoint[],
	properties: INodeProperties[],
	kind: 'read' | 'write',
	handler: (this: IExecuteFunctions, itemIndex: number, cartId: number) => Promise<ItemResult>,
): OperationModule {
	const all = [cartLocator, ...properties, ...(kind === 'write' ? [writeOptionsCollection()] : [])];
	return {
		option,
		endpoints,
		description: forOperation('cart', option.value, all),
		async execute(items) {
			const run = kind === 'write' ? runWritesPerItem : runPerItem;
			return await run(this, items, async (i) => {
				const cartId = readCartId(this, i);
				return await handler.call(this, i, cartId);
			});
		},
	};
}

/** The records of a list answer (`rates`, `payment_methods`), each one output item. */
export function listOf(answer: IDataObject | undefined, key: string): IDataObject[] {
	const value = answer?.[key];
	return Array.isArray(value)
		? (value.filter((entry) => entry && typeof entry === 'object') as IDataObject[])
		: [];
}
