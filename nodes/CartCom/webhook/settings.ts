import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isAnswerEvent, isNotifyEvent } from './events';

export type EventKind = 'notify' | 'answer';

/** What the node registers: the event types and the optional fields of each webhook record. */
export interface RegistrationSettings {
	kind: EventKind;
	events: string[];
	/** Only the fields the user set, in Cart.com's names (docs/webhooks.md "Subscribing"). */
	fields: IDataObject;
}

const FAILURE_TYPES = ['Ignore', 'Error', 'Fallback'];
const CACHE_LENGTHS = ['Short', 'Long', 'NoCache'];

function fail(ctx: IHookFunctions, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		description: 'Correct the field named above and activate the workflow again.',
	});
}

function isWebUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Reads and checks the node's parameters before any request; bad input names the field. */
export function readSettings(ctx: IHookFunctions): RegistrationSettings {
	const kind: EventKind =
		ctx.getNodeParameter('eventKind', 'notify') === 'answer' ? 'answer' : 'notify';
	let events: string[];
	if (kind === 'notify') {
		const chosen = ctx.getNodeParameter('events', []) as unknown;
		events = Array.isArray(chosen) ? chosen.map(String) : [];
		if (events.length === 0) fail(ctx, 'Events: choose at least one event');
		const unknown = events.filter((event) => !isNotifyEvent(event));
		if (unknown.length > 0) fail(ctx, `Events: unknown event ${unknown.join(', ')}`);
		events = [...new Set(events)];
	} else {
		const event = String(ctx.getNodeParameter('answerEvent', 'GetPrice'));
		if (!isAnswerEvent(event)) fail(ctx, `Question: unknown event ${event}`);
		events = [event];
	}

	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const fields: IDataObject = {};
	if (options.storeId !== undefined && options.storeId !== '' && options.storeId !== null) {
		const storeId = Number(options.storeId);
		if (!Number.isInteger(storeId) || storeId < 1)
			fail(ctx, `Store ID must be a whole number of 1 or more, not "${String(options.storeId)}"`);
		fields.store_id = storeId;
	}
	// The failure handling applies to questions only: Cart.com waits for nobody on a notify event.
	if (kind === 'answer') {
		if (options.failureType !== undefined) {
			const failureType = String(options.failureType);
			if (!FAILURE_TYPES.includes(failureType))
				fail(ctx, `If the Workflow Fails or Is Late: unknown choice "${failureType}"`);
			fields.failure_type = failureType;
		}
		if (options.fallbackUrl !== undefined && String(options.fallbackUrl).trim() !== '') {
			const fallbackUrl = String(options.fallbackUrl).trim();
			if (!isWebUrl(fallbackUrl))
				fail(ctx, 'Fallback URL must be a full http(s) address, e.g. https://example.com/fallback');
			fields.fallback_url = fallbackUrl;
		}
		if (fields.failure_type === 'Fallback' && fields.fallback_url === undefined)
			fail(
				ctx,
				'Fallback URL is required when If the Workflow Fails or Is Late is Ask the Fallback URL',
			);
		if (options.cacheLength !== undefined) {
			const cacheLength = String(options.cacheLength);
			if (!CACHE_LENGTHS.includes(cacheLength))
				fail(ctx, `Cache Answers For: unknown choice "${cacheLength}"`);
			fields.cache_length = cacheLength;
		}
	}
	return { kind, events, fields };
}

/** Identifies what was registered, so a changed node is registered again on activation. */
export const settingsKey = (settings: RegistrationSettings): string =>
	JSON.stringify([[...settings.events].sort(), Object.entries(settings.fields).sort()]);
