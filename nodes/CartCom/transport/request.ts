import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	CredentialInputError,
	credentialTypeFor,
	parseCredentials,
	secretsOf,
	type AuthenticationType,
	type CartComCredentials,
} from './auth';
import { parseErrorBody, type CartComErrorBody } from './envelope';
import { cartComApiError, cartComTransportError, redact } from './errors';
import { appendQuery, type Query } from './query';
import { budgetFor, CALL_WINDOW_MS, parseCallLimit, parseRetryAfter } from './rateLimit';

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
}

export interface TransportSettings {
	/** Retries after the first attempt, for 429s and (idempotent methods only) 5xx / network faults. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this fails the call at once instead of blocking the workflow. */
	maxRetryAfterMs: number;
	timeoutMs: number;
	/** The store's rate-limit window; 10 s per Cart.com's docs, shorter only in tests and benchmarks. */
	callWindowMs: number;
}

const DEFAULT_SETTINGS: TransportSettings = {
	maxRetries: 5,
	baseDelayMs: 500,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 120_000,
	timeoutMs: 60_000,
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
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
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
export async function getConnection(ctx: CartComFunctions, itemIndex?: number): Promise<ConnectionInfo> {
	const authentication = getAuthentication(ctx);
	const credentialType = credentialTypeFor(authentication);
	const raw = await ctx.getCredentials(credentialType);
	try {
		const credentials = parseCredentials(credentialType, raw);
		const storeKey =
			credentials.kind === 'accessToken' ? credentials.apiBase : `${credentials.apiBase}#${credentials.siteId}`;
		return { authentication, credentialType, credentials, secrets: secretsOf(credentials), storeKey };
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			error instanceof CredentialInputError ? `Invalid Cart.com credential: ${error.message}` : (error as Error),
			{ description: 'Open the credential and correct the field named above.', itemIndex },
		);
	}
}

function backoffDelay(attempt: number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	// Full jitter keeps parallel executions from retrying in lock-step.
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

async function waitForSlot(storeKey: string): Promise<void> {
	const budget = budgetFor(storeKey, settings.callWindowMs);
	for (;;) {
		const waitMs = budget.tryTake();
		if (waitMs === 0) return;
		await sleep(waitMs);
	}
}

function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
	if (body === undefined || body === null || body === '') return { ok: true, value: undefined };
	if (typeof body !== 'string') return { ok: true, value: body };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false };
	}
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
	return candidates.find((value): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value));
}

/**
 * The one place that talks HTTP to Cart.com: throttles on the store's call budget, signs through the
 * credential, retries what is safe to retry, and turns failures into NodeApiErrors without secrets.
 */
export async function cartComRequest(
	this: CartComFunctions,
	options: CartComRequestOptions,
	connection?: ConnectionInfo,
): Promise<unknown> {
	const conn = connection ?? (await getConnection(this, options.itemIndex));
	const method = options.method.toUpperCase() as IHttpRequestMethods;
	const idempotent = IDEMPOTENT_METHODS.has(method);
	const url = appendQuery(options.path, options.query);
	const node = this.getNode();
	let mayHaveBeenApplied = false;

	for (let attempt = 0; ; attempt++) {
		const retriesLeft = attempt < settings.maxRetries;
		await waitForSlot(conn.storeKey);
		const budget = budgetFor(conn.storeKey, settings.callWindowMs);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, conn.credentialType, {
				method,
				url,
				headers: { 'Cache-Control': 'no-cache', Accept: 'application/json' },
				body: options.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: settings.timeoutMs,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			budget.settle(undefined);
			const code = errorCode(error);
			const neverSent = code !== undefined && NOT_SENT_CODES.has(code);
			if (code !== undefined && TRANSIENT_CODES.has(code) && (idempotent || neverSent) && retriesLeft) {
				if (!neverSent) mayHaveBeenApplied = true;
				await sleep(backoffDelay(attempt));
				continue;
			}
			const reason = redact(error instanceof Error ? error.message : String(error), conn.secrets);
			throw cartComTransportError(
				node,
				`Cart.com ${method} ${options.path} could not be completed: ${code ?? reason}`,
				idempotent
					? `The store could not be reached after ${attempt + 1} attempt(s) (${reason}). Check the store domain and try again later.`
					: `The connection broke during a write (${reason}). It was not repeated, because it may already have been applied: check the store before running again.`,
				conn.secrets,
				options.itemIndex,
			);
		}
		budget.settle(parseCallLimit(response.headers?.['x-ac-call-limit']));
		const status = response.statusCode;

		if (status >= 200 && status < 300) {
			const parsed = parseBody(response.body);
			if (parsed.ok) return parsed.value;
			if (idempotent && retriesLeft) {
				await sleep(backoffDelay(attempt));
				continue;
			}
			throw cartComTransportError(
				node,
				`Cart.com ${method} ${options.path} returned an unreadable response`,
				idempotent
					? 'The response was not valid JSON several times in a row.'
					: 'The write may have been applied: check the store before running again.',
				conn.secrets,
				options.itemIndex,
			);
		}

		if (status === 429) {
			const waitMs = parseRetryAfter(response.headers?.['retry-after']) ?? backoffDelay(attempt);
			if (retriesLeft && waitMs <= settings.maxRetryAfterMs) {
				budget.exhaustedFor(waitMs);
				await sleep(waitMs);
				continue;
			}
		} else if (status >= 500 && idempotent && retriesLeft) {
			mayHaveBeenApplied = true;
			await sleep(backoffDelay(attempt));
			continue;
		}

		const errorBody = parseErrorBody(response.body);
		if (status === 404) {
			// A DELETE that already went through before a fault: the record is gone, as asked.
			if (method === 'DELETE' && mayHaveBeenApplied) return undefined;
			const { allowNotFound } = options;
			if (typeof allowNotFound === 'function' ? allowNotFound(errorBody) : allowNotFound) return undefined;
		}

		throw cartComApiError({
			node,
			statusCode: status,
			body: errorBody,
			method,
			path: options.path,
			authentication: conn.authentication,
			secrets: conn.secrets,
			itemIndex: options.itemIndex,
		});
	}
}
