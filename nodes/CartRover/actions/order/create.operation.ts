import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { simplifyRecord } from '../../helpers/simplify';
import { CART_ONLY } from '../../helpers/level';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, isAmbiguousWriteFailure } from '../../transport';
import { findOrder, isDuplicateRefusal } from './existing';
import { orderProperties, readOrder, type OrderInput } from './orderInput';

const PATH = '/cart/orders/cartrover';

/**
 * What a create returns: `created: true` when CartRover answered that it created the order in
 * this run; `created: false` when the order was there already, with `existing` saying how the
 * node knows: `duplicate` (CartRover refused the cust_ref as used) or `unconfirmed` (the create's
 * answer was lost and the re-read found the order: it may be this run's or an earlier one's).
 * `order` is what was sent, or the order CartRover holds, its amounts as numbers and Y/N flags as
 * booleans (as Simplify gives them), so both read alike.
 */
export function createdOutput(
	input: OrderInput,
	created: boolean,
	order: IDataObject,
	extra: IDataObject = {},
): IDataObject {
	const output: IDataObject = {
		created,
		cust_ref: input.custRef,
		order_number: order.order_number,
	};
	Object.assign(output, extra, { order });
	// Keys without a value are left out: a re-read order has no order_number (extensiv_ruby retrieve.json).
	return Object.fromEntries(Object.entries(output).filter(([, value]) => value !== undefined));
}

const RE_RUN_LATER =
	'The node does not send it again, as that could create it twice; run the node again later: with the same Order Reference it returns the order if it exists and creates it otherwise.';

/** The create's answer was lost and the order cannot be found (yet): say so, never re-send. */
function unconfirmedError(
	ctx: IExecuteFunctions,
	input: OrderInput,
	itemIndex: number,
	readFailure?: unknown,
) {
	const reading = readFailure
		? ` Reading it back failed too: ${asNodeError(ctx, readFailure).message}.`
		: '';
	return new NodeOperationError(
		ctx.getNode(),
		`The create of order "${input.custRef}" got no answer, and CartRover does not show the order yet [item ${itemIndex}]`,
		{ description: `The order may still appear.${reading} ${RE_RUN_LATER}`, itemIndex },
	);
}

/**
 * After a refusal as duplicate, or a lost answer: the order found under exactly this reference.
 * Otherwise the duplicate refusal as CartRover worded it, or an error saying the outcome is unknown.
 */
async function recover(
	ctx: IExecuteFunctions,
	input: OrderInput,
	error: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	const existing = isDuplicateRefusal(error) ? 'duplicate' : 'unconfirmed';
	let order: IDataObject | undefined;
	try {
		order = await findOrder(ctx, input.custRef, itemIndex);
	} catch (readFailure) {
		if (existing === 'unconfirmed') throw unconfirmedError(ctx, input, itemIndex, readFailure);
		const refusal = asNodeError(ctx, error, itemIndex);
		refusal.description =
			`${refusal.description ?? ''} The order already there could not be read back: ${asNodeError(ctx, readFailure).message}`.trim();
		throw refusal;
	}
	if (order) return createdOutput(input, false, simplifyRecord(order), { existing });
	if (existing === 'duplicate') throw asNodeError(ctx, error, itemIndex);
	throw unconfirmedError(ctx, input, itemIndex);
}

/** Creates one order, or returns the one already there under its cust_ref. */
export async function createOne(
	ctx: IExecuteFunctions,
	input: OrderInput,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const answer = await cartRoverRequest.call(ctx, {
			method: 'POST',
			path: PATH,
			body: input.body,
			itemIndex,
			// The New Order endpoint is not rate limited (spec page, "Rate Limit").
			rateLimited: false,
		});
		// The create answer puts cust_ref and order_number at top level (extensiv_ruby create.json).
		return createdOutput(input, true, input.body, {
			order_number: answer.body.order_number,
			process_id: answer.processId,
		});
	} catch (error) {
		if (isDuplicateRefusal(error) || isAmbiguousWriteFailure(error))
			return await recover(ctx, input, error, itemIndex);
		throw asNodeError(ctx, error, itemIndex);
	}
}

export const create: OperationModule = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an order',
		description: 'Send one order to CartRover; a re-run with the same reference returns it',
	},
	description: forOperation('order', 'create', orderProperties),
	levels: CART_ONLY,
	endpoints: [
		{ method: 'POST', path: PATH },
		{ method: 'GET', path: '/cart/orders/{cust_ref}' },
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const input = readOrder(this, itemIndex);
			return await createOne(this, input, itemIndex);
		});
	},
};
