/**
 * Cart.com's OAuth web flow (docs/authentication.md of AmeriCommerce/rest-api): the signatures of
 * the code exchange and of the refresh, the session the credential keeps between executions, and
 * the requests and answers of `/api/oauth/access_token` and `/api/oauth/refresh`. Used by the
 * credential (credentials/CartComOAuthApi.credentials.ts) and by the helper that gets the first
 * refresh token (scripts/oauth/authorize.ts). n8n's generic OAuth2 cannot be used: both calls are
 * authenticated by a SHA-256 signature instead of the client secret (README, "Cart.com OAuth").
 */
import { createHash } from 'crypto';
import { z } from 'zod';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { AUTH_STEP_FAILED_CODE, redact } from '../../nodes/shared/http';

import {
	CredentialInputError,
	normalizeApiBase,
	REFUSED_AT_HEADER,
	withResolvedUrl,
	type AuthenticatedRequest,
	type LegacyRequestOptions,
} from './cartComAuth';

export const OAUTH_CREDENTIAL = 'cartComOAuthApi';

/** The first-party docs' signature: hex(SHA-256(concatenated parts)), UTF-8. */
const sha256Hex = (...parts: string[]): string =>
	createHash('sha256').update(parts.join(''), 'utf8').digest('hex');

/** Token exchange: SHA256(secret + code + client_id + scope + lowercase(redirect_uri)). */
export const exchangeSignature = (input: {
	clientSecret: string;
	code: string;
	clientId: string;
	scope: string;
	redirectUri: string;
}): string =>
	sha256Hex(
		input.clientSecret,
		input.code,
		input.clientId,
		input.scope,
		input.redirectUri.toLowerCase(),
	);

/** Refresh: SHA256(secret + refresh_token + client_id). */
export const refreshSignature = (input: {
	clientSecret: string;
	refreshToken: string;
	clientId: string;
}): string => sha256Hex(input.clientSecret, input.refreshToken, input.clientId);

/** `https://store/api/oauth?client_id=&scope=&redirect_uri=`: where the merchant approves the app. */
export function authorizeUrl(
	apiBase: string,
	input: { clientId: string; scope: string; redirectUri: string },
): string {
	const url = new URL('/api/oauth', apiBase);
	url.searchParams.set('client_id', input.clientId);
	url.searchParams.set('scope', input.scope);
	url.searchParams.set('redirect_uri', input.redirectUri);
	return url.toString();
}

/** `https://store/api/oauth/<action>` for the store whose API base is `https://store/api/v1`. */
export const oauthEndpoint = (apiBase: string, action: 'access_token' | 'refresh'): string =>
	new URL(`/api/oauth/${action}`, apiBase).toString();

const nonEmpty = (label: string) =>
	z
		.string({ required_error: `${label} is required`, invalid_type_error: `${label} must be text` })
		.trim()
		.min(1, `${label} is required`);

export const oauthCredentialsSchema = z
	.object({
		storeDomain: z.string().optional().default(''),
		clientId: nonEmpty('Client ID'),
		clientSecret: nonEmpty('Client Secret'),
		refreshToken: nonEmpty('Refresh Token'),
		tokens: z.string().optional().default(''),
	})
	.passthrough()
	.transform((value) => ({
		kind: 'oAuth2' as const,
		apiBase: normalizeApiBase(value.storeDomain, 'Store Domain'),
		clientId: value.clientId,
		clientSecret: value.clientSecret,
		refreshToken: value.refreshToken,
		tokens: value.tokens,
	}));

export type OAuthCredentials = z.output<typeof oauthCredentialsSchema>;

/**
 * What the credential keeps in its hidden, expirable `tokens` field, as JSON: the access token,
 * the newest refresh token the store gave (it may rotate it), when the access token was obtained
 * and, when the store said so, when it expires. `boundTo` fingerprints the store, client and the
 * refresh token typed into the credential: when any of them changes, the session is dropped, so
 * that a token is never sent to another store and a newly pasted refresh token takes over.
 */
export interface OAuthSession {
	accessToken: string;
	refreshToken: string;
	obtainedAt: number;
	expiresAt?: number;
	boundTo: string;
}

export const sessionBinding = (credentials: OAuthCredentials): string =>
	sha256Hex(
		'cartcom-oauth-session-v1\u0000',
		credentials.apiBase.toLowerCase(),
		'\u0000',
		credentials.clientId,
		'\u0000',
		credentials.refreshToken,
	);

