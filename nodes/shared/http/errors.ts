import {
	NodeApiError,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { redact, redactJson } from './redaction';

/** The n8n contexts that send requests: action nodes, poll triggers, list pickers and webhook registration. */
export type HttpFunctions =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

/** What a service said when it refused a request, already read from its error body. */
export interface ApiFailure {
	node: INode;
	/** The service, first word of the message: "Cart.com". */
	service: string;
	statusCode: number;
	/** The service's own message; `HTTP <code>` when it gave none. */
	message?: string;
	details?: string;
	/** What the user can do about it. */
	hint?: string;
	extraDescription?: string;
	method: string;
	path: string;
	secrets: readonly string[];
	itemIndex?: number;
}

/** The NodeApiError for a refused request, keeping the service's own message and details, without secrets. */
export function apiError(failure: ApiFailure): NodeApiError {
	const { statusCode, details, secrets } = failure;
	const code = String(statusCode);
	const apiMessage = failure.message ? failure.message : `HTTP ${code}`;
	const description = [details, failure.hint, failure.extraDescription].filter(Boolean).join(' — ');
	const errorResponse = redactJson(
		{
			status_code: statusCode,
			message: apiMessage,
			details: details ?? null,
			request: `${failure.method} ${failure.path}`,
		},
		secrets,
	) as JsonObject;
	return new NodeApiError(failure.node, errorResponse, {
		message: redact(
			`${failure.service} ${failure.method} ${failure.path} failed: ${apiMessage} (${code})`,
			secrets,
		),
		description: redact(description, secrets),
		httpCode: code,
		itemIndex: failure.itemIndex,
	});
}

/** For failures without a usable answer (resets, timeouts, redirects, unreadable bodies). */
export function transportError(
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

/** Errors of writes whose outcome is unknown: the service may or may not have applied them. */
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

/**
 * Something the user should know although the node went on: logged, and shown on the node's output
 * where n8n supports execution hints (action nodes). Secrets are redacted first.
 */
export function warnUser(
	ctx: HttpFunctions,
	connection: { secrets: readonly string[] },
	message: string,
): void {
	const text = redact(message, connection.secrets);
	ctx.logger.warn(text);
	if ('addExecutionHints' in ctx && typeof ctx.addExecutionHints === 'function') {
		ctx.addExecutionHints({ message: text, type: 'warning', location: 'outputPane' });
	}
}
