import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { CartComErrorBody } from './envelope';

/** Replaces every occurrence of a secret with `***`; secrets shorter than 4 chars are too ambiguous to hunt. */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
}

/** Deep redaction through JSON, for error bodies shown in n8n's error panel. */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
	if (value === undefined) return value;
	return JSON.parse(redact(JSON.stringify(value), secrets)) as T;
}

const HINTS: Record<string, string> = {
	'400': 'The request was missing data Cart.com needs; the details name the field.',
	'403': 'The credential is valid but not allowed to do this: give the API token the scope for this resource (e.g. read_orders / orders).',
	'404': 'The record or route does not exist in this store. Check the ID.',
	'405': 'Cart.com does not allow this operation on this resource.',
	'409': 'Cart.com refused the values sent (validation). Fix the fields named in the details.',
	'429': 'The store’s API call budget is used up. The node waited and retried; lower the concurrency or run the workflow less often.',
	'500': 'Cart.com failed while handling the request. Reads are retried automatically; writes are not, so check the record before running again.',
};

const AUTH_HINT = {
	accessToken:
		'Check the Access Token and Store Domain in the "Cart.com API" credential. Tokens are made in the store admin under Tools → Apps & Addons → API Apps & Integrations.',
	centralApiRouter:
		'Check User Name, User Secret and Site ID in the "Cart.com Central API Router" credential.',
};

export interface ApiErrorInput {
	node: INode;
	statusCode: number;
	body: CartComErrorBody | undefined;
	method: string;
	path: string;
	authentication: keyof typeof AUTH_HINT;
	secrets: readonly string[];
	itemIndex?: number;
	extraDescription?: string;
}

/** Builds the NodeApiError for a Cart.com HTTP error, keeping Cart.com's own message and details. */
export function cartComApiError(input: ApiErrorInput): NodeApiError {
	const { statusCode, body, secrets } = input;
	const code = String(statusCode);
	const details =
		body?.details === undefined || body.details === null || body.details === ''
			? undefined
			: typeof body.details === 'string'
				? body.details
				: JSON.stringify(body.details);
	const apiMessage = body?.message ? `${body.message}` : `HTTP ${code}`;
	const hint =
		statusCode === 401
			? AUTH_HINT[input.authentication]
			: (HINTS[code] ?? (statusCode >= 500 ? HINTS['500'] : undefined));
	const description = [details, hint, input.extraDescription].filter(Boolean).join(' — ');
	const errorResponse = redactJson(
		{ status_code: statusCode, message: apiMessage, details: details ?? null, request: `${input.method} ${input.path}` },
		secrets,
	) as JsonObject;
	return new NodeApiError(input.node, errorResponse, {
		message: redact(`Cart.com ${input.method} ${input.path} failed: ${apiMessage} (${code})`, secrets),
		description: redact(description, secrets),
		httpCode: code,
		itemIndex: input.itemIndex,
	});
}

/** For failures without an HTTP response (resets, timeouts, unreadable bodies). */
export function cartComTransportError(
	node: INode,
	summary: string,
	description: string,
	secrets: readonly string[],
	itemIndex?: number,
): NodeApiError {
	return new NodeApiError(node, { message: redact(summary, secrets) } as JsonObject, {
		message: redact(summary, secrets),
		description: redact(description, secrets),
		itemIndex,
	});
}
