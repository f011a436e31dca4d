import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	CredentialInputError,
	credentialTypeFor,
	parseCredentials,
	secretsOf,
	signatureOf,
	type AuthenticationType,
	type CartComCredentials,
} from './auth';
import { parseErrorBody, type CartComErrorBody, type CartComRecord } from './envelope';
import { cartComApiError, cartComTransportError, markAmbiguousWrite, redact } from './errors';
import { appendQuery, type Query } from './query';
import {
	budgetFor,
	CALL_WINDOW_MS,
	monotonicNow,
	parseCallLimit,
	parseRetryAfter,
} from './rateLimit';

export type CartComFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface CartComRequestOptions {
	method: IHttpRequestMethods;
	/** Path below /api/v1, e.g. `/orders/5/items`. */
	path: string;
	query?: Query;
	body?: IDataObject | IDataObject[];
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

export interface TransportSettings {
	/** Retries after the first attempt, for 429s and (repeatable requests only) 5xx / network faults. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this fails the call at once instead of blocking the workflow. */
	maxRetryAfterMs: number;
	/** The shortest wait after a 429, whatever Retry-After says (a date in the past, 0): one window slot. */
	minRetryAfterMs: number;
	/** Idle time without a byte from the store before an attempt is abandoned. */
	timeoutMs: number;
	/** Hard limit on one attempt, body included: a store that trickles its answer cannot hold a workflow. */
	attemptDeadlineMs: number;
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
/** Network faults where the request certainly never reached the store, so even a POST may go again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** Our own code for an attempt that outlived `attemptDeadlineMs`. */
const DEADLINE_CODE = 'EDEADLINE';
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	DEADLINE_CODE,
	...NOT_SENT_CODES,
]);

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
	return value === 'centralApiRouter' ? 'centralApiRouter' : 'accessToken';
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
			credentials.kind === 'accessToken'
				? credentials.apiBase
				: `${credentials.apiBase}#${credentials.siteId}`;
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

function backoffDelay(attempt: number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	// Full jitter keeps parallel executions from retrying in lock-step.
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * How long to wait after a 429. Retry-After may be seconds or an HTTP date (docs README); a date at
 * or before now, or 0, would mean "at once", which only draws the next 429, so at least one window
 * slot is waited, with jitter so that parallel executions do not return together.
 */
function retryAfterDelay(header: unknown, attempt: number): number {
	const asked = parseRetryAfter(header);
	if (asked === undefined) return Math.max(settings.minRetryAfterMs, backoffDelay(attempt));
	if (asked >= settings.minRetryAfterMs) return asked;
	return Math.round(settings.minRetryAfterMs * (1 + Math.random() / 2));
}

async function waitForSlot(storeKey: string): Promise<void> {
	const budget = budgetFor(storeKey, settings.callWindowMs);
	for (;;) {
		const waitMs = budget.tryTake();
		if (waitMs === 0) return;
		await sleep(waitMs);
	}
}

type ParsedBody = { kind: 'empty' } | { kind: 'object'; value: CartComRecord } | { kind: 'other' };

/** Cart.com answers every route with a JSON object (a record or a list envelope), or nothing (204). */
function parseBody(body: unknown): ParsedBody {
	let value = body;
	if (typeof value === 'string') {
		if (value.trim() === '') return { kind: 'empty' };
		try {
			value = JSON.parse(value);
		} catch {
			return { kind: 'other' };
		}
	}
	if (value === undefined || value === null) return { kind: 'empty' };
	if (typeof value === 'object' && !Array.isArray(value))
		return { kind: 'object', value: value as CartComRecord };
	return { kind: 'other' };
}

/**
 * The network error code (ECONNRESET, ...). n8n-core wraps axios errors in a NodeApiError that
 * keeps the code only as `httpCode`, so look there as well as on the raw error.
 */
function errorCode(error: unknown): string | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const { code, httpCode, cause, errorResponse } = error as {
		code?: unknown;
		httpCode?: unknown;
		cause?: { code?: unknown };
		errorResponse?: { code?: unknown };
	};
	const candidates = [code, httpCode, cause?.code, errorResponse?.code];
	return candidates.find(
		(value): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value),
	);
}

