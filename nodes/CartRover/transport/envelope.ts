/**
 * CartRover's JSON envelope (spec page https://versori.com/open-api-spec-library/cartrover-api,
 * "Errors"): success is `{success_code: true, response}`; a refusal is `{success_code: false,
 * error_code: Invalid|Failure|RateLimit, message}`, possibly with HTTP 200. Older answers name the
 * text `status_message` (the unofficial Ruby client reads `status_message || message`); the official
 * PHP client (CartRover/cartrover-php, lib/CartRover/APIObject.php) throws on `!success_code`.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { parseBody } from '../../shared/http';

const successSchema = z.object({ success_code: z.literal(true) }).passthrough();

const errorSchema = z
	.object({
		success_code: z.literal(false),
		error_code: z.unknown().optional(),
		message: z.unknown().optional(),
		status_message: z.unknown().optional(),
	})
	.passthrough();

export type Envelope =
	| { kind: 'success'; body: IDataObject; response: unknown }
	| { kind: 'error'; errorCode: string | undefined; message: string | undefined; body: IDataObject }
	/** No body at all. */
	| { kind: 'empty' }
	/** A body that is not a CartRover envelope (HTML, a proxy's page, JSON without success_code). */
	| { kind: 'unreadable' };

const text = (value: unknown): string | undefined => {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	return undefined;
};

/** Reads a body as n8n hands it over: already parsed JSON, or text when it was not JSON. */
export function readEnvelope(raw: unknown): Envelope {
	const parsed = parseBody(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
	if (parsed.kind !== 'json') return parsed;
	const { value } = parsed;
	const success = successSchema.safeParse(value);
	if (success.success) {
		const body = success.data as IDataObject;
		return { kind: 'success', body, response: body.response };
	}
	const error = errorSchema.safeParse(value);
	if (error.success) {
		return {
			kind: 'error',
			errorCode: text(error.data.error_code),
			message: text(error.data.message) ?? text(error.data.status_message),
			body: error.data as IDataObject,
		};
	}
	return { kind: 'unreadable' };
}
