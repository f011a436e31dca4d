/**
 * Cart.com's side of every request: the credential (getConnection), the store's call budget key,
 * what Cart.com's answers mean and how its failures are worded. The loop itself (throttling,
 * retries, deadlines, redirect refusal) is nodes/shared/http/request.ts.
 */
import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	appendQuery,
	AUTH_STEP_FAILED_CODE,
	markAmbiguousWrite,
	multipartBody,
	parseBody,
	redirectHost,
	sendWithRetries,
	type Answer,
	type Failure,
	type HttpFunctions,
	type HttpProtocol,
	type MultipartPart,
	type Query,
	type RetrySettings,
} from '../../shared/http';
import {
	CredentialInputError,
	credentialTypeFor,
	parseCredentials,
	REFUSED_AT_HEADER,
	secretsOf,
	signatureOf,
	type AuthenticationType,
	type CartComCredentials,
} from '../../../credentials/common/cartComAuth';
import { parseErrorBody, type CartComErrorBody, type CartComRecord } from './envelope';
import { cartComApiError, cartComTransportError } from './errors';
import { CALL_WINDOW_MS, parseCallLimit } from './rateLimit';

export type CartComFunctions = HttpFunctions;

export interface CartComRequestOptions {
	method: IHttpRequestMethods;
	/** Path below /api/v1, e.g. `/orders/5/items`. */
	path: string;
	query?: Query;
	body?: IDataObject | IDataObject[];
	/**
	 * A multipart/form-data body instead of JSON (`POST /upload`, `POST /import/file`): the parts in
	 * order, e.g. the JSON options, then the file (docs/uploading_files.md).
	 */
	multipart?: MultipartPart[];
	/**
	 * Values the user sent that must never appear in an error (a card number, a CVV), redacted like
	 * the credential's secrets.
	 */
	secrets?: string[];
	itemIndex?: number;
	/**
	 * Return undefined on 404 instead of throwing (lookups, the page past the end); a function
	 * decides from Cart.com's error body.
	 */
	allowNotFound?: boolean | ((body: CartComErrorBody | undefined) => boolean);
	/**
	 * Whether sending the request twice changes nothing more than sending it once. By default GET,
	 * PUT and DELETE are, POST is not. Routes with side effects set false: `PUT /orders/{id}/status`
	 * sends the customer e-mails and overwrites `previous_order_status_id` every time (docs/resources/orders.md).
	 */
	repeatable?: boolean;
}

export interface TransportSettings extends RetrySettings {
	/** The store's rate-limit window; 10 s per Cart.com's docs, shorter only in tests and benchmarks. */
	callWindowMs: number;
}

const DEFAULT_SETTINGS: TransportSettings = {
	maxRetries: 5,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 120_000,
	minRetryAfterMs: 1_000,
	timeoutMs: 60_000,
	attemptDeadlineMs: 120_000,
	callWindowMs: CALL_WINDOW_MS,
};

let settings: TransportSettings = { ...DEFAULT_SETTINGS };

/** Tests and benchmarks shorten the back-off; nodes always run with the defaults. */
export function configureTransport(overrides: Partial<TransportSettings> | 'defaults'): void {
	settings = overrides === 'defaults' ? { ...DEFAULT_SETTINGS } : { ...settings, ...overrides };
}

/** Methods whose repetition cannot write twice. POST (create, upsert, inventory add) never is. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export interface ConnectionInfo {
	authentication: AuthenticationType;
	credentialType: string;
	credentials: CartComCredentials;
	secrets: string[];
	storeKey: string;
}

export function getAuthentication(ctx: CartComFunctions): AuthenticationType {
	const value =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'accessToken')
			: ctx.getNodeParameter('authentication', 'accessToken');
	return value === 'centralApiRouter' || value === 'oAuth2' ? value : 'accessToken';
}

/** Loads and validates the credential before anything is sent; bad values name the field. */
export async function getConnection(
	ctx: CartComFunctions,
	itemIndex?: number,
): Promise<ConnectionInfo> {
	const authentication = getAuthentication(ctx);
	const credentialType = credentialTypeFor(authentication);
	const raw = await ctx.getCredentials(credentialType);
	try {
		const credentials = parseCredentials(credentialType, raw);
		const storeKey =
			credentials.kind === 'centralApiRouter'
				? `${credentials.apiBase}#${credentials.siteId}`
				: credentials.apiBase;
		return {
			authentication,
			credentialType,
			credentials,
			secrets: secretsOf(credentials),
			storeKey,
		};
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			error instanceof CredentialInputError
				? `Invalid Cart.com credential: ${error.message}`
				: (error as Error),
			{ description: 'Open the credential and correct the field named above.', itemIndex },
		);
	}
}