class AttemptDeadlineError extends Error {
	readonly code = DEADLINE_CODE;

	constructor(ms: number) {
		super(`no complete answer within ${Math.round(ms / 1000)} s`);
		this.name = 'AttemptDeadlineError';
	}
}

/**
 * Runs one attempt under a hard deadline. The request is also given the deadline's abort signal;
 * n8n replaces it with the execution's cancel signal in action nodes, so the race is what bounds
 * the wait there (the abandoned socket is then closed by the idle timeout).
 */
async function withDeadline<T>(
	attempt: (signal: AbortSignal) => Promise<T>,
	ms: number,
): Promise<T> {
	const signal = AbortSignal.timeout(ms);
	const request = attempt(signal);
	let onAbort = (): void => undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new AttemptDeadlineError(ms));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	// Whichever loses must not surface as an unhandled rejection.
	request.catch(() => undefined);
	expired.catch(() => undefined);
	try {
		return await Promise.race([request, expired]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** `https://host` of a redirect target, for the message; never its path or query, which may carry anything. */
function redirectHost(location: unknown, base: string): string {
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || value.trim() === '') return 'an address it did not give';
	try {
		const target = new URL(value, base);
		return `${target.protocol}//${target.host}`;
	} catch {
		return 'an unreadable address';
	}
}

interface Attempt {
	method: string;
	path: string;
	url: string;
	repeatable: boolean;
	secrets: string[];
	itemIndex?: number;
}

/** A 3xx is never followed: n8n would send the credential's headers along to wherever it points. */
function redirectError(
	ctx: CartComFunctions,
	attempt: Attempt,
	conn: ConnectionInfo,
	response: IN8nHttpFullResponse,
) {
	const host = redirectHost(response.headers?.location, conn.credentials.apiBase);
	const domainField = conn.credentials.kind === 'accessToken' ? 'Store Domain' : 'API Router URL';
	return cartComTransportError(
		ctx.getNode(),
		`Cart.com ${attempt.method} ${attempt.path}: the store answered with a redirect (${response.statusCode}) to ${host}; check ${domainField}`,
		`The node never follows redirects, so the credential is not sent to another address${
			attempt.repeatable ? '' : ' and the request was not repeated there'
		}. Enter the store's secure domain exactly as it serves the API (e.g. www.mystore.com instead of mystore.com).`,
		attempt.secrets,
		attempt.itemIndex,
	);
}

/** An answer we cannot read: a read may be asked again, a write may already have been applied. */
function unreadableError(ctx: CartComFunctions, attempt: Attempt, what: string): NodeApiError {
	const error = cartComTransportError(
		ctx.getNode(),
		`Cart.com ${attempt.method} ${attempt.path} returned ${what}`,
		attempt.repeatable
			? 'The store answered without a readable JSON object several times in a row.'
			: 'The write may have been applied: check the store before running again.',
		attempt.secrets,
		attempt.itemIndex,
	);
	return attempt.method === 'GET' ? error : markAmbiguousWrite(error);
}

/**
 * The one place that talks HTTP to Cart.com: throttles on the store's call budget, signs through the
 * credential, never follows a redirect, bounds every attempt, retries what is safe to retry, and
 * turns failures into NodeApiErrors without secrets. A GET resolves to a JSON object (or undefined
 * for an allowed 404); a write to the record the store answered, or undefined for an empty 2xx.
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
	const attempt: Attempt = {
		method,
		path: options.path,
		url,
		repeatable: options.repeatable ?? IDEMPOTENT_METHODS.has(method),
		secrets: signature ? [...conn.secrets, signature] : conn.secrets,
		itemIndex: options.itemIndex,
	};
	const isRead = method === 'GET';
	const node = this.getNode();
	let mayHaveBeenApplied = false;
	const rateLimitedSince = monotonicNow();

	for (let attemptIndex = 0; ; attemptIndex++) {
		const retriesLeft = attemptIndex < settings.maxRetries;
		await waitForSlot(conn.storeKey);
		const budget = budgetFor(conn.storeKey, settings.callWindowMs);
		let response: IN8nHttpFullResponse;
		try {
			response = await withDeadline(
				async (abortSignal) =>
					(await this.helpers.httpRequestWithAuthentication.call(this, conn.credentialType, {
						method,
						url,
						headers: { 'Cache-Control': 'no-cache', Accept: 'application/json' },
						body: options.body,
						json: true,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						disableFollowRedirect: true,
						timeout: settings.timeoutMs,
						abortSignal,
					})) as IN8nHttpFullResponse,
				settings.attemptDeadlineMs,
			);
		} catch (error) {
			budget.settle(undefined);
			const code = errorCode(error);
			const neverSent = code !== undefined && NOT_SENT_CODES.has(code);
			if (
				code !== undefined &&
				TRANSIENT_CODES.has(code) &&
				(attempt.repeatable || neverSent) &&
				retriesLeft
			) {
				if (!neverSent) mayHaveBeenApplied = true;
				await sleep(backoffDelay(attemptIndex));
				continue;
			}
			const reason = redact(
				error instanceof Error ? error.message : String(error),
				attempt.secrets,
			);
			const failure = cartComTransportError(
				node,
				`Cart.com ${method} ${options.path} could not be completed: ${code ?? reason}`,
				isRead
					? `The store could not be reached after ${attemptIndex + 1} attempt(s) (${reason}). Check the store domain and try again later.`
					: `The connection broke during a write (${reason}). It was not repeated, because it may already have been applied: check the store before running again.`,
				attempt.secrets,
				options.itemIndex,
			);
			throw isRead || neverSent ? failure : markAmbiguousWrite(failure);
		}
		budget.settle(parseCallLimit(response.headers?.['x-ac-call-limit']));
		const status = response.statusCode;

		if (status >= 300 && status < 400) throw redirectError(this, attempt, conn, response);

		if (status >= 200 && status < 300) {
			const parsed = parseBody(response.body);
			if (parsed.kind === 'object') return parsed.value;
			if (parsed.kind === 'empty' && !isRead) return undefined;
			if (isRead && retriesLeft) {
				await sleep(backoffDelay(attemptIndex));
				continue;
			}
			throw unreadableError(
				this,
				attempt,
				parsed.kind === 'empty' ? 'an empty answer' : 'an answer that is not a JSON object',
			);
		}

		if (status === 429) {
			const waitMs = retryAfterDelay(response.headers?.['retry-after'], attemptIndex);
			if (retriesLeft && waitMs <= settings.maxRetryAfterMs) {
				budget.exhaustedFor(waitMs);
				await sleep(waitMs);
				continue;
			}
			throw cartComApiError({
				node,
				statusCode: status,
				body: parseErrorBody(response.body),
				method,
				path: options.path,
				authentication: conn.authentication,
				secrets: attempt.secrets,
				itemIndex: options.itemIndex,
				extraDescription:
					waitMs > settings.maxRetryAfterMs
						? `The store asked to wait ${Math.ceil(waitMs / 1000)} s, longer than the ${settings.maxRetryAfterMs / 1000} s this node waits.`
						: `The store still answered 429 after ${attemptIndex + 1} attempts over ${Math.round((monotonicNow() - rateLimitedSince) / 1000)} s.`,
			});
		}
		if (status >= 500 && attempt.repeatable && retriesLeft) {
			if (!isRead) mayHaveBeenApplied = true;
			await sleep(backoffDelay(attemptIndex));
			continue;
		}

		const errorBody = parseErrorBody(response.body);
		if (status === 404) {
			// A DELETE that already went through before a fault: the record is gone, as asked.
			if (method === 'DELETE' && mayHaveBeenApplied) return undefined;
			const { allowNotFound } = options;
			if (typeof allowNotFound === 'function' ? allowNotFound(errorBody) : allowNotFound)
				return undefined;
		}

		const failure = cartComApiError({
			node,
			statusCode: status,
			body: errorBody,
			method,
			path: options.path,
			authentication: conn.authentication,
			secrets: attempt.secrets,
			itemIndex: options.itemIndex,
		});
		// A write that failed with a 5xx, or after an earlier attempt may have reached the store, is unknown.
		throw !isRead && (status >= 500 || mayHaveBeenApplied) ? markAmbiguousWrite(failure) : failure;
	}
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
