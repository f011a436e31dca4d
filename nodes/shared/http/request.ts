/**
 * The request loop every service's transport runs its calls through: it throttles on the account's
 * call budget, sends through the credential (which signs), never follows a redirect, bounds every
 * attempt, retries what is safe to retry, and knows which failed writes may have been applied.
 * What an answer means (status codes, envelopes, rate-limit signals) and how a failure is worded
 * are the service's: its transport passes them in as an HttpProtocol.
 */
import type {
	IDataObject,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { budgetFor, monotonicNow, type CallLimit } from './callBudget';
import { leakyBucketFor, type SlotBudget } from './leakyBucket';
import { markAmbiguousWrite, type HttpFunctions } from './errors';
import { redact } from './redaction';

export interface RetrySettings {
	/** Retries after the first attempt, for rate limits and (repeatable requests only) 5xx / network faults. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this fails the call at once instead of blocking the workflow. */
	maxRetryAfterMs: number;
	/** The shortest wait after a rate-limit refusal, whatever Retry-After says (a date in the past, 0): one window slot. */
	minRetryAfterMs: number;
	/** Idle time without a byte from the service before an attempt is abandoned. */
	timeoutMs: number;
	/** Hard limit on one attempt, body included: a service that trickles its answer cannot hold a workflow. */
	attemptDeadlineMs: number;
}

/** What one answer means, as the service reads it. Redirects (3xx) never reach the protocol. */
export type Answer<T> =
	| { kind: 'value'; value: T }
	/** Success without a body: fine for a write, unreadable for a read. */
	| { kind: 'empty' }
	/** Success with a body the service never sends. */
	| { kind: 'unreadable' }
	/** Over the rate limit; `retryAfter` is the Retry-After header's value, if any. */
	| { kind: 'rateLimited'; retryAfter: unknown }
	/** Refused. `serverFault`: the service failed (5xx), so a repeatable request may go again. */
	| { kind: 'refused'; serverFault: boolean; notFound: boolean };

/** Why a request failed for good. The loop decides this and which failures are ambiguous writes. */
export type Failure =
	| { kind: 'unreachable'; code: string | undefined; reason: string; attempts: number }
	| { kind: 'redirect'; response: IN8nHttpFullResponse }
	| { kind: 'unreadable'; empty: boolean }
	| {
			kind: 'rateLimited';
			response: IN8nHttpFullResponse;
			/** The wait asked for when it was longer than `maxWaitMs`; undefined when the retries ran out first. */
			tooLongMs: number | undefined;
			maxWaitMs: number;
			attempts: number;
			elapsedMs: number;
	  }
	| { kind: 'refused'; response: IN8nHttpFullResponse };

/** The service's part of a request: how to read its answers and how to word its failures. */
export interface HttpProtocol<T> {
	/** The calls the service counted in its window, from the answer (Cart.com: `X-AC-Call-Limit`). */
	callLimitOf(response: IN8nHttpFullResponse): CallLimit | undefined;
	/** What a non-redirect answer means (Cart.com by status code; a service may judge by its envelope). */
	read(response: IN8nHttpFullResponse): Answer<T>;
	/** The error for a failure; the loop marks it as an ambiguous write where that applies. */
	describe(failure: Failure): NodeApiError;
}

/**
 * Which budget a call takes a slot of: a rolling window (Cart.com), a leaky bucket (CartRover), or
 * none, for an endpoint the service does not rate-limit.
 */
export type BudgetDescriptor =
	| { key: string; windowMs: number }
	| { key: string; leakyBucket: { capacity: number; leakMs: number } }
	| { unmetered: true };

/** The account's budget for a call, or undefined when the call takes no slot. */
export function slotBudgetFor(descriptor: BudgetDescriptor): SlotBudget | undefined {
	if ('unmetered' in descriptor) return undefined;
	if ('leakyBucket' in descriptor)
		return leakyBucketFor(
			descriptor.key,
			descriptor.leakyBucket.capacity,
			descriptor.leakyBucket.leakMs,
		);
	return budgetFor(descriptor.key, descriptor.windowMs);
}

export interface HttpCall {
	credentialType: string;
	method: IHttpRequestMethods;
	/** Relative to the credential's base; the credential resolves and signs it. */
	url: string;
	headers?: IDataObject;
	/**
	 * JSON, or raw bytes (a multipart body from multipartBody(), with its Content-Type in `headers`).
	 * Bytes are a Buffer, never a stream, so a retry that is safe sends the same bytes again.
	 */
	body?: IDataObject | IDataObject[] | Buffer;
	/** Whether sending it twice changes nothing more than sending it once. */
	repeatable: boolean;
	/** The account's call budget: its key and the service's rule (see BudgetDescriptor). */
	budget: BudgetDescriptor;
	/** Redacted from every message. */
	secrets: readonly string[];
	/** A refusal with 404 that means "nothing" to the caller (a lookup, the page past the end). */
	allowNotFound?: (response: IN8nHttpFullResponse) => boolean;
}

/** Network faults where the request certainly never reached the service, so even a POST may go again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * The credential's own step before the request failed (e.g. an OAuth refresh the server refused):
 * the request was never sent, and repeating it would only repeat that step. Such an error (or the
 * error n8n wraps it in) carries `requestNotSent: true`; the failure gets this code.
 */
export const AUTH_STEP_FAILED_CODE = 'EAUTHREFRESH';

function markedNotSent(error: unknown): boolean {
	const marked = error as { requestNotSent?: unknown; cause?: { requestNotSent?: unknown } };
	return marked?.requestNotSent === true || marked?.cause?.requestNotSent === true;
}
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

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3) → milliseconds to wait (never negative). */
export function parseRetryAfter(
	header: unknown,
	now: DateTime = DateTime.utc(),
): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'number') return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
	const date = DateTime.fromHTTP(trimmed);
	if (!date.isValid) return undefined;
	return Math.max(0, date.toMillis() - now.toMillis());
}

