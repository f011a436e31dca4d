/**
 * CartRover's side of every request: the credential (getCartRoverConnection), the account's leaky
 * bucket, what CartRover's answers mean and how its failures are worded. The loop itself
 * (throttling, retries, deadlines, redirect refusal, ambiguous writes) is nodes/shared/http/request.ts.
 */
import type { IDataObject, IN8nHttpFullResponse, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	appendQuery,
	redirectHost,
	sendWithRetries,
	type Answer,
	type BudgetDescriptor,
	type Failure,
	type HttpFunctions,
	type HttpProtocol,
	type Query,
	type RetrySettings,
} from '../../shared/http';
import {
	CARTROVER_API_PATH,
	CARTROVER_CREDENTIAL,
	CartRoverCredentialError,
	cartRoverSecretsOf,
	parseCartRoverCredentials,
	type CartRoverCredentials,
	type CartRoverLevel,
} from '../../../credentials/common/cartRoverAuth';
import { readEnvelope } from './envelope';
import { cartRoverError } from './errors';
import {
	BUCKET_CAPACITY,
	BUCKET_LEAK_MS,
	HITS_REMAINING_HEADER,
	parseHitsRemaining,
	processIdOf,
} from './rateLimit';

export type CartRoverFunctions = HttpFunctions;

export interface CartRoverRequestOptions {
	method: 'GET' | 'POST';
	/** Below /v1, level included, segments already encoded with `pathSegment`, e.g. `/cart/orders/${pathSegment(ref)}`. */
	path: string;
	/** Shared query encoding; a '+' in a value goes out as %2B (spec page, "Timestamps"). */
	query?: Query;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Default: GET true, POST false. */
	repeatable?: boolean;
	/** false for POST /cart/orders/cartrover (not rate limited per the spec page): takes no bucket slot. */
	rateLimited?: boolean;
}

/** A success envelope: `response` is the envelope's `response` (undefined when absent, e.g. update);
 *  `body` is the whole parsed body (create order puts cust_ref/order_number at top level). */
export interface CartRoverAnswer {
	body: IDataObject;
	response: unknown;
	processId: string | undefined;
	/** The answer's `Date` header as sent (RFC 9110 §6.6.1), for callers that need the server's "now". */
	serverDate: string | undefined;
}

export interface CartRoverTransportSettings extends RetrySettings {
	/** The leaky bucket: 100 calls, one drained every 600 ms (spec page); smaller only in tests. */
	bucketCapacity: number;
	bucketLeakMs: number;
}

const DEFAULT_SETTINGS: CartRoverTransportSettings = {
	maxRetries: 5,
	baseDelayMs: 600,
	maxDelayMs: 15_000,
	maxRetryAfterMs: 120_000,
	// "back off for at least 0.6 s per call needed" (spec page, "Rate Limit")
	minRetryAfterMs: BUCKET_LEAK_MS,
	// The official PHP client waits 30 s (APIObject.php); a slow list gets twice that before a retry.
	timeoutMs: 60_000,
	attemptDeadlineMs: 120_000,
	bucketCapacity: BUCKET_CAPACITY,
	bucketLeakMs: BUCKET_LEAK_MS,
};

let settings: CartRoverTransportSettings = { ...DEFAULT_SETTINGS };

/** Tests and benchmarks shorten the back-off or the bucket; nodes always run with the defaults. */
export function configureCartRoverTransport(
	overrides: Partial<CartRoverTransportSettings> | 'defaults',
): void {
	settings = overrides === 'defaults' ? { ...DEFAULT_SETTINGS } : { ...settings, ...overrides };
}

export interface CartRoverConnection {
	credentials: CartRoverCredentials;
	secrets: string[];
	/** Names the account's bucket: base and API user, never a secret. */
	bucketKey: string;
}

