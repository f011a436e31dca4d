/**
 * CartRover's (Extensiv Integration Manager) credential, as both the credential class
 * (credentials/CartRoverApi.credentials.ts) and CartRover's transport need it: the fields read and
 * checked, the API base, HTTP Basic signing, and the rule that a request carrying the keys never
 * leaves the API base nor follows a redirect. It lives beside the credentials, not inside
 * nodes/CartRover/, so that a credential never loads a node's transport.
 *
 * Facts from the spec page (https://versori.com/open-api-spec-library/cartrover-api): base URL
 * `https://api.cartrover.com`, HTTP Basic `api_user:api_key`, one set of keys per API level.
 * The `/v1/{cart|merchant|wms}` prefix is what the official PHP client (CartRover/cartrover-php,
 * lib/CartRover/APIObject.php) puts in front of every endpoint.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { z } from 'zod';

import { appendQuery, type Query } from '../../nodes/shared/http';

export const CARTROVER_CREDENTIAL = 'cartRoverApi';
export const DEFAULT_CARTROVER_URL = 'https://api.cartrover.com';
/** Every endpoint sits below this path (PHP client, APIObject.php). */
export const CARTROVER_API_PATH = '/v1';

export const CARTROVER_LEVELS = ['cart', 'merchant', 'wms'] as const;
export type CartRoverLevel = (typeof CARTROVER_LEVELS)[number];

/** Thrown for credential values that can never work; `field` is the credential field's display name. */
export class CartRoverCredentialError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'CartRoverCredentialError';
	}
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const HOST_PATTERN =
	/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[::1\]$/i;

function tryParseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * Turns the API URL field (`https://api.cartrover.com`, with or without a trailing `/` or `/v1`)
 * into the base every request is resolved against, `https://api.cartrover.com` (no `/v1`).
 * Refused: another scheme, plain http to a host other than loopback (a local simulator), a
 * user name or password, a query or fragment, any other path.
 */
export function normalizeCartRoverUrl(raw: string | undefined, field = 'API URL'): string {
	const input = (raw ?? '').trim() || DEFAULT_CARTROVER_URL;
	if (/\s/.test(input))
		throw new CartRoverCredentialError(field, `${field} must not contain spaces`);
	const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input);
	const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : 'https';
	if (scheme !== 'https' && scheme !== 'http')
		throw new CartRoverCredentialError(field, `${field} must use https:// (got ${scheme}://)`);
	const url = tryParseUrl(schemeMatch ? input : `https://${input}`);
	if (!url)
		throw new CartRoverCredentialError(
			field,
			`${field} is not a valid URL, e.g. ${DEFAULT_CARTROVER_URL}`,
		);
	if (url.username || url.password)
		throw new CartRoverCredentialError(field, `${field} must not contain a user name or password`);
	if (url.search || url.hash)
		throw new CartRoverCredentialError(
			field,
			`${field} must not contain a query (?…) or fragment (#…)`,
		);
	if (!HOST_PATTERN.test(url.hostname))
		throw new CartRoverCredentialError(
			field,
			`${field} has an invalid host name "${url.hostname}"`,
		);
	if (scheme === 'http' && !LOOPBACK_HOSTS.test(url.hostname))
		throw new CartRoverCredentialError(
			field,
			`${field} must use https://; plain http:// is only accepted for a local test server (localhost / 127.0.0.1)`,
		);
	const path = url.pathname.replace(/\/+$/, '');
	if (path !== '' && path.toLowerCase() !== CARTROVER_API_PATH)
		throw new CartRoverCredentialError(
			field,
			`${field} must be the API's address only, without a path (got "${url.pathname}"), e.g. ${DEFAULT_CARTROVER_URL}`,
		);
	return `${url.protocol}//${url.host}`;
}

const nonEmpty = (label: string) =>
	z
		.string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
		.trim()
		.min(1, `${label} is required`);

export const cartRoverCredentialsSchema = z
	.object({
		apiUser: nonEmpty('API User').refine((value) => !value.includes(':'), {
			message: 'API User must not contain ":" (HTTP Basic separates user and key with it)',
		}),
		apiKey: nonEmpty('API Key'),
		apiLevel: z.enum(CARTROVER_LEVELS, {
			errorMap: () => ({ message: 'API Level must be Cart, Merchant or Warehouse' }),
		}),
		apiUrl: z.string().optional(),
	})
	.passthrough()
	.transform((value) => ({
		apiUser: value.apiUser,
		apiKey: value.apiKey,
		level: value.apiLevel,
		baseUrl: normalizeCartRoverUrl(value.apiUrl),
	}));

