/**
 * Cart.com's OAuth web flow as docs/authentication.md (AmeriCommerce/rest-api) describes it:
 * `GET /api/oauth` (the merchant approves; the simulator approves at once, or refuses when told
 * to) redirects to `redirect_uri` with `auth_id` and `code`, or with `error`, `error_reason`,
 * `error_description`; `POST /api/oauth/access_token` and `POST /api/oauth/refresh` (JSON or a form)
 * check SHA-256 signatures over the client secret and answer `access_token`, `refresh_token`
 * (and `expires` on refresh). Access tokens it issues are accepted as `X-AC-Auth-Token` until they
 * expire (wall clock). Whether a refresh invalidates the refresh token it was given is not
 * documented ("refresh tokens are long living and can be used multiple times", yet every refresh
 * answers a refresh_token): `refreshRotation` plays each reading. Secrets are compared, never echoed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';

import type { SimResponse } from './httpTypes';

export type RefreshRotation = 'rotate' | 'keep' | 'same';

export interface OAuthOptions {
	clientId: string;
	clientSecret: string;
	/** Lifetime of issued access tokens. Default one hour. */
	accessTokenTtlMs: number;
	/**
	 * What a refresh does with refresh tokens: 'rotate' (default) answers a new one and refuses the
	 * old one from then on; 'keep' answers a new one and the old one keeps working; 'same' answers
	 * the refresh token it was given.
	 */
	refreshRotation: RefreshRotation;
	/** Whether the refresh answer carries `expires` (store-local time with offset). Default true. */
	sendExpires: boolean;
	/** Redirect URIs registered for the app; empty = any http(s) URL. */
	redirectUris: string[];
	/** The merchant refuses the app: `/api/oauth` redirects with error parameters. */
	deny: boolean;
}

export const DEFAULT_OAUTH: OAuthOptions = {
	clientId: 'sim-client',
	clientSecret: 'sim-client-secret',
	accessTokenTtlMs: 3_600_000,
	refreshRotation: 'rotate',
	sendExpires: true,
	redirectUris: [],
	deny: false,
};

interface Authorization {
	code: string;
	clientId: string;
	scope: string;
	redirectUri: string;
	used: boolean;
}

export interface SimOAuth {
	/** Live options: tests change them at run time. */
	options: OAuthOptions;
	/** Issues a refresh token as if the flow had run (scope as given). */
	issueRefreshToken(scope?: string): string;
	/** Makes every access token issued so far expire now (as a store revoking them would). */
	expireAccessTokens(): void;
	/** Refresh tokens the store still accepts. */
	validRefreshTokens(): string[];
	/** Successful exchanges and refreshes, and refused token requests, counted. */
	counts: { exchanges: number; refreshes: number; refused: number };
}

function safeEqual(a: string, b: string): boolean {
	const digestA = createHash('sha256').update(a, 'utf8').digest();
	const digestB = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(digestA, digestB);
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const newToken = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;

const oauthError = (status: number, error: string, description: string): SimResponse => ({
	status,
	body: { error, error_description: description },
});

/** The token endpoints take JSON or `application/x-www-form-urlencoded` (docs/authentication.md). */
function fields(body: unknown, bodyInvalid: boolean): Record<string, string> {
	if (bodyInvalid && typeof body === 'string')
		return Object.fromEntries(new URLSearchParams(body).entries());
	if (body && typeof body === 'object' && !Array.isArray(body))
		return Object.fromEntries(
			Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : '']),
		);
	return {};
}

export class OAuthServer implements SimOAuth {
	readonly options: OAuthOptions;
	readonly counts = { exchanges: 0, refreshes: 0, refused: 0 };
	private readonly authorizations = new Map<string, Authorization>();
	private readonly refreshTokens = new Map<string, { scope: string }>();
	private readonly accessTokens = new Map<string, { expiresAt: number }>();

	constructor(
		options: Partial<OAuthOptions> | undefined,
		private readonly timeZone: () => string,
	) {
		this.options = { ...DEFAULT_OAUTH, ...options };
	}

	issueRefreshToken(scope = 'read_orders,write_orders'): string {
		const token = newToken('rt');
		this.refreshTokens.set(token, { scope });
		return token;
	}

	expireAccessTokens(): void {
		for (const entry of this.accessTokens.values()) entry.expiresAt = 0;
	}

	validRefreshTokens(): string[] {
		return [...this.refreshTokens.keys()];
	}

	/** Whether `token` is an access token this server issued and that has not expired. */
	acceptsAccessToken(token: string): boolean {
		const entry = this.accessTokens.get(token);
		return entry !== undefined && Date.now() < entry.expiresAt;
	}

