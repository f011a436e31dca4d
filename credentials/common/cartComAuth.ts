/**
 * Cart.com's two credentials, as both the credential classes (credentials/*.credentials.ts) and
 * Cart.com's transport need them: the credential fields read and checked, the store's API base,
 * the Central API Router signature, and the rule that a request carrying them never leaves the API
 * base nor follows a redirect. It lives beside the credentials, not inside nodes/CartCom/, so that
 * a credential never loads a node's transport.
 */
import { createHmac } from 'crypto';
import type {
	IAuthenticateRuleResponseCode,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { appendQuery, encodeQueryComponent, type Query } from '../../nodes/shared/http';
import {
	OAUTH_CREDENTIAL,
	oauthCredentialsSchema,
	oauthSecretsOf,
	type OAuthCredentials,
} from './cartComOAuth';

export const ACCESS_TOKEN_CREDENTIAL = 'cartComApi';
export const ROUTER_CREDENTIAL = 'cartComRouterApi';
export const DEFAULT_ROUTER_URL = 'https://public.americommerce.com/api/v1/';
const API_PATH = '/api/v1';

export type AuthenticationType = 'accessToken' | 'centralApiRouter' | 'oAuth2';

export const credentialTypeFor = (authentication: AuthenticationType) =>
	authentication === 'centralApiRouter'
		? ROUTER_CREDENTIAL
		: authentication === 'oAuth2'
			? OAUTH_CREDENTIAL
			: ACCESS_TOKEN_CREDENTIAL;

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
export type CartComCredentials = AccessTokenCredentials | RouterCredentials | OAuthCredentials;

/** Parses raw credential data; throws CredentialInputError naming the first bad field. */
export function parseCredentials(type: string, data: unknown): CartComCredentials {
	const schema =
		type === ROUTER_CREDENTIAL
			? routerCredentialsSchema
			: type === OAUTH_CREDENTIAL
				? oauthCredentialsSchema
				: accessTokenCredentialsSchema;
	// normalizeApiBase throws CredentialInputError from inside the transform; zod lets it through
	const result = schema.safeParse(data ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new CredentialInputError(String(issue.path[0] ?? 'credential'), issue.message);
}

/** The values that must never appear in an error, a log line or an output item. */
export function secretsOf(credentials: CartComCredentials): string[] {
	if (credentials.kind === 'oAuth2') return oauthSecretsOf(credentials);
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
 * The request shape n8n's HTTP Request node (V3, all its versions) hands to a credential's
 * authenticate(): the legacy `IRequestOptions` of helpers.requestWithAuthentication, with `uri`
 * instead of `url`, a `qs` object and request-style redirect flags
 * (n8n-nodes-base/nodes/HttpRequest/V3/HttpRequestV3.node.ts; n8n-core parseRequestObject).
 */
export interface LegacyRequestOptions {
	uri?: string;
	url?: string;
	baseURL?: string;
	method?: IHttpRequestMethods;
	qs?: IDataObject;
	qsStringifyOptions?: { arrayFormat: string };
	useQuerystring?: boolean;
	headers?: IDataObject;
	body?: unknown;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
	maxRedirects?: number;
}

/** What authenticate() returns: the node's shape, plus the legacy fields when it was given those. */
export type AuthenticatedRequest = IHttpRequestOptions &
	Pick<LegacyRequestOptions, 'uri' | 'followRedirect' | 'followAllRedirects' | 'maxRedirects'>;

export const isLegacyRequest = (
	requestOptions: IHttpRequestOptions | LegacyRequestOptions,
): requestOptions is LegacyRequestOptions =>
	!requestOptions.url && typeof (requestOptions as LegacyRequestOptions).uri === 'string';

/**
 * A query as the HTTP Request node gives it (Send Query Parameters, or Using JSON): every value
 * the user set is sent, an empty one too; a list repeats the name (`a=1&a=2`). Nested objects
 * have no agreed encoding, so they are refused instead of being sent in a form the signature and
 * the store might read differently.
 */
export function encodeUserQuery(qs: IDataObject | undefined): string {
	if (!qs) return '';
	const pairs: string[] = [];
	const add = (key: string, value: unknown) => {
		if (value === undefined || value === null) return;
		if (typeof value === 'object') {
			throw new CredentialInputError(
				'Query Parameters',
				`Query parameter "${key}" holds an object; send it as text (e.g. JSON.stringify) or as separate parameters`,
			);
		}
		pairs.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(String(value))}`);
	};
	for (const [key, value] of Object.entries(qs)) {
		if (Array.isArray(value)) value.forEach((entry) => add(key, entry));
		else add(key, value);
	}
	return pairs.join('&');
}

/** Accepts an absolute URL only on the credential's own API base (same scheme, host, port, /api/v1). */
function onApiBase(apiBase: string, target: string): URL {
	const base = new URL(apiBase);
	const url = tryParseUrl(target);
	const inside =
		url !== undefined &&
		url.origin === base.origin &&
		!url.username &&
		!url.password &&
		(url.pathname.toLowerCase() === API_PATH ||
			url.pathname.toLowerCase().startsWith(`${API_PATH}/`));
	if (!inside) {
		throw new CredentialInputError(
			'url',
			`Refusing to send Cart.com credentials to another host: the URL must start with ${apiBase}/ (the store this credential is for)`,
		);
	}
	return url;
}

/**
 * Resolves a request against the API base into one absolute URL with the query already encoded,
 * so that what is signed is exactly what goes on the wire (no later re-serialisation of `qs`).
 * Absolute URLs are only accepted on the same API base, so credentials never travel elsewhere.
 */
export function resolveRequestUrl(
	apiBase: string,
	requestOptions: Pick<IHttpRequestOptions, 'url' | 'qs'>,
): URL {
	const target = requestOptions.url ?? '';
	let absolute: string;
	if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
		absolute = onApiBase(apiBase, target).toString();
	} else {
		absolute = `${apiBase}/${target.replace(/^\/+/, '')}`;
	}
	return new URL(appendQuery(absolute, requestOptions.qs as Query | undefined));
}

/** The HTTP Request node's URL (absolute, on the API base) with its query parameters folded in. */
function resolveLegacyUrl(apiBase: string, requestOptions: LegacyRequestOptions): URL {
	const url = onApiBase(apiBase, requestOptions.uri ?? '');
	const query = encodeUserQuery(requestOptions.qs);
	if (query) url.search = url.search ? `${url.search}&${query}` : `?${query}`;
	return new URL(url.toString());
}

/**
 * Added by the Cart.com transport when it re-sends a request the store answered 401 (OAuth
 * credential only): the time the refused request was sent. The credential reads and strips it.
 */
export const REFUSED_AT_HEADER = 'x-n8n-cartcom-refused-at';

const AUTH_HEADERS = [
	'x-ac-auth-token',
	'x-ac-pub-site-id',
	'x-ac-pub-user',
	'x-ac-pub-auth-signature',
	REFUSED_AT_HEADER,
];

/** The request's own headers without any auth header it brought (the credential sets those). */
function ownHeaders(headers: IDataObject | undefined): IDataObject {
	return Object.fromEntries(
		Object.entries(headers ?? {}).filter(([name]) => !AUTH_HEADERS.includes(name.toLowerCase())),
	);
}

/**
 * Shared by both credential types: resolve the URL, drop `qs`, set the given auth headers, and
 * never follow a redirect: n8n would send these headers on to wherever the redirect points, even
 * to another host or to plain http. Set here, it holds for every request the credential signs,
 * the credential test and the HTTP Request node included. The HTTP Request node's legacy shape
 * gets its redirect flags too (it follows redirects by default from version 4 on).
 */
export function withResolvedUrl(
	requestOptions: IHttpRequestOptions | LegacyRequestOptions,
	apiBase: string,
	headersFor: (url: URL) => IDataObject,
): AuthenticatedRequest {
	if (isLegacyRequest(requestOptions)) {
		const url = resolveLegacyUrl(apiBase, requestOptions);
		const rest: LegacyRequestOptions = { ...requestOptions };
		delete rest.qs;
		delete rest.qsStringifyOptions;
		delete rest.useQuerystring;
		delete rest.baseURL;
		return {
			...(rest as Omit<IHttpRequestOptions, 'url'>),
			// n8n-core takes `url` over `uri` when both are set: both name the signed URL.
			uri: url.toString(),
			url: url.toString(),
			headers: { ...ownHeaders(requestOptions.headers), ...headersFor(url) },
			followRedirect: false,
			followAllRedirects: false,
			maxRedirects: 0,
			disableFollowRedirect: true,
		};
	}
	const url = resolveRequestUrl(apiBase, requestOptions);
	const rest: IHttpRequestOptions = { ...requestOptions };
	delete rest.qs;
	delete rest.baseURL;
	return {
		...rest,
		url: url.toString(),
		headers: { ...ownHeaders(requestOptions.headers), ...headersFor(url) },
		disableFollowRedirect: true,
	};
}

export function authenticateWithToken(
	credentials: AccessTokenCredentials,
	requestOptions: IHttpRequestOptions | LegacyRequestOptions,
): AuthenticatedRequest {
	return withResolvedUrl(requestOptions, credentials.apiBase, () => ({
		'X-AC-Auth-Token': credentials.accessToken,
	}));
}

export function authenticateWithRouter(
	credentials: RouterCredentials,
	requestOptions: IHttpRequestOptions | LegacyRequestOptions,
): AuthenticatedRequest {
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
	const resolved = resolveRequestUrl(credentials.apiBase, { url });
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
