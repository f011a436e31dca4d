/**
 * The documented webhook types and the subscription write rules (Cart.com docs/webhooks.md,
 * "Webhook Types" and "Subscribing to a Webhook").
 */
import { badRequest, type RequestContext, type SimResponse } from '../httpTypes';
import { isMissing } from '../validation';
import type { SimRecord } from '../types';

/** Types Cart.com calls without waiting for an answer. */
export const NOTIFY_EVENTS = [
	'CustomerCreated',
	'CustomerEmailUpdated',
	'CustomerUpdated',
	'CustomerRegistered',
	'NewOrder',
	'NewQuote',
	'NewValidOrder',
	'OrderApproved',
	'OrderCanceled',
	'OrderDeclined',
	'OrderPlaced',
	'OrderShipped',
	'OrderStatusChanged',
	'OrderUpdated',
	'PaymentProcessed',
	'ProductCreated',
	'ProductStatusChanged',
	'ProductUpdated',
	'QuoteStatusChanged',
	'QuoteUpdated',
] as const;

/** Types Cart.com waits for (3 s, docs/webhooks.md): "Reply? Yes". */
export const SYNC_EVENTS = [
	'AuthorizingPayment',
	'CapturingPayment',
	'GetDiscount',
	'GetPrice',
	'GetProductStatus',
	'GetTax',
	'ValidateCart',
	'ValidateCheckout',
	'ValidateCustomer',
	'ValidateProduct',
] as const;

export const EVENT_TYPES: ReadonlySet<string> = new Set([...NOTIFY_EVENTS, ...SYNC_EVENTS]);
export const NOTIFY_EVENT_SET: ReadonlySet<string> = new Set(NOTIFY_EVENTS);
export const SYNC_EVENT_SET: ReadonlySet<string> = new Set(SYNC_EVENTS);
export const FAILURE_TYPES = ['Ignore', 'Error', 'Fallback'];
export const CACHE_LENGTHS = ['Short', 'Long', 'NoCache'];

/** Table whose record a notify event carries, and the payload key it is wrapped in. */
export function recordTableOf(eventType: string): { table: string; key: string } | undefined {
	if (eventType === 'PaymentProcessed') return { table: 'order_payments', key: 'order_payment' };
	if (eventType === 'NewQuote' || eventType.startsWith('Quote'))
		return { table: 'quotes', key: 'quote' };
	if (eventType.startsWith('Product')) return { table: 'products', key: 'product' };
	if (eventType.startsWith('Customer')) return { table: 'customers', key: 'customer' };
	if (NOTIFY_EVENT_SET.has(eventType)) return { table: 'orders', key: 'order' };
	return undefined;
}

function enumError(field: string, value: unknown, allowed: readonly string[]): SimResponse | null {
	if (value === undefined) return null;
	if (typeof value === 'string' && allowed.includes(value)) return null;
	return badRequest(
		`${field} ${JSON.stringify(value)} is not valid; expected one of ${allowed.join(', ')}`,
	);
}

function urlError(field: string, value: unknown, required: boolean): SimResponse | null {
	if (isMissing(value)) return required ? badRequest(`${field} is required`) : null;
	let parsed: URL | undefined;
	try {
		parsed = new URL(String(value));
	} catch {
		parsed = undefined;
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
		return badRequest(`${field} must be an absolute http(s) URL`);
	return null;
}

/**
 * `prepare` hook of the webhooks table: documented enums (exact spelling; 400 like a request the
 * API cannot bind), urls, and the documented default failure_type "Ignore".
 */
export function prepareWebhook(
	_ctx: RequestContext,
	fields: SimRecord,
	existing: SimRecord | undefined,
): SimResponse | null {
	if (!existing && isMissing(fields.event_type)) return badRequest('event_type is required');
	const error =
		enumError('event_type', fields.event_type, [...EVENT_TYPES]) ??
		enumError('failure_type', fields.failure_type, FAILURE_TYPES) ??
		enumError('cache_length', fields.cache_length, CACHE_LENGTHS) ??
		urlError('url', existing && !('url' in fields) ? existing.url : fields.url, true) ??
		urlError('fallback_url', fields.fallback_url, false);
	if (error) return error;
	if (!existing) {
		if (fields.failure_type === undefined || fields.failure_type === null)
			fields.failure_type = 'Ignore';
		if (fields.cache_length === undefined || fields.cache_length === null)
			fields.cache_length = 'Short';
	}
	return null;
}