	/** `/api/oauth`, `/api/oauth/access_token`, `/api/oauth/refresh`; undefined for other paths. */
	handle(
		method: string,
		pathname: string,
		query: URLSearchParams,
		body: unknown,
		bodyInvalid: boolean,
	): SimResponse | undefined {
		const path = pathname.replace(/\/+$/, '').toLowerCase();
		if (path === '/api/oauth')
			return method === 'GET' ? this.authorize(query) : oauthError(405, 'invalid_request', 'GET');
		if (path === '/api/oauth/access_token' || path === '/api/oauth/refresh') {
			if (method !== 'POST') return oauthError(405, 'invalid_request', 'POST only');
			const input = fields(body, bodyInvalid);
			return path.endsWith('refresh') ? this.refresh(input) : this.exchange(input);
		}
		return undefined;
	}

	private authorize(query: URLSearchParams): SimResponse {
		const clientId = query.get('client_id') ?? '';
		const scope = query.get('scope') ?? '';
		const redirectUri = query.get('redirect_uri') ?? '';
		let target: URL;
		try {
			target = new URL(redirectUri);
		} catch {
			return oauthError(400, 'invalid_request', 'redirect_uri is missing or not a URL');
		}
		if (!/^https?:$/.test(target.protocol))
			return oauthError(400, 'invalid_request', 'redirect_uri must be http(s)');
		if (this.options.redirectUris.length && !this.options.redirectUris.includes(redirectUri))
			return oauthError(400, 'invalid_request', 'redirect_uri is not registered for this app');
		const redirect = (params: Record<string, string>): SimResponse => {
			for (const [key, value] of Object.entries(params)) target.searchParams.append(key, value);
			return { status: 302, headers: { Location: target.toString() } };
		};
		if (!safeEqual(clientId, this.options.clientId))
			return redirect({
				error: 'invalid_client',
				error_reason: 'unknown_app',
				error_description: 'No app with this client_id is installed in the store.',
			});
		if (this.options.deny)
			return redirect({
				error: 'access_denied',
				error_reason: 'user_denied',
				error_description: 'The merchant did not grant the app access.',
			});
		const authId = newToken('auth');
		const code = newToken('code');
		this.authorizations.set(authId, { code, clientId, scope, redirectUri, used: false });
		return redirect({ auth_id: authId, code });
	}

	private exchange(input: Record<string, string>): SimResponse {
		const authorization = this.authorizations.get(input.auth_id ?? '');
		if (
			!authorization ||
			authorization.used ||
			!safeEqual(input.client_id ?? '', authorization.clientId)
		) {
			this.counts.refused++;
			return oauthError(401, 'invalid_grant', 'Unknown or used auth_id for this client.');
		}
		const expected = sha256Hex(
			this.options.clientSecret +
				authorization.code +
				authorization.clientId +
				authorization.scope +
				authorization.redirectUri.toLowerCase(),
		);
		if (!safeEqual(input.signature ?? '', expected)) {
			this.counts.refused++;
			return oauthError(403, 'invalid_signature', 'The signature does not match.');
		}
		authorization.used = true;
		this.counts.exchanges++;
		const refreshToken = this.issueRefreshToken(authorization.scope);
		const { accessToken } = this.issueAccessToken();
		return { status: 200, body: { access_token: accessToken, refresh_token: refreshToken } };
	}

	private refresh(input: Record<string, string>): SimResponse {
		const sent = input.refresh_token ?? '';
		const grant = this.refreshTokens.get(sent);
		if (!grant || !safeEqual(input.client_id ?? '', this.options.clientId)) {
			this.counts.refused++;
			return oauthError(401, 'invalid_grant', 'Unknown or revoked refresh token.');
		}
		const expected = sha256Hex(this.options.clientSecret + sent + this.options.clientId);
		if (!safeEqual(input.signature ?? '', expected)) {
			this.counts.refused++;
			return oauthError(403, 'invalid_signature', 'The signature does not match.');
		}
		this.counts.refreshes++;
		let refreshToken = sent;
		if (this.options.refreshRotation !== 'same') {
			refreshToken = this.issueRefreshToken(grant.scope);
			if (this.options.refreshRotation === 'rotate') this.refreshTokens.delete(sent);
		}
		const { accessToken, expiresAt } = this.issueAccessToken();
		const body: Record<string, unknown> = {
			access_token: accessToken,
			refresh_token: refreshToken,
		};
		if (this.options.sendExpires)
			body.expires = DateTime.fromMillis(expiresAt).setZone(this.timeZone()).toISO();
		return { status: 200, body };
	}

	private issueAccessToken(): { accessToken: string; expiresAt: number } {
		const accessToken = newToken('at');
		const expiresAt = Date.now() + this.options.accessTokenTtlMs;
		this.accessTokens.set(accessToken, { expiresAt });
		return { accessToken, expiresAt };
	}
}
