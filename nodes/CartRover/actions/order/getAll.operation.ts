import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection, runPerItem } from '../../../shared/node';
import {
	forOperation,
	limitParameter,
	readLimit,
	returnAllParameter,
	simplifyParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { toCartRoverDateTime } from '../../helpers/dates';
import { CART_OR_MERCHANT, ordersBase } from '../../helpers/level';
import { asText, InputProblems, isEmpty } from '../../helpers/problems';
import { shaped } from '../../helpers/records';
import type { OperationModule } from '../../helpers/types';
import { cartRoverGetMany, pathSegment, type CartRoverLevel, type Query } from '../../transport';
import { includeOptions, includeQuery } from './get.operation';
import { STATUS_FILTERS } from './status';

/*
 * GET /{cart|merchant}/orders/list/{status}?from_date&to_date&order_source&limit&page
 * (makeway-agency/cartrover-php Merchant.php; the C# CartRover.Batch.App client; reference §5, §8).
 * Cart keys list their own order source's orders; Merchant keys every source's, optionally one.
 */

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'From Date',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			description:
				'Orders from this time on; which date counts depends on the status (created for New, sent for At Warehouse, shipped for Shipped…)',
		},
		{
			displayName: 'Order Source Name or ID',
			name: 'orderSource',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrderSources' },
			default: '',
			description:
				'Merchant API keys only: orders of this order source (cart). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'To Date',
			name: 'toDate',
			type: 'dateTime',
			default: '',
			description: 'Orders up to this time',
		},
	],
};

function readQuery(ctx: IExecuteFunctions, itemIndex: number, level: CartRoverLevel): Query {
	const given = readCollection(ctx, 'filters', itemIndex);
	const problems = new InputProblems();
	const query: Query = {};
	for (const [param, name, label] of [
		['fromDate', 'from_date', 'From Date'],
		['toDate', 'to_date', 'To Date'],
	] as const) {
		if (isEmpty(given[param])) continue;
		const date = toCartRoverDateTime(given[param], ctx.getTimezone());
		if (date === undefined)
			problems.add(
				label,
				`"${String(given[param])}" is not a valid date`,
				'Use ISO 8601, e.g. 2024-05-15T00:00:00+02:00.',
			);
		query[name] = date;
	}
	const orderSource = asText(given.orderSource);
	if (orderSource !== undefined && level !== 'merchant')
		problems.add(
			'Order Source',
			'works with Merchant API keys only',
			'Cart API keys read their own order source’s orders: remove the Order Source filter, or use Merchant keys.',
		);
	query.order_source = orderSource;
	const limit = readLimit(ctx, itemIndex);
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
		problems.add(
			'Limit',
			`${limit} is not a whole number of 1 or more`,
			'Enter how many orders to return, e.g. 50.',
		);
	problems.throwIfAny(ctx, itemIndex);
	return { ...query, ...includeQuery(ctx, itemIndex) };
}

export const getAll: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many orders',
		description: 'List orders by status and date',
	},
	description: forOperation('order', 'getAll', [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'any',
			options: STATUS_FILTERS,
			description:
				'Which orders to list. With Any, give a From Date: without one a long list may time out.',
		},
		returnAllParameter,
		limitParameter,
		filters,
		simplifyParameter,
		includeOptions,
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/{level}/orders/list/{status}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], level: CartRoverLevel) {
		return await runPerItem(this, items, async (itemIndex) => {
			const status = this.getNodeParameter('status', itemIndex) as string;
			const query = readQuery(this, itemIndex, level);
			const records = await cartRoverGetMany.call(this, {
				path: `${ordersBase(level)}/list/${pathSegment(status)}`,
				query,
				limit: readLimit(this, itemIndex),
				itemIndex,
			});
			return shaped(records, wantsSimplify(this, itemIndex));
		});
	},
};