/** Cart.com answers every route with a JSON object (a record or a list envelope), or nothing (204). */
function readBody(body: unknown): Answer<CartComRecord> {
	const parsed = parseBody(body);
	if (parsed.kind !== 'json') return parsed;
	const { value } = parsed;
	if (typeof value === 'object' && !Array.isArray(value))
		return { kind: 'value', value: value as CartComRecord };
	return { kind: 'unreadable' };
}

interface CartComCall {
	method: IHttpRequestMethods;
	path: string;
	repeatable: boolean;
	secrets: string[];
	itemIndex?: number;
}

/** What Cart.com's answers mean: a status code, a JSON object or nothing, and `X-AC-Call-Limit`. */
function cartComProtocol(
	ctx: CartComFunctions,
	conn: ConnectionInfo,
	call: CartComCall,
): HttpProtocol<CartComRecord> {
	return {
		callLimitOf: (response) => parseCallLimit(response.headers?.['x-ac-call-limit']),
		read(response) {
			const status = response.statusCode;
			if (status >= 200 && status < 300) return readBody(response.body);
			if (status === 429)
				return { kind: 'rateLimited', retryAfter: response.headers?.['retry-after'] };
			return { kind: 'refused', serverFault: status >= 500, notFound: status === 404 };
		},
		describe: (failure) => describeFailure(ctx, conn, call, failure),
	};
}

/** The error the user sees for a request that failed for good, worded for Cart.com. */
function describeFailure(
	ctx: CartComFunctions,
	conn: ConnectionInfo,
	call: CartComCall,
	failure: Failure,
) {
	const { method, path, secrets, itemIndex } = call;
	const node = ctx.getNode();
	switch (failure.kind) {
		case 'unreachable':
			if (failure.code === AUTH_STEP_FAILED_CODE)
				return cartComTransportError(
					node,
					`Cart.com ${method} ${path} was not sent: ${failure.reason}`,
					'n8n could not get a new access token with the refresh token of the "Cart.com OAuth API" credential, so nothing was sent. If the app was uninstalled or the refresh token revoked, get a new refresh token (npm run oauth:authorize) and paste it into the credential.',
					secrets,
					itemIndex,
				);
			return cartComTransportError(
				node,
				`Cart.com ${method} ${path} could not be completed: ${failure.code ?? failure.reason}`,
				method === 'GET'
					? `The store could not be reached after ${failure.attempts} attempt(s) (${failure.reason}). Check the store domain and try again later.`
					: `The connection broke during a write (${failure.reason}). It was not repeated, because it may already have been applied: check the store before running again.`,
				secrets,
				itemIndex,
			);
		case 'redirect': {
			const host = redirectHost(failure.response.headers?.location, conn.credentials.apiBase);
			const domainField =
				conn.credentials.kind === 'centralApiRouter' ? 'API Router URL' : 'Store Domain';
			return cartComTransportError(
				node,
				`Cart.com ${method} ${path}: the store answered with a redirect (${failure.response.statusCode}) to ${host}; check ${domainField}`,
				`The node never follows redirects, so the credential is not sent to another address${
					call.repeatable ? '' : ' and the request was not repeated there'
				}. Enter the store's secure domain exactly as it serves the API (e.g. www.mystore.com instead of mystore.com).`,
				secrets,
				itemIndex,
			);
		}
		case 'unreadable':
			return cartComTransportError(
				node,
				`Cart.com ${method} ${path} returned ${failure.empty ? 'an empty answer' : 'an answer that is not a JSON object'}`,
				// Only reads are asked again; any write (a PUT too) may already have been applied.
				method === 'GET'
					? 'The store answered without a readable JSON object several times in a row.'
					: 'The write may have been applied: check the store before running again.',
				secrets,
				itemIndex,
			);
		case 'rateLimited':
			return refusedError(
				ctx,
				conn,
				call,
				failure.response,
				failure.tooLongMs !== undefined
					? `The store asked to wait ${Math.ceil(failure.tooLongMs / 1000)} s, longer than the ${failure.maxWaitMs / 1000} s this node waits.`
					: `The store still answered 429 after ${failure.attempts} attempts over ${Math.round(failure.elapsedMs / 1000)} s.`,
			);
		case 'refused':
			return refusedError(ctx, conn, call, failure.response);
	}
}

function refusedError(
	ctx: CartComFunctions,
	conn: ConnectionInfo,
	call: CartComCall,
	response: IN8nHttpFullResponse,
	extraDescription?: string,
) {
	return cartComApiError({
		node: ctx.getNode(),
		statusCode: response.statusCode,
		body: parseErrorBody(response.body),
		method: call.method,
		path: call.path,
		authentication: conn.authentication,
		secrets: call.secrets,
		itemIndex: call.itemIndex,
		extraDescription,
	});
}

