import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { CartComErrorBody } from './envelope';
import { encodeQueryComponent } from './query';

/**
 * The forms a secret can take in text that reaches an error: as sent, JSON-escaped (an echoed body),
 * URL-encoded either way (an echoed URL), and base64 (an echoed Basic header).
 */
function encodedForms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const uri = encodeURIComponent(secret);
	const base64 = Buffer.from(secret, 'utf8').toString('base64');
	const forms = new Set([
		secret,
		json,
		uri,
		uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		encodeQueryComponent(secret),
		base64,
		base64.replace(/=+$/, ''),
		base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
	]);
	return [...forms].filter(Boolean);
}

/**
 * Replaces every occurrence of a secret, in any of its encoded forms, with `***`. Short secrets are
 * redacted too: an over-redacted message is a smaller harm than a leaked credential.
 */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	// Longest first, so that a form containing another is replaced whole.
	const forms = secrets.filter(Boolean).flatMap(encodedForms);
	forms.sort((a, b) => b.length - a.length);
	for (const form of forms) result = result.split(form).join('***');
	return result;
}

/** Deep redaction of every string (keys included), for error bodies shown in n8n's error panel. */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redact(node, secrets);
		if (Array.isArray(node)) return node.map(walk);
		if (node !== null && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node).map(([key, entry]) => [redact(key, secrets), walk(entry)]));
		}
		return node;
	};
	return walk(value) as T;
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

/** Errors of writes whose outcome is unknown: the store may or may not have applied them. */
const ambiguousWrites = new WeakSet<Error>();

export function markAmbiguousWrite<E extends Error>(error: E): E {
	ambiguousWrites.add(error);
	return error;
}

/**
 * Whether a failed write may nevertheless have been applied (a reset, a 5xx, a deadline or an
 * unreadable answer after the request was sent). Such a write is re-read, never re-sent.
 */
export function isAmbiguousWriteFailure(error: unknown): boolean {
	return error instanceof Error && ambiguousWrites.has(error);
}
