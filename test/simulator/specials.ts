/** Endpoints outside the generic pattern: order status change, category tree rebuild (more in extraRoutes.ts). */
import {
	badRequest,
	conflict,
	methodNotAllowed,
	notFound,
	type RequestContext,
	type SimResponse,
} from './httpTypes';
import { objectBody } from './validation';

/** `PUT /orders/{id}/status` {order_status_id}: records the previous status and the change time. */
export function handleOrderStatus(ctx: RequestContext, orderId: number): SimResponse {
	if (ctx.method !== 'PUT') return methodNotAllowed(ctx.method);
	const order = ctx.store.raw('orders', orderId);
	if (!order) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const statusId = body.value.order_status_id;
	if (statusId === undefined || statusId === null) return badRequest('order_status_id is required');
	if (typeof statusId !== 'number') return conflict('order_status_id must be a number');
	if (!ctx.store.raw('order_statuses', statusId))
		return notFound(`Order status ${statusId} was not found.`);
	const updated = ctx.store.patch(
		'orders',
		orderId,
		{
			order_status_id: statusId,
			previous_order_status_id: order.order_status_id,
			order_status_last_changed_at: ctx.store.nowTimestamp(),
		},
		{ countWrite: true },
	);
	return { status: 200, body: updated };
}

/** `POST /categories/rebuild_tree`: asynchronous on the real API, so just 204. */
export function handleRebuildTree(ctx: RequestContext): SimResponse {
	return ctx.method === 'POST' ? { status: 204 } : methodNotAllowed(ctx.method);
}