/** Whether a 404 is "nothing" to the caller, as the request's `allowNotFound` decides from Cart.com's error body. */
function notFoundIsNothing(allowNotFound: CartComRequestOptions['allowNotFound']) {
	return (response: IN8nHttpFullResponse): boolean =>
		typeof allowNotFound === 'function'
			? allowNotFound(parseErrorBody(response.body))
			: Boolean(allowNotFound);
}

/**
 * The one place that talks HTTP to Cart.com: throttles on the store's call budget, signs through the
 * credential, never follows a redirect, bounds every attempt, retries what is safe to retry, and
 * turns failures into NodeApiErrors without secrets (see nodes/shared/http/request.ts). A GET
 * resolves to a JSON object (or undefined for an allowed 404); a write to the record the store
 * answered, or undefined for an empty 2xx.
 */
export async function cartComRequest(
	this: CartComFunctions,
	options: CartComRequestOptions,
	connection?: ConnectionInfo,
): Promise<CartComRecord | undefined> {
	const conn = connection ?? (await getConnection(this, options.itemIndex));
	const method = options.method.toUpperCase() as IHttpRequestMethods;
	const url = appendQuery(options.path, options.query);
	const signature = signatureOf(conn.credentials, method, url);
	const secrets = [...conn.secrets, ...(options.secrets ?? []).filter((value) => value !== '')];
	const call: CartComCall = {
		method,
		path: options.path,
		repeatable: options.repeatable ?? IDEMPOTENT_METHODS.has(method),
		secrets: signature ? [...secrets, signature] : secrets,
		itemIndex: options.itemIndex,
	};
	const headers: IDataObject = { 'Cache-Control': 'no-cache', Accept: 'application/json' };
	let body: IDataObject | IDataObject[] | Buffer | undefined = options.body;
	if (options.multipart) {
		// Built once: a retry the loop allows (429, a connection never opened) sends the same bytes.
		const multipart = multipartBody(options.multipart);
		body = multipart.body;
		headers['Content-Type'] = multipart.contentType;
	}
	const send = async (extraHeaders: Record<string, string>) =>
		await sendWithRetries(
			this,
			cartComProtocol(this, conn, call),
			{
				credentialType: conn.credentialType,
				method,
				url,
				headers: { ...headers, ...extraHeaders },
				body,
				repeatable: call.repeatable,
				budget: { key: conn.storeKey, windowMs: settings.callWindowMs },
				secrets: call.secrets,
				allowNotFound: notFoundIsNothing(options.allowNotFound),
			},
			settings,
		);
	if (conn.authentication !== 'oAuth2') return await send({});
	const sentAt = Date.now();
	let failure: unknown;
	try {
		return await send({});
	} catch (error) {
		failure = error;
	}
	if (!(failure instanceof NodeApiError) || failure.httpCode !== '401') throw failure;
	// The store refused the access token before expiry (revoked, or its lifetime is unknown). A
	// 401 was not processed, so the request is sent once more: the credential's authenticate sees
	// the header, has n8n refresh the token unless it was renewed since `sentAt`, and strips the
	// header. A second 401 is reported.
	return await send({ [REFUSED_AT_HEADER]: String(sentAt) });
}

/**
 * How to report a write the store answered 2xx without a body: the record written when the caller
 * knows it (`{...record, success: true}`), or a read that finds the record a create made.
 */
export type WrittenRecord = IDataObject | (() => Promise<CartComRecord | undefined>);

/**
 * A write whose answer is the record. Cart.com may answer a write with no body (DELETE is 204 in the
 * docs, common_usage.md), so the item is not lost downstream: where the caller knows which record
 * was written, that is reported with `success: true`; a create is looked up again (re-read, never
 * re-sent). A create that cannot be found is an error: it was probably made, under an unknown ID,
 * and running it again would make a second one.
 */
export async function cartComWrite(
	this: CartComFunctions,
	options: CartComRequestOptions,
	written?: WrittenRecord,
): Promise<CartComRecord> {
	const conn = await getConnection(this, options.itemIndex);
	const answer = await cartComRequest.call(this, options, conn);
	if (answer !== undefined) return answer;
	if (typeof written === 'object') return { ...written, success: true };
	const found = written ? await written() : undefined;
	if (found !== undefined) return found;
	throw markAmbiguousWrite(
		cartComTransportError(
			this.getNode(),
			`Cart.com ${options.method} ${options.path} answered without the record it wrote`,
			'The record was probably created, but its ID is unknown. Do not run this again blindly: look for it in the store first.',
			conn.secrets,
			options.itemIndex,
		),
	);
}
