/** A response body as n8n hands it over: JSON it parsed already, or text when it could not. */
export type ParsedBody =
	| { kind: 'empty' }
	| { kind: 'unreadable' }
	| { kind: 'json'; value: unknown };

/**
 * The one reading of a body every service starts from: no body (or only whitespace) is empty,
 * text that is not JSON is unreadable, anything else is the JSON value for the service to judge.
 */
export function parseBody(raw: unknown): ParsedBody {
	let value = raw;
	if (typeof value === 'string') {
		if (value.trim() === '') return { kind: 'empty' };
		try {
			value = JSON.parse(value);
		} catch {
			return { kind: 'unreadable' };
		}
	}
	if (value === undefined || value === null) return { kind: 'empty' };
	return { kind: 'json', value };
}
