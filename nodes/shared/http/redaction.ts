import { encodeQueryComponent } from './query';

/**
 * The forms a secret can take in text that reaches an error: as sent, JSON-escaped (an echoed body),
 * URL-encoded either way (an echoed URL), and base64 (an echoed Basic header).
 */
function encodedForms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const uri = encodeURIComponent(secret);
	const base64 = Buffer.from(secret, 'utf8').toString('base64');
	const forms = new Set([
		secret,
		json,
		uri,
		uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		encodeQueryComponent(secret),
		base64,
		base64.replace(/=+$/, ''),
		base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
	]);
	return [...forms].filter(Boolean);
}

/**
 * Replaces every occurrence of a secret, in any of its encoded forms, with `***`. Short secrets are
 * redacted too: an over-redacted message is a smaller harm than a leaked credential.
 */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	// Longest first, so that a form containing another is replaced whole.
	const forms = secrets.filter(Boolean).flatMap(encodedForms);
	forms.sort((a, b) => b.length - a.length);
	for (const form of forms) result = result.split(form).join('***');
	return result;
}

/** Deep redaction of every string (keys included), for error bodies shown in n8n's error panel. */
export function redactJson<T>(value: T, secrets: readonly string[]): T {
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redact(node, secrets);
		if (Array.isArray(node)) return node.map(walk);
		if (node !== null && typeof node === 'object') {
			return Object.fromEntries(
				Object.entries(node).map(([key, entry]) => [redact(key, secrets), walk(entry)]),
			);
		}
		return node;
	};
	return walk(value) as T;
}