const sessionSchema = z.object({
	accessToken: z.string().min(1),
	refreshToken: z.string().min(1),
	obtainedAt: z.number().finite(),
	expiresAt: z.number().finite().optional(),
	boundTo: z.string().min(1),
});

/** The stored session if it is one and belongs to these credentials; undefined otherwise. */
export function sessionOf(credentials: OAuthCredentials): OAuthSession | undefined {
	if (!credentials.tokens) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(credentials.tokens);
	} catch {
		return undefined;
	}
	const result = sessionSchema.safeParse(parsed);
	if (!result.success || result.data.boundTo !== sessionBinding(credentials)) return undefined;
	return result.data;
}

/** An access token is renewed this long before the expiry the store announced. */
export const EXPIRY_MARGIN_MS = 60_000;

/**
 * `expires` of the refresh answer as epoch ms. The docs only say "the expiration of the new
 * token"; the first-party C# examples read it as a `DateTime?` (Models/ApiToken.cs). Only a date
 * with an explicit offset (or Z) is trusted, and only if it lies in the future: anything else
 * leaves the expiry unknown, and the token is then renewed when the store answers 401.
 */
export function parseExpires(value: unknown, nowMs: number): number | undefined {
	if (typeof value !== 'string') return undefined;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()))
		return undefined;
	const ms = Date.parse(value.trim());
	return Number.isFinite(ms) && ms > nowMs ? ms : undefined;
}

/** Whether the session's access token may still be sent (unknown expiry: yes, until a 401). */
export const sessionUsable = (session: OAuthSession, nowMs: number): boolean =>
	session.expiresAt === undefined ||
	// A lifetime shorter than twice the margin is used until half of it has passed.
	nowMs <
		session.expiresAt - Math.min(EXPIRY_MARGIN_MS, (session.expiresAt - session.obtainedAt) / 2);

/** Thrown for a refusal or an unusable answer of the token endpoints; never carries a secret. */
export class OAuthTokenError extends Error {
	/**
	 * Read by the shared request loop (nodes/shared/http/request.ts): the request itself was never
	 * sent, so there is nothing to retry and no write to doubt. n8n 2.x keeps this error as the
	 * `cause` of the NodeApiError it wraps it in; n8n 1.x drops the cause but copies `errorCode`
	 * into the wrapper's `httpCode`. Not `code`: n8n 2.x's credential test would show the code
	 * instead of the message.
	 */
	readonly requestNotSent = true;

	readonly errorCode = AUTH_STEP_FAILED_CODE;

	constructor(message: string) {
		super(message);
		this.name = 'OAuthTokenError';
	}
}

/**
 * The error the credential's authenticate() throws when it has no access token it may send. It
 * looks like a 401 answer on purpose: n8n's request helpers answer a 401 by running the
 * credential's preAuthentication (the refresh) and authenticating the request again
 * (n8n-core httpRequestWithAuthentication / requestWithAuthentication), so nothing expired or
 * belonging to other settings is ever sent.
 */
export class AccessTokenExpiredError extends Error {
	readonly response = { status: 401 };

	constructor() {
		super('The Cart.com access token has expired; n8n gets a new one with the refresh token');
		this.name = 'AccessTokenExpiredError';
	}
}

export { REFUSED_AT_HEADER };

export interface TokenAnswer {
	statusCode: number;
	body: unknown;
}

/** What the token endpoints answer with: the JSON object, when the answer is one. */
function answerObject(body: unknown): Record<string, unknown> | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** Short, secret-free text out of the store's error answer (error, error_description, message). */
function refusalText(object: Record<string, unknown> | undefined): string {
	if (!object) return '';
	const parts = ['error', 'error_description', 'message', 'details']
		.map((key) => object[key])
		.filter((value): value is string => typeof value === 'string' && value.trim() !== '')
		.map((value) => value.trim().slice(0, 200).replace(/\.+$/, ''));
	return parts.length ? `: ${[...new Set(parts)].join(' — ')}` : '';
}

/**
 * Reads the answer of the exchange or the refresh: a 2xx JSON object with a non-empty
 * `access_token` and `refresh_token`, or an OAuthTokenError saying what went wrong. The secrets
 * given are redacted from anything the store's answer says.
 */
