import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { settleByReread } from '../../helpers/settleByReread';
import {
	cartComGetMany,
	cartComRequest,
	explainNotFound,
	isAmbiguousWriteFailure,
	markAmbiguousWrite,
	redact,
	type CartComRecord,
} from '../../transport';
import { orderSpec } from './spec';
import { orderNotFound } from './status';

/**
 * The order payment routes charge money: `POST /orders/{id}/process_payment` and
 * `/process_payments` (docs/resources/orders.md). Cart.com offers no idempotency key, so a charge
 * is never sent twice by the node: the POST is not retried on any answer, and when it failed in a
 * way that may have reached the store (a reset, a 5xx, no answer in time, an unreadable answer) the
 * order's payments are read again and compared with a snapshot taken just before the POST.
 */

/** The payments of one order, `GET /orders/{id}/payments` (records key `payments`). */
export async function readOrderPayments(
	ctx: IExecuteFunctions,
	orderId: number,
	itemIndex: number,
): Promise<CartComRecord[]> {
	return await explainNotFound(
		orderNotFound(orderId),
		async () =>
			await cartComGetMany.call(ctx, {
				path: `${orderSpec.path}/${orderId}/payments`,
				recordsKey: 'payments',
				itemIndex,
			}),
	);
}

export async function readOrder(
	ctx: IExecuteFunctions,
	orderId: number,
	itemIndex: number,
): Promise<CartComRecord> {
	const order = await explainNotFound(
		orderNotFound(orderId),
		async () =>
			await cartComRequest.call(ctx, {
				method: 'GET',
				path: `${orderSpec.path}/${orderId}`,
				itemIndex,
			}),
	);
	return order ?? { id: orderId };
}

/** Money as cents, so that 55.43 + 0.1 compares as the store's decimal amounts do. */
export const cents = (value: unknown): number => Math.round(Number(value ?? 0) * 100);

/** What of a payment changes when it is processed; a difference means the store acted on it. */
const STATE_FIELDS = [
	'is_approved',
	'is_declined',
	'is_captured',
	'is_void',
	'transaction_id',
	'authorization_code',
	'amount',
	'approved_at',
	'updated_at',
];

const stateOf = (payment: CartComRecord) =>
	JSON.stringify(STATE_FIELDS.map((field) => payment[field] ?? null));

/** Payments that are new, or whose processing state changed, since `before`. */
export function changedPayments(
	before: CartComRecord[],
	after: CartComRecord[],
): { added: CartComRecord[]; changed: CartComRecord[] } {
	const previous = new Map(before.map((payment) => [String(payment.id), stateOf(payment)]));
	const added = after.filter((payment) => !previous.has(String(payment.id)));
	const changed = after.filter(
		(payment) =>
			previous.has(String(payment.id)) && previous.get(String(payment.id)) !== stateOf(payment),
	);
	return { added, changed };
}

/** Sum of the approved, not void, not declined payments of an order, in cents. */
export const paidCents = (payments: CartComRecord[]): number =>
	payments
		.filter((payment) => payment.is_approved === true && !payment.is_void && !payment.is_declined)
		.reduce((sum, payment) => sum + cents(payment.amount), 0);

/**
 * The same error without the card secrets the request carried (the CVV): a gateway message quoted
 * in Cart.com's `details` could repeat it. Rebuilt, so no copy survives in the original's cause.
 */
function withoutSecrets(
	ctx: IExecuteFunctions,
	error: unknown,
	secrets: string[],
	itemIndex: number,
): unknown {
	if (secrets.length === 0 || !(error instanceof Error)) return error;
	const description = (error as { description?: string | null }).description ?? '';
	const httpCode = (error as { httpCode?: string | null }).httpCode ?? undefined;
	const message = redact(error.message, secrets);
	const clean = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: redact(description, secrets),
		httpCode,
		itemIndex,
	});
	return isAmbiguousWriteFailure(error) ? markAmbiguousWrite(clean) : clean;
}

/**
 * Sends a charging POST once. Returns the answer (possibly undefined for an empty 2xx), or, when the
 * POST failed ambiguously, what a re-read shows: `applied(after)` decides from the order's payments
 * whether the store acted on it. Not applied: an error that says so, and that nothing was re-sent.
 */
export async function chargeOnce(
	ctx: IExecuteFunctions,
	orderId: number,
	itemIndex: number,
	post: { path: string; body: IDataObject; secrets?: string[] },
	applied: (after: CartComRecord[]) => IDataObject | undefined,
): Promise<{ answer: CartComRecord | undefined; settled?: IDataObject; after: CartComRecord[] }> {
	let answer: CartComRecord | undefined;
	try {
		answer = await explainNotFound(
			orderNotFound(orderId),
			async () =>
				await cartComRequest.call(ctx, {
					method: 'POST',
					path: post.path,
					body: post.body,
					itemIndex,
					repeatable: false,
				}),
		);
	} catch (caught) {
		const error = withoutSecrets(ctx, caught, post.secrets ?? [], itemIndex);
		return await settleByReread(ctx, error, itemIndex, {
			reread: async () => await readOrderPayments(ctx, orderId, itemIndex),
			applied: (after) => {
				const settled = applied(after);
				return settled ? { answer: undefined, settled, after } : undefined;
			},
			notApplied: () =>
				`The payments of order ${orderId} were read again afterwards and show no payment made by this request: it was not applied, and it was not sent again. Run the workflow again to retry.`,
		});
	}
	const after = await readOrderPayments(ctx, orderId, itemIndex);
	return { answer, after };
}
