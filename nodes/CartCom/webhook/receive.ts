import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { eventOf, isAnswerEvent } from './events';
import { readSubscriptions } from './state';

/** Constant-time comparison; hashing first makes the lengths equal, so length leaks nothing either. */
function tokenMatches(given: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return given !== '' && timingSafeEqual(digest(given), digest(expected));
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A notify event's item: the record unwrapped from the documented key (`order`, `product`, …) with
 * `event` and whatever else the request carries (`old_status`/`new_status`, `old_email`/`new_email`).
 * A question's item is the whole request, so the workflow sees everything Cart.com asked with.
 */
export function itemOf(event: string, body: IDataObject): IDataObject {
	const wrapper = isAnswerEvent(event) ? undefined : eventOf(event)?.wrapper;
	const record = wrapper ? body[wrapper] : undefined;
	if (wrapper && isObject(record)) {
		const rest = { ...body };
		delete rest[wrapper];
		return { ...record, ...rest, event };
	}
	return { ...body, event };
}

/**
 * Cart.com signs nothing (docs/webhooks.md), so a request counts only when it carries the secret
 * token this activation registered, for an event it registered; anything else gets 401 and
 * starts no execution.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const webhookUrl = this.getNodeWebhookUrl('default') ?? '';
	const subscription = readSubscriptions(this)[webhookUrl];
	const query = this.getQueryData() as IDataObject;
	const event = typeof query.event === 'string' ? query.event : '';
	const token = typeof query.token === 'string' ? query.token : '';
	const accepted =
		subscription !== undefined &&
		tokenMatches(token, subscription.token) &&
		subscription.registrations.some((registration) => registration.event === event);
	if (!accepted) {
		this.getResponseObject().status(401).json({ message: 'Unauthorized' });
		return { noWebhookResponse: true };
	}
	const body = this.getBodyData();
	return { workflowData: [[{ json: itemOf(event, isObject(body) ? body : {}) }]] };
}
