import type { INode, NodeApiError } from 'n8n-workflow';

import { apiError, type ApiFailure } from '../../shared/http';
import type { CartComErrorBody } from './envelope';

export { transportError as cartComTransportError } from '../../shared/http';

const HINTS: Record<string, string> = {
	'400': 'The request was missing data Cart.com needs; the details name the field.',
	'403':
		'The credential is valid but not allowed to do this: give the API token the scope for this resource (e.g. read_orders / orders).',
	'404': 'The record or route does not exist in this store. Check the ID.',
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

/** Builds the NodeApiError for a Cart.com HTTP error, keeping Cart.com's own message and details. */
export function cartComApiError(input: ApiErrorInput): NodeApiError {
	const { statusCode, body } = input;
	const hint =
		statusCode === 401
			? AUTH_HINT[input.authentication]
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
	return apiError(failure);
}