/** Loads and checks the credential before anything is sent; bad values name the field. */
export async function connectionOf(
	ctx: CartRoverFunctions,
	itemIndex?: number,
): Promise<CartRoverConnection> {
	const raw = await ctx.getCredentials(CARTROVER_CREDENTIAL, itemIndex);
	try {
		const credentials = parseCartRoverCredentials(raw);
		return {
			credentials,
			secrets: cartRoverSecretsOf(credentials),
			bucketKey: `cartrover ${credentials.baseUrl} ${credentials.apiUser}`,
		};
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			error instanceof CartRoverCredentialError
				? `Invalid CartRover credential: ${error.message}`
				: (error as Error),
			{ description: 'Open the credential and correct the field named above.', itemIndex },
		);
	}
}

/** The credential's level and base, read and checked (zod) before any request. */
export async function getCartRoverConnection(
	this: CartRoverFunctions,
): Promise<{ level: CartRoverLevel; baseUrl: string }> {
	const { credentials } = await connectionOf(this);
	return { level: credentials.level, baseUrl: credentials.baseUrl };
}

interface CartRoverCall {
	method: 'GET' | 'POST';
	path: string;
	repeatable: boolean;
	secrets: string[];
	itemIndex?: number;
}

function headerText(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

/**
 * What CartRover's answers mean: the envelope's `success_code`, whatever the HTTP status (an error
 * can come with 200). `error_code: RateLimit` (or a bare 429) is a rate limit, any other refusal is
 * final; a body without `success_code` is unreadable.
 */
export function readCartRoverAnswer(response: IN8nHttpFullResponse): Answer<CartRoverAnswer> {
	const status = response.statusCode;
	const envelope = readEnvelope(response.body);
	const processId = processIdOf(response.headers);
	switch (envelope.kind) {
		case 'success':
			return {
				kind: 'value',
				value: {
					body: envelope.body,
					response: envelope.response,
					processId,
					serverDate: headerText(response.headers?.date),
				},
			};
		case 'error':
			if (envelope.errorCode === 'RateLimit')
				return { kind: 'rateLimited', retryAfter: response.headers?.['retry-after'] };
			return { kind: 'refused', serverFault: status >= 500, notFound: false };
		default:
			if (status === 429)
				return { kind: 'rateLimited', retryAfter: response.headers?.['retry-after'] };
			if (status >= 200 && status < 300) return { kind: 'unreadable' };
			return { kind: 'refused', serverFault: status >= 500, notFound: status === 404 };
	}
}

function cartRoverProtocol(
	ctx: CartRoverFunctions,
	conn: CartRoverConnection,
	call: CartRoverCall,
): HttpProtocol<CartRoverAnswer> {
	// The last answer, so that an unreadable one is still reported with its process id and status.
	let last: IN8nHttpFullResponse | undefined;
	return {
		callLimitOf: (response) =>
			parseHitsRemaining(response.headers?.[HITS_REMAINING_HEADER], settings.bucketCapacity),
		read(response) {
			last = response;
			return readCartRoverAnswer(response);
		},
		describe: (failure) => describeFailure(ctx, conn, call, failure, last),
	};
}

/** The error the user sees for a request that failed for good. */
function describeFailure(
	ctx: CartRoverFunctions,
	conn: CartRoverConnection,
	call: CartRoverCall,
	failure: Failure,
	last: IN8nHttpFullResponse | undefined,
): NodeApiError {
	const base = {
		node: ctx.getNode(),
		method: call.method,
		path: call.path,
		secrets: call.secrets,
		itemIndex: call.itemIndex,
	};
	const isRead = call.method === 'GET';
	switch (failure.kind) {
		case 'unreachable':
			return cartRoverError({
				...base,
				statusCode: undefined,
				errorCode: undefined,
				processId: undefined,
				message: `could not be completed (${failure.code ?? failure.reason})`,
				description: isRead
					? `CartRover could not be reached after ${failure.attempts} attempt(s) (${failure.reason}). Check API URL and try again later.`
					: `The connection broke during a write (${failure.reason}). It was not repeated, because it may already have been applied: check CartRover before running again.`,
			});
		case 'redirect': {
			const host = redirectHost(failure.response.headers?.location, conn.credentials.baseUrl);
			return cartRoverError({
				...base,
				statusCode: failure.response.statusCode,
				errorCode: undefined,
				processId: processIdOf(failure.response.headers),
				message: `answered with a redirect (${failure.response.statusCode}) to ${host}; check API URL`,
				description: `The node never follows redirects, so the keys are not sent to another address${
					call.repeatable ? '' : ' and the request was not repeated there'
				}.`,
			});
		}
		case 'unreadable':
			return cartRoverError({
				...base,
				statusCode: last?.statusCode,
				errorCode: undefined,
				processId: processIdOf(last?.headers),
				message: 'answered without a CartRover envelope (no success_code)',
				description: isRead
					? 'CartRover answered without a readable JSON envelope several times in a row.'
					: 'The write may have been applied: check CartRover before running again.',
			});
		case 'rateLimited':
		case 'refused': {
			const envelope = readEnvelope(failure.response.body);
			const status = failure.response.statusCode;
			const isEnvelope = envelope.kind === 'error';
			const extra =
				failure.kind === 'rateLimited'
					? failure.tooLongMs !== undefined
						? `CartRover asked to wait ${Math.ceil(failure.tooLongMs / 1000)} s, longer than the ${failure.maxWaitMs / 1000} s this node waits.`
						: `Still over the limit after ${failure.attempts} attempts over ${Math.round(failure.elapsedMs / 1000)} s.`
					: undefined;
			return cartRoverError({
				...base,
				statusCode: status,
				errorCode: isEnvelope ? envelope.errorCode : undefined,
				processId: processIdOf(failure.response.headers),
				message: (isEnvelope ? envelope.message : undefined) ?? `HTTP ${status}`,
				description: [
					isEnvelope ? undefined : `HTTP ${status} without a CartRover envelope.`,
					extra,
					!isRead && status >= 500
						? 'The write may have been applied: check CartRover before running again.'
						: undefined,
				]
					.filter(Boolean)
					.join(' '),
			});
		}
	}
}

/** The loop's budget for a call: the account's leaky bucket, or none for an endpoint CartRover does not rate-limit. */
function budgetOf(conn: CartRoverConnection, rateLimited: boolean): BudgetDescriptor {
	if (!rateLimited) return { unmetered: true };
	return {
		key: conn.bucketKey,
		leakyBucket: { capacity: settings.bucketCapacity, leakMs: settings.bucketLeakMs },
	};
}

/**
 * The one place that talks HTTP to CartRover: throttles on the account's leaky bucket, signs through
 * the credential, never follows a redirect, bounds every attempt, waits out and retries `RateLimit`
 * (never applied, so a POST too), retries what else is safe, and turns failures into NodeApiErrors
 * naming error_code, message and process id, without secrets.
 */
export async function cartRoverRequest(
	this: CartRoverFunctions,
	options: CartRoverRequestOptions,
): Promise<CartRoverAnswer> {
	if (!options.path.startsWith('/') || /[?#]/.test(options.path))
		throw new NodeOperationError(
			this.getNode(),
			`CartRover path "${options.path}" must start with "/" and carry no query (pass query separately)`,
			{ itemIndex: options.itemIndex },
		);
	const conn = await connectionOf(this, options.itemIndex);
	const method = options.method;
	const call: CartRoverCall = {
		method,
		path: options.path,
		repeatable: options.repeatable ?? method === 'GET',
		secrets: conn.secrets,
		itemIndex: options.itemIndex,
	};
	const answer = await sendWithRetries(
		this,
		cartRoverProtocol(this, conn, call),
		{
			credentialType: CARTROVER_CREDENTIAL,
			method,
			url: appendQuery(`${CARTROVER_API_PATH}${options.path}`, options.query),
			headers: { Accept: 'application/json' },
			body: options.body,
			repeatable: call.repeatable,
			budget: budgetOf(conn, options.rateLimited ?? true),
			secrets: call.secrets,
		},
		settings,
	);
	// The protocol never answers `empty`, so the loop always returns a value or throws.
	if (answer === undefined) throw new Error('CartRover request ended without an answer');
	return answer;
}
