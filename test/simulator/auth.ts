/**
 * The two credential types: single-store token (`X-AC-Auth-Token`, docs/authentication.md) and the
 * Central API Router's HMAC signature (Airbyte's source-cart, source_cart/source.py) over `METHOD&pathAndQuery&user` with the exact on-wire request target.
 * Secrets are only compared, never echoed or logged.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RouterCredentials } from './types';

export type AuthMode = 'token' | 'router';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Constant-time string equality (hashing first makes the lengths equal). */
function safeEqual(a: string, b: string): boolean {
	const digestA = createHash('sha256').update(a, 'utf8').digest();
	const digestB = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(digestA, digestB);
}

/** base64(HMAC_SHA256(key = utf8(secret), msg = METHOD & pathAndQuery & userName)). */
export function routerSignature(
	method: string,
	pathAndQuery: string,
	credentials: Pick<RouterCredentials, 'userName' | 'userSecret'>,
): string {
	return createHmac('sha256', Buffer.from(credentials.userSecret, 'utf8'))
		.update(`${method.toUpperCase()}&${pathAndQuery}&${credentials.userName}`, 'utf8')
		.digest('base64');
}

/**
 * The auth mode that accepted the request, or null (401). A token header selects token mode;
 * otherwise the X-AC-PUB-* headers select router mode.
 */
export function authenticate(
	headers: IncomingHttpHeaders,
	method: string,
	requestTarget: string,
	accessToken: string,
	router: RouterCredentials,
	/** Tokens issued by the OAuth flow (oauth.ts), checked besides the fixed one. */
	acceptsIssuedToken: (token: string) => boolean = () => false,
): AuthMode | null {
	const token = header(headers, 'X-AC-Auth-Token');
	if (token !== undefined)
		return safeEqual(token, accessToken) || acceptsIssuedToken(token) ? 'token' : null;

	const siteId = header(headers, 'X-AC-PUB-Site-ID');
	const user = header(headers, 'X-AC-PUB-User');
	const signature = header(headers, 'X-AC-PUB-Auth-Signature');
	if (siteId === undefined || user === undefined || signature === undefined) return null;
	const expected = Buffer.from(routerSignature(method, requestTarget, router), 'base64');
	const received = Buffer.from(signature, 'base64');
	const signatureOk = received.length === expected.length && timingSafeEqual(received, expected);
	// Evaluate every check (no early exit) so timing does not reveal which one failed.
	const userOk = safeEqual(user, router.userName);
	const siteOk = safeEqual(siteId, router.siteId);
	return signatureOk && userOk && siteOk ? 'router' : null;
}