function backoffDelay(settings: RetrySettings, attempt: number): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	// Full jitter keeps parallel executions from retrying in lock-step.
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * How long to wait after a rate-limit refusal. A Retry-After at or before now, or 0, would mean
 * "at once", which only draws the next refusal, so at least one window slot is waited, with jitter
 * so that parallel executions do not return together.
 */
function retryAfterDelay(settings: RetrySettings, header: unknown, attempt: number): number {
	const asked = parseRetryAfter(header);
	if (asked === undefined)
		return Math.max(settings.minRetryAfterMs, backoffDelay(settings, attempt));
	if (asked >= settings.minRetryAfterMs) return asked;
	return Math.round(settings.minRetryAfterMs * (1 + Math.random() / 2));
}

async function waitForSlot(budget: SlotBudget | undefined): Promise<void> {
	if (!budget) return;
	for (;;) {
		const waitMs = budget.tryTake();
		if (waitMs === 0) return;
		await sleep(waitMs);
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
export function redirectHost(location: unknown, base: string): string {
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || value.trim() === '') return 'an address it did not give';
	try {
		const target = new URL(value, base);
		return `${target.protocol}//${target.host}`;
	} catch {
		return 'an unreadable address';
	}
}

/**
 * Sends one call, retrying what is safe: rate-limit refusals (never processed, so POST too),
 * network faults before the request left, and (repeatable calls only) 5xx, other network faults
 * and unreadable reads. Resolves to the answer's value, or undefined for an empty write answer
 * or an allowed 404; throws the protocol's error otherwise, marked when a write may have been applied.
 */
export async function sendWithRetries<T>(
	ctx: HttpFunctions,
	protocol: HttpProtocol<T>,
	call: HttpCall,
	settings: RetrySettings,
): Promise<T | undefined> {
	const isRead = call.method === 'GET';
	let mayHaveBeenApplied = false;
	const startedAt = monotonicNow();
	const fail = (failure: Failure, ambiguous: boolean): NodeApiError => {
		const error = protocol.describe(failure);
		return ambiguous ? markAmbiguousWrite(error) : error;
	};

	for (let attemptIndex = 0; ; attemptIndex++) {
		const retriesLeft = attemptIndex < settings.maxRetries;
		const budget = slotBudgetFor(call.budget);
		await waitForSlot(budget);
		let response: IN8nHttpFullResponse;
		try {
			response = await withDeadline(
				async (abortSignal) =>
					(await ctx.helpers.httpRequestWithAuthentication.call(ctx, call.credentialType, {
						method: call.method,
						url: call.url,
						headers: call.headers,
						body: call.body,
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
			budget?.settle(undefined);
			const code = markedNotSent(error) ? AUTH_STEP_FAILED_CODE : errorCode(error);
			const neverSent =
				code !== undefined && (NOT_SENT_CODES.has(code) || code === AUTH_STEP_FAILED_CODE);
			if (
				code !== undefined &&
				TRANSIENT_CODES.has(code) &&
				(call.repeatable || neverSent) &&
				retriesLeft
			) {
				if (!neverSent) mayHaveBeenApplied = true;
				await sleep(backoffDelay(settings, attemptIndex));
				continue;
			}
			const reason = redact(error instanceof Error ? error.message : String(error), call.secrets);
			throw fail(
				{ kind: 'unreachable', code, reason, attempts: attemptIndex + 1 },
				!(isRead || neverSent),
			);
		}
		budget?.settle(protocol.callLimitOf(response));
		const status = response.statusCode;

		if (status >= 300 && status < 400) {
			// Never followed: n8n would send the credential's headers along to wherever it points.
			throw fail({ kind: 'redirect', response }, false);
		}

		const answer = protocol.read(response);
		if (answer.kind === 'value') return answer.value;
		if (answer.kind === 'empty' && !isRead) return undefined;
		if (answer.kind === 'empty' || answer.kind === 'unreadable') {
			if (isRead && retriesLeft) {
				await sleep(backoffDelay(settings, attemptIndex));
				continue;
			}
			// A read may be asked again; a write may already have been applied.
			throw fail({ kind: 'unreadable', empty: answer.kind === 'empty' }, !isRead);
		}

		if (answer.kind === 'rateLimited') {
			const waitMs = retryAfterDelay(settings, answer.retryAfter, attemptIndex);
			if (retriesLeft && waitMs <= settings.maxRetryAfterMs) {
				budget?.exhaustedFor(waitMs);
				await sleep(waitMs);
				continue;
			}
			throw fail(
				{
					kind: 'rateLimited',
					response,
					tooLongMs: waitMs > settings.maxRetryAfterMs ? waitMs : undefined,
					maxWaitMs: settings.maxRetryAfterMs,
					attempts: attemptIndex + 1,
					elapsedMs: monotonicNow() - startedAt,
				},
				false,
			);
		}

		if (answer.serverFault && call.repeatable && retriesLeft) {
			if (!isRead) mayHaveBeenApplied = true;
			await sleep(backoffDelay(settings, attemptIndex));
			continue;
		}
		if (answer.notFound) {
			// A DELETE that already went through before a fault: the record is gone, as asked.
			if (call.method === 'DELETE' && mayHaveBeenApplied) return undefined;
			if (call.allowNotFound?.(response)) return undefined;
		}
		// A write that failed with a 5xx, or after an earlier attempt may have reached the service, is unknown.
		throw fail(
			{ kind: 'refused', response },
			!isRead && (answer.serverFault || mayHaveBeenApplied),
		);
	}
}