export function readTokenAnswer(
	what: 'exchange' | 'refresh',
	answer: TokenAnswer,
	secrets: readonly string[],
): { accessToken: string; refreshToken: string; expires: unknown } {
	const object = answerObject(answer.body);
	const clean = (text: string) => redact(text, secrets);
	const step = what === 'refresh' ? 'refresh the access token' : 'exchange the authorization code';
	if (answer.statusCode >= 300 && answer.statusCode < 400)
		throw new OAuthTokenError(
			`Cart.com answered the request to ${step} with a redirect (${answer.statusCode}), which is not followed; check Store Domain`,
		);
	if (answer.statusCode < 200 || answer.statusCode >= 300) {
		const hint =
			answer.statusCode === 401 || answer.statusCode === 403
				? what === 'refresh'
					? '. Check Client ID and Client Secret; if they are right, the refresh token was revoked or has expired: get a new one (README, "Cart.com OAuth")'
					: '. Check the client secret, the scope and that the redirect URI is exactly the one registered for the app'
				: '';
		throw new OAuthTokenError(
			clean(`Cart.com refused to ${step} (HTTP ${answer.statusCode})${refusalText(object)}${hint}`),
		);
	}
	const accessToken = object?.access_token;
	const refreshToken = object?.refresh_token;
	if (
		typeof accessToken !== 'string' ||
		accessToken.trim() === '' ||
		typeof refreshToken !== 'string' ||
		refreshToken.trim() === ''
	) {
		throw new OAuthTokenError(
			clean(
				`Cart.com answered the request to ${step} (HTTP ${answer.statusCode}) without an access_token and a refresh_token${refusalText(object)}`,
			),
		);
	}
	return { accessToken, refreshToken, expires: object?.expires };
}

/** The body of `POST /api/oauth/refresh` (JSON; the docs accept JSON or a form). */
export const refreshBody = (credentials: OAuthCredentials, refreshToken: string) => ({
	client_id: credentials.clientId,
	refresh_token: refreshToken,
	signature: refreshSignature({
		clientSecret: credentials.clientSecret,
		refreshToken,
		clientId: credentials.clientId,
	}),
});

/** The refresh token the next refresh sends: the newest of the session, else the one typed in. */
export const currentRefreshToken = (credentials: OAuthCredentials): string =>
	sessionOf(credentials)?.refreshToken ?? credentials.refreshToken;

/** A new session from the refresh answer; the new refresh token is kept if the store rotated it. */
export function sessionFromAnswer(
	credentials: OAuthCredentials,
	answer: TokenAnswer,
	sentRefreshToken: string,
	nowMs: number,
): OAuthSession {
	const body = refreshBody(credentials, sentRefreshToken);
	const read = readTokenAnswer('refresh', answer, [
		credentials.clientSecret,
		credentials.refreshToken,
		sentRefreshToken,
		body.signature,
	]);
	return {
		accessToken: read.accessToken,
		refreshToken: read.refreshToken,
		obtainedAt: nowMs,
		expiresAt: parseExpires(read.expires, nowMs),
		boundTo: sessionBinding(credentials),
	};
}

/** Parses the credential; bad values throw CredentialInputError naming the field. */
export function parseOAuthCredentials(data: unknown): OAuthCredentials {
	const result = oauthCredentialsSchema.safeParse(data ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new CredentialInputError(String(issue.path[0] ?? 'credential'), issue.message);
}

/** Every secret of the credential, its session's tokens included. */
export function oauthSecretsOf(credentials: OAuthCredentials): string[] {
	const secrets = [credentials.clientSecret, credentials.refreshToken];
	let stored: unknown;
	try {
		stored = credentials.tokens ? JSON.parse(credentials.tokens) : undefined;
	} catch {
		stored = undefined;
	}
	if (stored && typeof stored === 'object') {
		for (const key of ['accessToken', 'refreshToken'] as const) {
			const value = (stored as Record<string, unknown>)[key];
			if (typeof value === 'string' && value) secrets.push(value);
		}
	}
	secrets.push(refreshSignature({ ...credentials, refreshToken: credentials.refreshToken }));
	return secrets;
}

/** A header's value whatever the case of its name. */
function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
	return entry === undefined ? undefined : String(entry[1]);
}