export type CartRoverCredentials = z.output<typeof cartRoverCredentialsSchema>;

const FIELD_NAMES: Record<string, string> = {
	apiUser: 'API User',
	apiKey: 'API Key',
	apiLevel: 'API Level',
	apiUrl: 'API URL',
};

/** Parses raw credential data; throws CartRoverCredentialError naming the first bad field. */
export function parseCartRoverCredentials(data: unknown): CartRoverCredentials {
	// normalizeCartRoverUrl throws CartRoverCredentialError from inside the transform; zod lets it through
	const result = cartRoverCredentialsSchema.safeParse(data ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const key = String(issue.path[0] ?? 'credential');
	throw new CartRoverCredentialError(FIELD_NAMES[key] ?? key, issue.message);
}

/** The `Authorization` header value: Basic base64(api_user:api_key) (spec page, "Basic Auth"). */
export function basicAuthorization(credentials: { apiUser: string; apiKey: string }): string {
	return `Basic ${Buffer.from(`${credentials.apiUser}:${credentials.apiKey}`, 'utf8').toString('base64')}`;
}

/**
 * The values that must never appear in an error, a log line or an output item: the key, and
 * `user:key`, whose base64 is the Basic header (redact() covers each secret's base64 form). The
 * API user alone is not secret: CartRover's support asks for it (spec page, "Getting Help").
 */
export function cartRoverSecretsOf(credentials: { apiUser: string; apiKey: string }): string[] {
	return [credentials.apiKey, `${credentials.apiUser}:${credentials.apiKey}`];
}

/**
 * Resolves a request against the API base into one absolute URL with the query already encoded
 * (so a `+` goes out as `%2B`). Absolute URLs are only accepted on the same base, so the keys never
 * travel elsewhere.
 */
export function resolveCartRoverUrl(baseUrl: string, requestOptions: IHttpRequestOptions): URL {
	const target = requestOptions.url ?? '';
	let absolute: string;
	if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
		if (!target.startsWith(`${baseUrl}/`)) {
			throw new CartRoverCredentialError(
				'url',
				'Refusing to send CartRover credentials to another host',
			);
		}
		absolute = target;
	} else {
		absolute = `${baseUrl}/${target.replace(/^\/+/, '')}`;
	}
	const url = new URL(appendQuery(absolute, requestOptions.qs as Query | undefined));
	if (`${url.protocol}//${url.host}` !== baseUrl) {
		throw new CartRoverCredentialError(
			'url',
			'Refusing to send CartRover credentials to another host',
		);
	}
	return url;
}

/**
 * Signs a request: resolve the URL against the base, drop `qs`, add HTTP Basic, and never follow a
 * redirect (n8n would send the Authorization header on to wherever it points). Set here, it holds
 * for every request the credential signs. (The credential test, nodes/CartRover/methods/
 * credentialTest.ts, signs its one request itself, with basicAuthorization, and follows no redirect
 * either.)
 */
export function authenticateCartRover(
	credentials: CartRoverCredentials,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const url = resolveCartRoverUrl(credentials.baseUrl, requestOptions);
	const rest: IHttpRequestOptions = { ...requestOptions };
	delete rest.qs;
	delete rest.baseURL;
	delete rest.auth;
	return {
		...rest,
		url: url.toString(),
		headers: { ...(requestOptions.headers ?? {}), Authorization: basicAuthorization(credentials) },
		disableFollowRedirect: true,
	};
}

/**
 * The cheapest read that proves the keys at each level (paths below the API base):
 * - Merchant: `GET /v1/merchant/inventory?limit=1`, the call Celigo's CartRover connector pings.
 * - Cart: `GET /v1/cart/orders/list/new?limit=1`, a list every Cart-level client reads (ExtRuby,
 *   the PHP fork). `cart/list` was not chosen: the PHP client documents it as "all carts for this
 *   merchant", so it may need Merchant keys; `list/any` without `from_date` can time out.
 * - Warehouse: `GET /v1/wms/shipmethod/list` (PHP client, WMS::ListShipMethods).
 */
export const CREDENTIAL_TEST_PATHS: Record<CartRoverLevel, string> = {
	cart: '/v1/cart/orders/list/new?limit=1',
	merchant: '/v1/merchant/inventory?limit=1',
	wms: '/v1/wms/shipmethod/list',
};
