/**
 * How CartRover's failures are worded: every error names CartRover's `error_code`, its message and
 * the `X-CartRover-Process-ID` header (spec page: "include your API User and the
 * X-CartRover-Process-ID response header value"), never the key or the Authorization header.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { redact, redactJson } from '../../shared/http';

export interface CartRoverErrorFields {
	errorCode: string | undefined;
	message: string;
	processId: string | undefined;
}

const fieldsByError = new WeakMap<Error, CartRoverErrorFields>();

/** The CartRover error fields of a NodeApiError thrown by this transport, or undefined. */
export function cartRoverErrorOf(error: unknown): CartRoverErrorFields | undefined {
	return error instanceof Error ? fieldsByError.get(error) : undefined;
}

const HINTS: Record<string, string> = {
	Invalid:
		'CartRover found data missing or invalid. If every call fails like this, check that the credential’s API Level matches its keys (each level has its own keys).',
	Failure: 'A hard error on CartRover’s side, e.g. a duplicate order (cust_ref already used).',
	RateLimit:
		'Over CartRover’s API limit (100 calls, one more every 0.6 s, shared by every app using these keys). The node waited and retried; run fewer calls at once or less often.',
};

export interface CartRoverFailure {
	node: INode;
	method: string;
	path: string;
	statusCode: number | undefined;
	errorCode: string | undefined;
	/** CartRover's own message, or what went wrong when it gave none. */
	message: string;
	processId: string | undefined;
	/** What happened and what the user can do, beyond CartRover's own hint for its error code. */
	description?: string;
	secrets: readonly string[];
	itemIndex?: number;
}

/** One NodeApiError shape for every failure, with CartRover's fields in message, description and body. */
export function cartRoverError(failure: CartRoverFailure): NodeApiError {
	const { secrets } = failure;
	const tags = [
		failure.errorCode ? `error_code ${failure.errorCode}` : undefined,
		failure.processId ? `process id ${failure.processId}` : undefined,
	].filter(Boolean);
	const summary = `CartRover ${failure.method} ${failure.path} failed: ${failure.message}${
		tags.length ? ` (${tags.join(', ')})` : ''
	}`;
	const description = [
		failure.description,
		failure.errorCode ? HINTS[failure.errorCode] : undefined,
		failure.processId
			? `X-CartRover-Process-ID: ${failure.processId} (give it to CartRover support with your API User).`
			: undefined,
	]
		.filter(Boolean)
		.join(' ');
	const errorResponse = redactJson(
		{
			error_code: failure.errorCode ?? null,
			message: failure.message,
			process_id: failure.processId ?? null,
			status_code: failure.statusCode ?? null,
			request: `${failure.method} ${failure.path}`,
		},
		secrets,
	) as JsonObject;
	const error = new NodeApiError(failure.node, errorResponse, {
		message: redact(summary, secrets),
		description: redact(description, secrets),
		httpCode: failure.statusCode === undefined ? undefined : String(failure.statusCode),
		itemIndex: failure.itemIndex,
	});
	// NodeApiError swaps a message that contains a Node error code (ECONNREFUSED, EPERM…) for n8n's
	// generic wording; CartRover's message, code and process id must stay in it.
	error.message = redact(summary, secrets);
	fieldsByError.set(error, {
		errorCode: failure.errorCode,
		message: redact(failure.message, secrets),
		processId: failure.processId,
	});
	return error;
}
