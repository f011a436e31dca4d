/** Shapes shared by the request pipeline and the handlers. */
import type { MemoryStore } from './store';
import type { SimulatorSettings } from './types';

/** What a handler decided; the server writes it (or replaces it with a fault). */
export interface SimResponse {
	status: number;
	/** JSON-serialisable body; omitted for 204. */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface RequestContext {
	method: string;
	/** Path segments after /api/v1, `.json` suffix removed, e.g. ['orders', '100001', 'items']. */
	segments: string[];
	query: URLSearchParams;
	/** Parsed JSON body; undefined when empty. */
	body: unknown;
	/** Set when the body was present but not valid JSON. */
	bodyInvalid: boolean;
	/** The body's bytes as sent (multipart routes read these). */
	rawBody?: Buffer;
	/** The request's Content-Type header ('' when absent). */
	contentType?: string;
	store: MemoryStore;
	settings: SimulatorSettings;
	/** e.g. 'http://127.0.0.1:4010', used for next_page links. */
	baseUrl: string;
}

export function errorResponse(status: number, message: string, details: string): SimResponse {
	return { status, body: { status_code: status, message, details } };
}

export const badRequest = (details: string): SimResponse =>
	errorResponse(400, 'Bad Request', details);
export const conflict = (details: string): SimResponse => errorResponse(409, 'Conflict', details);
export const notFound = (details = 'No resource matches the URL specified.'): SimResponse =>
	errorResponse(404, 'NotFound', details);
export const methodNotAllowed = (method: string): SimResponse =>
	errorResponse(
		405,
		'MethodNotAllowed',
		`The requested resource does not support http method '${method}'.`,
	);
