import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { cartComRequest } from '../../transport';
import { orderSpec } from './spec';

export interface StatusChange {
	order: IDataObject;
	changed: boolean;
}

const asRecord = (value: unknown): IDataObject | undefined =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;

/**
 * Moves an order to a status through `PUT /orders/{id}/status`, which, unlike a plain update, fires
 * Cart.com's status events and customer e-mails. With `onlyIfDifferent` the order is read first and
 * left alone when it already has the status, so a re-run does not e-mail the customer twice.
 */
export async function changeOrderStatus(
	ctx: IExecuteFunctions,
	orderId: number,
	statusId: number,
	itemIndex: number,
	onlyIfDifferent: boolean,
): Promise<StatusChange> {
	if (onlyIfDifferent) {
		const current = asRecord(
			await cartComRequest.call(ctx, { method: 'GET', path: `${orderSpec.path}/${orderId}`, itemIndex }),
		);
		if (current && Number(current.order_status_id) === statusId) return { order: current, changed: false };
	}
	const response = await cartComRequest.call(ctx, {
		method: 'PUT',
		path: `${orderSpec.path}/${orderId}/status`,
		body: { order_status_id: statusId },
		itemIndex,
	});
	// The docs show no response body for this route; fall back to what is known.
	return { order: asRecord(response) ?? { id: orderId, order_status_id: statusId }, changed: true };
}
