import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError, isJsonObject } from '../../../shared/node';
import { cartRoverErrorOf, cartRoverRequest, pathSegment } from '../../transport';

/*
 * Retry-safe creates. CartRover refuses a second order with a cust_ref already used by the order
 * source ("Failure - Hard error like: Duplicate order", spec page; "OrderDuplicate" in a batch,
 * extensiv_ruby's batch_create.json). A create is therefore never re-sent: when CartRover says
 * duplicate, or the answer was lost after the request went out, the node reads
 * GET /cart/orders/{cust_ref} and returns the order found there.
 */

/** CartRover's refusal of a cust_ref already used: `Failure` with "duplicate" in the message. */
export function isDuplicateRefusal(error: unknown): boolean {
	const fields = cartRoverErrorOf(error);
	return fields !== undefined && /duplicate/i.test(`${fields.errorCode ?? ''} ${fields.message}`);
}

export function isDuplicateMessage(message: unknown): boolean {
	return typeof message === 'string' && /duplicate/i.test(message);
}

/** CartRover's answer for an order it does not have (an error envelope naming it not found). */
function isNotFound(error: unknown): boolean {
	const fields = cartRoverErrorOf(error);
	if (!fields) return false;
	return /not\s*found|no\s+order|does\s*n[o']t\s+exist|unknown\s+order/i.test(fields.message);
}

/**
 * The order this order source holds under exactly `custRef`, or undefined when it has none. An
 * answer for another reference (a loose match, a different case) is never taken for it.
 */
export async function findOrder(
	ctx: IExecuteFunctions,
	custRef: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	let response: unknown;
	try {
		({ response } = await cartRoverRequest.call(ctx, {
			method: 'GET',
			path: `/cart/orders/${pathSegment(custRef)}`,
			itemIndex,
		}));
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw asNodeError(ctx, error, itemIndex);
	}
	const order = Array.isArray(response) ? response[0] : response;
	if (!isJsonObject(order)) return undefined;
	if (order.cust_ref !== custRef) {
		throw new NodeOperationError(
			ctx.getNode(),
			`CartRover answered the look-up of order "${custRef}" with order "${String(order.cust_ref)}" [item ${itemIndex}]`,
			{
				description:
					'The node checks that an order it returns in place of a create has exactly the Order Reference sent, and this one does not. Check the order in CartRover before running again.',
				itemIndex,
			},
		);
	}
	return order;
}