/**
 * Sends the session's access token as `X-AC-Auth-Token`, on the store's API base only and never
 * through a redirect (withResolvedUrl). Throws AccessTokenExpiredError instead, so that n8n
 * refreshes first, when there is no session for these settings, when its token expires (with a
 * margin) or when the transport re-sends a request the store answered 401 and the token it holds
 * was obtained before that request was sent.
 */
export function authenticateWithOAuth(
	credentials: OAuthCredentials,
	requestOptions: IHttpRequestOptions | LegacyRequestOptions,
	nowMs = Date.now(),
): AuthenticatedRequest {
	const rejectedBefore = Number(headerValue(requestOptions.headers, REFUSED_AT_HEADER));
	return withResolvedUrl(requestOptions, credentials.apiBase, () => {
		const session = sessionOf(credentials);
		if (
			!session ||
			!sessionUsable(session, nowMs) ||
			(Number.isFinite(rejectedBefore) && session.obtainedAt <= rejectedBefore)
		)
			throw new AccessTokenExpiredError();
		return { 'X-AC-Auth-Token': session.accessToken };
	});
}

/** The request helper n8n hands to preAuthentication (2.x: restricted to httpRequest). */
export type RefreshHttp = (options: IHttpRequestOptions) => Promise<unknown>;

/** Deadline of the refresh call: it runs before the request the node asked for. */
export const REFRESH_TIMEOUT_MS = 30_000;

/** How long a refresh's result is handed to others that send the same refresh token. */
export const SHARED_REFRESH_MS = 30_000;

/**
 * Refreshes in flight or just made in this n8n process, by a hash of the settings and the refresh
 * token sent. Executions (or items run side by side) that find the same empty or expired tokens
 * would each spend the same refresh token; a store that refuses a used refresh token would fail
 * all but the first. They get the first one's result instead, which they then store alike. Kept
 * for SHARED_REFRESH_MS at most, failures only while in flight; the stored credential remains
 * where tokens live (n8n saves what preAuthentication returns).
 */
const sharedRefreshes = new Map<string, { at: number; session: Promise<OAuthSession> }>();

/**
 * The signed refresh: `POST /api/oauth/refresh` with the newest refresh token, never following a
 * redirect. Resolves to the new session; throws OAuthTokenError (no secrets) otherwise. Callers
 * sending the same refresh token at the same time share one call (sharedRefreshes).
 */
export async function refreshSession(
	httpRequest: RefreshHttp,
	credentials: OAuthCredentials,
	nowMs: () => number = Date.now,
): Promise<OAuthSession> {
	const now = nowMs();
	for (const [key, entry] of sharedRefreshes)
		if (now - entry.at > SHARED_REFRESH_MS) sharedRefreshes.delete(key);
	const key = sha256Hex(
		'cartcom-oauth-refresh-v1\u0000',
		sessionBinding(credentials),
		'\u0000',
		currentRefreshToken(credentials),
	);
	const shared = sharedRefreshes.get(key);
	if (shared) return await shared.session;
	const session = sendRefresh(httpRequest, credentials, nowMs);
	sharedRefreshes.set(key, { at: now, session });
	session.catch(() => sharedRefreshes.delete(key));
	return await session;
}

async function sendRefresh(
	httpRequest: RefreshHttp,
	credentials: OAuthCredentials,
	nowMs: () => number,
): Promise<OAuthSession> {
	const sent = currentRefreshToken(credentials);
	let response: { statusCode?: unknown; body?: unknown } | undefined;
	let unreachable: unknown;
	try {
		response = (await httpRequest({
			method: 'POST',
			url: oauthEndpoint(credentials.apiBase, 'refresh'),
			body: refreshBody(credentials, sent),
			json: true,
			headers: { Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: REFRESH_TIMEOUT_MS,
		})) as { statusCode?: unknown; body?: unknown };
	} catch (error) {
		unreachable = error;
	}
	if (unreachable !== undefined || response === undefined) {
		const code = (unreachable as { code?: unknown } | undefined)?.code;
		throw new OAuthTokenError(
			`Cart.com could not be reached to refresh the access token${
				typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''
			}; check Store Domain`,
		);
	}
	const statusCode = typeof response?.statusCode === 'number' ? response.statusCode : 0;
	return sessionFromAnswer(credentials, { statusCode, body: response?.body }, sent, nowMs());
}
