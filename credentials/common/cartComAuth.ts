/**
 * Cart.com's two credentials, as both the credential classes (credentials/*.credentials.ts) and
 * Cart.com's transport need them: the credential fields read and checked, the store's API base,
 * the Central API Router signature, and the rule that a request carrying them never leaves the API
 * base nor follows a redirect. It lives beside the credentials, not inside nodes/CartCom/, so that
 * a credential never loads a node's transport.
 */
import { createHmac } from 'crypto';
import type { IAuthenticateRuleResponseCode, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { z } from 'zod';

import { appendQuery, type Query } from '../../nodes/shared/http';

export const ACCESS_TOKEN_CREDENTIAL = 'cartComApi';
export const ROUTER_CREDENTIAL = 'cartComRouterApi';
export const DEFAULT_ROUTER_URL = 'https://public.americommerce.com/api/v1/';
const API_PATH = '/api/v1';

export type AuthenticationType = 'accessToken' | 'centralApiRouter';

export const credentialTypeFor = (authentication: AuthenticationType) =>
	authentication === 'centralApiRouter' ? ROUTER_CREDENTIAL : ACCESS_TOKEN_CREDENTIAL;

/** Thrown for credential values that can never work; `field` is the credential field's display name. */
export class CredentialInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'CredentialInputError';
	}
}

function tryParseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const HOST_PATTERN =
	/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[::1\]$/i;

/**
 * Turns what a merchant types (`mystore.com`, `https://mystore.com/`, `https://mystore.com/api/v1`)
 * into the API base `https://mystore.com/api/v1`. Anything else (a path, a query, spaces, another
 * scheme, plain http to a public host) is refused with a message that says what to type instead.
 */
