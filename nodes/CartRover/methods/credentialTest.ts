import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { isJsonObject } from '../../shared/node';
import {
	basicAuthorization,
	CartRoverCredentialError,
	cartRoverSecretsOf,
	CREDENTIAL_TEST_PATHS,
	DEFAULT_CARTROVER_URL,
	parseCartRoverCredentials,
	processIdOf,
	redact,
	type CartRoverCredentials,
} from '../transport';

/*
 * The CartRover credential test (wired with `testedBy: 'cartRoverApiTest'` on both CartRover nodes).
 * A function test and not the credential's declarative `test`: CartRover refuses keys with HTTP 200
 * and `{success_code: false, error_code, message}` (spec page, "Errors"), and declarative rules can
 * only show a fixed text, never CartRover's own message.
 */

/** The official PHP client's timeout (CartRover/cartrover-php, APIObject.php: 30 s). */
export const CREDENTIAL_TEST_TIMEOUT_MS = 30_000;

const LEVEL_NAMES = { cart: 'Cart', merchant: 'Merchant', wms: 'Warehouse' } as const;

const KEYS_HINT =
	'each level (Cart, Merchant, Warehouse) has its own keys, and regenerating keys invalidates the old ones at once.';
const RATE_LIMIT_HINT =
	'The keys were not refused: these keys are over CartRover’s API limit (shared by every app using them); wait a minute and test again.';
const URL_HINT = `Check API URL (${DEFAULT_CARTROVER_URL}).`;

/** What n8n-core's request helper resolves with under `resolveWithFullResponse: true, simple: false`. */
interface FullResponse {
	statusCode: number;
	statusMessage?: string;
	headers?: Record<string, unknown>;
	body?: unknown;
}

const error = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** `scheme://host[:port]` of a redirect's target, never its path or query; undefined if unreadable. */
function originOf(location: unknown, requestUrl: string): string | undefined {
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		const url = new URL(value.trim(), requestUrl);
		return `${url.protocol}//${url.host}`;
	} catch {
		return undefined;
	}
}

/** CartRover's refusal, in its own words: code, message, process id, and what the user can do. */
function refusalMessage(
	body: IDataObject,
	response: FullResponse,
	level: CartRoverCredentials['level'],
): string {
	const code = text(body.error_code);
	const said = text(body.message) ?? text(body.status_message) ?? '(no message)';
	const status =
		response.statusCode >= 200 && response.statusCode < 300 ? '' : ` (HTTP ${response.statusCode})`;
	const processId = processIdOf(response.headers);
	const end = /[.!?]$/.test(said) && !status ? '' : '.';
	return [
		`CartRover${code ? ` (${code})` : ''}: ${said}${status}${end}`,
		processId ? `X-CartRover-Process-ID: ${processId}.` : undefined,
		code === 'RateLimit'
			? RATE_LIMIT_HINT
			: `Check API User, API Key and API Level (tested with a ${LEVEL_NAMES[level]}-level read): ${KEYS_HINT}`,
	]
		.filter(Boolean)
		.join(' ');
}

/** The secrets of credential data that did not pass the schema, as typed and as trimmed. */
function rawSecrets(data: unknown): string[] {
	const record = isJsonObject(data) ? data : {};
	const apiUser = typeof record.apiUser === 'string' ? record.apiUser : '';
	const apiKey = typeof record.apiKey === 'string' ? record.apiKey : '';
	if (apiKey.trim() === '') return [];
	return [
		...cartRoverSecretsOf({ apiUser, apiKey }),
		...cartRoverSecretsOf({ apiUser: apiUser.trim(), apiKey: apiKey.trim() }),
	];
}

/** The verdict on one answer to the test read. */
function judge(
	response: FullResponse,
	credentials: CartRoverCredentials,
	url: string,
): INodeCredentialTestResult {
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		const target = originOf(response.headers?.location, url);
		return error(
			`CartRover’s address answered with a redirect (HTTP ${statusCode})${
				target ? ` to ${target}` : ''
			}, which was not followed so that the keys are not sent elsewhere. ${URL_HINT}`,
		);
	}
	const body = response.body;
	if (isJsonObject(body) && typeof body.success_code === 'boolean') {
		if (body.success_code) return { status: 'OK', message: 'Connection successful!' };
		return error(refusalMessage(body, response, credentials.level));
	}
	const what =
		body === undefined || body === null || body === ''
			? 'no body'
			: isJsonObject(body) || Array.isArray(body)
				? 'JSON without success_code'
				: 'a body that is not JSON';
	const status = `HTTP ${statusCode}${text(response.statusMessage) ? ` ${text(response.statusMessage)}` : ''}`;
	const hint =
		statusCode >= 500
			? `CartRover may be down: test again later, or ${URL_HINT.charAt(0).toLowerCase()}${URL_HINT.slice(1)}`
			: URL_HINT;
	return error(
		`The answer to the ${LEVEL_NAMES[credentials.level]}-level test read is not a CartRover API answer (${status}, ${what}). ${hint}`,
	);
}

/**
 * `GET {API URL}{test path of the level}` with HTTP Basic api_user:api_key, no redirect followed.
 * Every message is redacted of the key and of `user:key` in any encoding (base64 included).
 */
export async function cartRoverApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	let credentials: CartRoverCredentials;
	try {
		credentials = parseCartRoverCredentials(credential.data);
	} catch (caught) {
		const message =
			caught instanceof CartRoverCredentialError
				? caught.message.includes(caught.field)
					? caught.message
					: `${caught.field}: ${caught.message}`
				: `The credential cannot be read: ${caught instanceof Error ? caught.message : String(caught)}`;
		// The field's own value may be the key (e.g. a key pasted into API URL).
		return error(redact(message, rawSecrets(credential.data)));
	}
	const secrets = cartRoverSecretsOf(credentials);
	const url = `${credentials.baseUrl}${CREDENTIAL_TEST_PATHS[credentials.level]}`;
	// ICredentialTestFunctions offers `request` only (request-promise options, n8n-core's
	// proxyRequestToAxios); the community lint rule no-deprecated-workflow-functions, which points to
	// an httpRequest a credential test does not have, matches `this.helpers.request` only
	// (n8n-io/n8n#25190).
	const { helpers } = this;
	let response: FullResponse;
	try {
		response = (await helpers.request({
			method: 'GET',
			uri: url,
			headers: { Authorization: basicAuthorization(credentials) },
			json: true,
			followRedirect: false,
			followAllRedirects: false,
			resolveWithFullResponse: true,
			simple: false,
			timeout: CREDENTIAL_TEST_TIMEOUT_MS,
		})) as FullResponse;
	} catch (caught) {
		const reason =
			caught instanceof Error ? caught.message : typeof caught === 'string' ? caught : 'unknown';
		const code = isJsonObject(caught) ? text(caught.code) : undefined;
		return error(
			redact(
				`Could not reach CartRover at ${credentials.baseUrl}: ${reason}${
					code && !reason.includes(code) ? ` (${code})` : ''
				}. ${URL_HINT}`,
				secrets,
			),
		);
	}
	const result = judge(response, credentials, url);
	return { ...result, message: redact(result.message, secrets) };
}
