import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection, runPerItem } from '../../../shared/node';
import {
	forOperation,
	orderReferenceParameter,
	simplifyParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { CART_OR_MERCHANT, ordersBase } from '../../helpers/level';
import { shaped, toRecords } from '../../helpers/records';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment, type CartRoverLevel, type Query } from '../../transport';

/*
 * GET /{cart|merchant}/orders/{cust_ref}, with the optional Y/N flags include_filtered_items,
 * include_order_extras, include_line_extras and include_aliases (extensiv_ruby retrieve.json,
 * the public TypeScript CartRoverService typings).
 */

const INCLUDE_FLAGS: Array<{ name: string; param: string; label: string; description: string }> = [
	{
		name: 'include_aliases',
		param: 'includeAliases',
		label: 'Include Aliases',
		description: 'Whether to add each line’s SKU aliases',
	},
	{
		name: 'include_filtered_items',
		param: 'includeFilteredItems',
		label: 'Include Filtered Items',
		description: 'Whether to add lines CartRover filters out before the warehouse',
	},
	{
		name: 'include_line_extras',
		param: 'includeLineExtras',
		label: 'Include Line Extras',
		description: 'Whether to add each line’s extra fields',
	},
	{
		name: 'include_order_extras',
		param: 'includeOrderExtras',
		label: 'Include Order Extras',
		description: 'Whether to add the order’s extra fields',
	},
];

export const includeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: INCLUDE_FLAGS.map(
		(flag): INodeProperties => ({
			displayName: flag.label,
			name: flag.param,
			type: 'boolean',
			default: true,
			description: flag.description,
		}),
	),
};

/** The include flags the item set, as CartRover's Y/N query values. */
export function includeQuery(ctx: IExecuteFunctions, itemIndex: number): Query {
	const options = readCollection(ctx, 'options', itemIndex);
	const query: Query = {};
	for (const flag of INCLUDE_FLAGS)
		if (typeof options[flag.param] === 'boolean')
			query[flag.name] = options[flag.param] ? 'Y' : 'N';
	return query;
}

export const get: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an order',
		description: 'Read one order with its lines and shipments',
	},
	description: forOperation('order', 'get', [
		orderReferenceParameter('The order to read'),
		simplifyParameter,
		includeOptions,
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/{level}/orders/{cust_ref}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], level: CartRoverLevel) {
		return await runPerItem(this, items, async (itemIndex) => {
			const custRef = readPathReference(this, itemIndex, 'custRef', 'Order Reference');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `${ordersBase(level)}/${pathSegment(custRef)}`,
				query: includeQuery(this, itemIndex),
				itemIndex,
			});
			return shaped(toRecords(response), wantsSimplify(this, itemIndex));
		});
	},
};