export function normalizeApiBase(raw: string, field: string): string {
	const input = (raw ?? '').trim();
	if (!input)
		throw new CredentialInputError(
			field,
			`${field} is empty: enter your store's domain, e.g. mystore.com`,
		);
	if (/\s/.test(input)) throw new CredentialInputError(field, `${field} must not contain spaces`);

	const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input);
	const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : 'https';
	if (scheme !== 'https' && scheme !== 'http') {
		throw new CredentialInputError(field, `${field} must use https:// (got ${scheme}://)`);
	}
	const url = tryParseUrl(schemeMatch ? input : `https://${input}`);
	if (!url)
		throw new CredentialInputError(field, `${field} is not a valid domain, e.g. mystore.com`);
	if (url.username || url.password) {
		throw new CredentialInputError(field, `${field} must not contain a user name or password`);
	}
	if (url.search || url.hash) {
		throw new CredentialInputError(
			field,
			`${field} must not contain a query (?…) or fragment (#…)`,
		);
	}
	if (!HOST_PATTERN.test(url.hostname)) {
		throw new CredentialInputError(field, `${field} has an invalid host name "${url.hostname}"`);
	}
	if (scheme === 'http' && !LOOPBACK_HOSTS.test(url.hostname)) {
		throw new CredentialInputError(
			field,
			`${field} must use https://; plain http:// is only accepted for a local test server (localhost / 127.0.0.1)`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (path !== '' && path.toLowerCase() !== API_PATH) {
		throw new CredentialInputError(
			field,
			`${field} must be the store's domain only, without a path (got "${url.pathname}"); e.g. mystore.com`,
		);
	}
	return `${url.protocol}//${url.host}${API_PATH}`;
}

const nonEmpty = (label: string) =>
	z
		.string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
		.trim()
		.min(1, `${label} is required`);

export const accessTokenCredentialsSchema = z
	.object({
		storeDomain: z.string().optional().default(''),
		accessToken: nonEmpty('Access Token'),
	})
	.passthrough()
	.transform((value) => ({
		kind: 'accessToken' as const,
		apiBase: normalizeApiBase(value.storeDomain, 'Store Domain'),
		accessToken: value.accessToken,
	}));

export const routerCredentialsSchema = z
	.object({
		userName: nonEmpty('User Name'),
		userSecret: nonEmpty('User Secret'),
		siteId: nonEmpty('Site ID').regex(/^\d+$/, 'Site ID must be a number (the PSID of your store)'),
		routerUrl: z.string().optional(),
	})
	.passthrough()
	.transform((value) => ({
		kind: 'centralApiRouter' as const,
		apiBase: normalizeApiBase(value.routerUrl || DEFAULT_ROUTER_URL, 'API Router URL'),
		userName: value.userName,
		userSecret: value.userSecret,
		siteId: value.siteId,
	}));

export type AccessTokenCredentials = z.output<typeof accessTokenCredentialsSchema>;
export type RouterCredentials = z.output<typeof routerCredentialsSchema>;
export type CartComCredentials = AccessTokenCredentials | RouterCredentials;

/** Parses raw credential data; throws CredentialInputError naming the first bad field. */
export function parseCredentials(type: string, data: unknown): CartComCredentials {
	const schema =
		type === ROUTER_CREDENTIAL ? routerCredentialsSchema : accessTokenCredentialsSchema;
	// normalizeApiBase throws CredentialInputError from inside the transform; zod lets it through
	const result = schema.safeParse(data ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new CredentialInputError(String(issue.path[0] ?? 'credential'), issue.message);
}

/** The values that must never appear in an error, a log line or an output item. */
export function secretsOf(credentials: CartComCredentials): string[] {
	return credentials.kind === 'accessToken'
		? [credentials.accessToken]
		: [credentials.userSecret, credentials.userName];
}

/**
 * base64(HMAC-SHA256(secret, METHOD&/api/v1/path?query&user)): the Central API Router signature,
 * as Airbyte's live-tested Cart.com connector computes it (airbytehq/airbyte,
 * airbyte-integrations/connectors/source-cart/source_cart/source.py).
 */
export function signRouterRequest(
	method: string,
	pathAndQuery: string,
	userName: string,
	userSecret: string,
): string {
	return createHmac('sha256', Buffer.from(userSecret, 'utf8'))
		.update(`${method.toUpperCase()}&${pathAndQuery}&${userName}`, 'utf8')
		.digest('base64');
}

/**
 * Resolves a request against the API base into one absolute URL with the query already encoded,
 * so that what is signed is exactly what goes on the wire (no later re-serialisation of `qs`).
 * Absolute URLs are only accepted on the same API base, so credentials never travel elsewhere.
 */
export function resolveRequestUrl(apiBase: string, requestOptions: IHttpRequestOptions): URL {
	const target = requestOptions.url ?? '';
	let absolute: string;
	if (/^https?:\/\//i.test(target)) {
		if (!target.startsWith(`${apiBase}/`) && target !== apiBase) {
			throw new CredentialInputError(
				'url',
				'Refusing to send Cart.com credentials to another host',
			);
		}
		absolute = target;
	} else {
		absolute = `${apiBase}/${target.replace(/^\/+/, '')}`;
	}
	return new URL(appendQuery(absolute, requestOptions.qs as Query | undefined));
}

/**
 * Shared by both credential types: resolve the URL, drop `qs`, set the given auth headers, and
 * never follow a redirect: n8n would send these headers on to wherever the redirect points, even
 * to another host or to plain http. Set here, it holds for every request the credential signs,
 * the credential test included.
 */
export function withResolvedUrl(
	requestOptions: IHttpRequestOptions,
	apiBase: string,
	headersFor: (url: URL) => IDataObject,
): IHttpRequestOptions {
	const url = resolveRequestUrl(apiBase, requestOptions);
	const rest: IHttpRequestOptions = { ...requestOptions };
	delete rest.qs;
	delete rest.baseURL;
	return {
		...rest,
		url: url.toString(),
		headers: { ...(requestOptions.headers ?? {}), ...headersFor(url) },
		disableFollowRedirect: true,
	};
}

export function authenticateWithToken(
	credentials: AccessTokenCredentials,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	return withResolvedUrl(requestOptions, credentials.apiBase, () => ({
		'X-AC-Auth-Token': credentials.accessToken,
	}));
}

export function authenticateWithRouter(
	credentials: RouterCredentials,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	return withResolvedUrl(requestOptions, credentials.apiBase, (url) => ({
		'X-AC-PUB-Site-ID': credentials.siteId,
		'X-AC-PUB-User': credentials.userName,
		'X-AC-PUB-Auth-Signature': signRouterRequest(
			method,
			`${url.pathname}${url.search}`,
			credentials.userName,
			credentials.userSecret,
		),
	}));
}

/**
 * The router signature this request will carry. It covers no timestamp and no body, so it can be
 * replayed: it is redacted from errors like the credential's own secrets.
 */
export function signatureOf(
	credentials: CartComCredentials,
	method: string,
	url: string,
): string | undefined {
	if (credentials.kind !== 'centralApiRouter') return undefined;
	const resolved = resolveRequestUrl(credentials.apiBase, {
		url,
		method: method as IHttpRequestOptions['method'],
	});
	return signRouterRequest(
		method,
		`${resolved.pathname}${resolved.search}`,
		credentials.userName,
		credentials.userSecret,
	);
}

/** Credential-test rules for a redirect, which the test request does not follow (see withResolvedUrl). */
export function redirectTestRules(field: string): IAuthenticateRuleResponseCode[] {
	return [301, 302, 303, 307, 308].map((value) => ({
		type: 'responseCode' as const,
		properties: {
			value,
			message: `The store answered with a redirect (${value}), which is not followed so that the credential is not sent elsewhere. Check ${field}: enter the domain the store serves its API on.`,
		},
	}));
}
