import type { IExecuteFunctions } from 'n8n-workflow';

import { settleByReread } from '../../helpers/settleByReread';
import { cartComRequest, explainNotFound, type CartComRecord } from '../../transport';
import { orderSpec } from './spec';

/** What a 404 means to a task that works on one order. */
export const orderNotFound = (orderId: number) =>
	`No order with ID ${orderId} in this store. Pick the order from the list, or check the ID.`;

export interface StatusChange {
	order: CartComRecord;
	changed: boolean;
}

async function readOrder(
	ctx: IExecuteFunctions,
	orderId: number,
	itemIndex: number,
): Promise<CartComRecord | undefined> {
	return await explainNotFound(
		orderNotFound(orderId),
		async () =>
			await cartComRequest.call(ctx, {
				method: 'GET',
				path: `${orderSpec.path}/${orderId}`,
				itemIndex,
			}),
	);
}

/**
 * Moves an order to a status through `PUT /orders/{id}/status`, which, unlike a plain update, fires
 * Cart.com's status events and customer e-mails (docs/resources/orders.md). With `onlyIfDifferent`
 * the order is read first and left alone when it already has the status, so a re-run does not
 * e-mail the customer twice. The PUT itself is never repeated: after a failure that may have reached
 * the store (a reset, a 5xx, no answer in time) the order is read again, because a second send would
 * e-mail the customer twice and overwrite `previous_order_status_id` with the new status.
 */
export async function changeOrderStatus(
	ctx: IExecuteFunctions,
	orderId: number,
	statusId: number,
	itemIndex: number,
	onlyIfDifferent: boolean,
): Promise<StatusChange> {
	if (onlyIfDifferent) {
		const current = await readOrder(ctx, orderId, itemIndex);
		if (current && Number(current.order_status_id) === statusId)
			return { order: current, changed: false };
	}
	let response: CartComRecord | undefined;
	try {
		response = await explainNotFound(
			`No order with ID ${orderId}, or no order status with ID ${statusId}, in this store. Pick both from their lists, or check the IDs.`,
			async () =>
				await cartComRequest.call(ctx, {
					method: 'PUT',
					path: `${orderSpec.path}/${orderId}/status`,
					body: { order_status_id: statusId },
					itemIndex,
					repeatable: false,
				}),
		);
	} catch (error) {
		// The failure's message comes from the transport, already without secrets.
		return await settleByReread(ctx, error, itemIndex, {
			reread: async () => await readOrder(ctx, orderId, itemIndex),
			applied: (current) =>
				current && Number(current.order_status_id) === statusId
					? { order: current, changed: true }
					: undefined,
			notApplied: (current) =>
				`Order ${orderId} was read again afterwards and still has status ${String(current?.order_status_id)}: the change was not applied and was not sent again. Run the workflow again to retry.`,
		});
	}
	// The docs show no response body for this route; fall back to what is known.
	return {
		order: response ?? { id: orderId, order_status_id: statusId },
		changed: true,
	};
}
