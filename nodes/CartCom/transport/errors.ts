import { NodeApiError, type INode } from 'n8n-workflow';

import { apiError, type ApiFailure } from '../../shared/http';
import type { CartComErrorBody } from './envelope';

export { transportError as cartComTransportError } from '../../shared/http';

/** The generic 404 hint; an operation that knows what it looked for words its own (`explainNotFound`). */
const NOT_FOUND_HINT = 'The record or route does not exist in this store. Check the ID.';

const HINTS: Record<string, string> = {
	'400': 'The request was missing data Cart.com needs; the details name the field.',
	'403':
		'The credential is valid but not allowed to do this: give the API token the scope for this resource (e.g. read_orders / orders).',
	'405': 'Cart.com does not allow this operation on this resource.',
	'409': 'Cart.com refused the values sent (validation). Fix the fields named in the details.',
	'429':
		'The store’s API call budget is used up. The node waited and retried; lower the concurrency or run the workflow less often.',
	'500':
		'Cart.com failed while handling the request. Reads are retried automatically; writes are not, so check the record before running again.',
};

const AUTH_HINT = {
	accessToken:
		'Check the Access Token and Store Domain in the "Cart.com API" credential. Tokens are made in the store admin under Tools → Apps & Addons → API Apps & Integrations.',
	centralApiRouter:
		'Check User Name, User Secret and Site ID in the "Cart.com Central API Router" credential.',
	oAuth2:
		'Cart.com refused the access token even after n8n renewed it. Check Store Domain in the "Cart.com OAuth API" credential; if the app was uninstalled, authorize it again (npm run oauth:authorize).',
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

/** `details` of Cart.com's error body as text: it is a string, or sometimes an object. */
function detailsText(details: unknown): string | undefined {
	if (details === undefined || details === null || details === '') return undefined;
	return typeof details === 'string' ? details : JSON.stringify(details);
}

/** The hint each error was built with, so that an operation can replace it with its own. */
const hintOf = new WeakMap<NodeApiError, string>();

/** A 404 on one record's route (`/products/99999`) says which ID was missing. */
function notFoundHint(path: string): string {
	const record = /^\/([a-z_]+)\/(\d+)$/.exec(path);
	if (!record) return NOT_FOUND_HINT;
	return `Nothing in this store has ID ${record[2]} at /${record[1]}. Check the ID, or pick the record from the list.`;
}

/** Builds the NodeApiError for a Cart.com HTTP error, keeping Cart.com's own message and details. */
export function cartComApiError(input: ApiErrorInput): NodeApiError {
	const { statusCode, body } = input;
	const hint =
		statusCode === 401
			? AUTH_HINT[input.authentication]
			: statusCode === 404
				? notFoundHint(input.path)
				: (HINTS[String(statusCode)] ?? (statusCode >= 500 ? HINTS['500'] : undefined));
	const failure: ApiFailure = {
		node: input.node,
		service: 'Cart.com',
		statusCode,
		message: body?.message,
		details: detailsText(body?.details),
		hint,
		extraDescription: input.extraDescription,
		method: input.method,
		path: input.path,
		secrets: input.secrets,
		itemIndex: input.itemIndex,
	};
	const error = apiError(failure);
	if (hint) hintOf.set(error, hint);
	return error;
}

/**
 * Replaces the generic 404 hint of a Cart.com error with what the operation looked for, e.g.
 * "No order with ID 5 in this store": the transport knows routes, the operation knows the task.
 * Anything else is returned unchanged.
 */
export function withNotFoundHint(error: unknown, hint: string): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return error;
	const description = error.description ?? '';
	const generic = hintOf.get(error);
	error.description =
		generic && description.includes(generic)
			? description.replace(generic, hint)
			: [description, hint].filter(Boolean).join(' — ');
	hintOf.set(error, hint);
	return error;
}

/** Runs `send` (one or more requests) and words a 404 from it with the operation's own `hint`. */
export async function explainNotFound<T>(hint: string, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		throw withNotFoundHint(error, hint);
	}
}
