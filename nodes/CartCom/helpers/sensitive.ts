import type { IDataObject } from 'n8n-workflow';

/**
 * Card data the decrypt routes return (GET /credit_cards/{id}/decrypted, GET
 * /order_payments/{id}/decrypted, docs/scopes.md "decrypt"). Their answer shape is not documented,
 * so the field names below are a guess, kept broad: anything that looks like a card number,
 * security code, account or routing number, or a raw "decrypted" value.
 */
const SENSITIVE_KEY =
	/(card_?number|^number$|account_?number|routing|cvv|cvc|cid|security_?code|pan$|decrypted)/i;

/** `4111111111111111` → `************1111`; short values (a CVV) become all stars. */
export function maskValue(value: unknown): unknown {
	if (value === null || value === undefined || value === '') return value;
	const text = String(value);
	if (text.length <= 4) return '*'.repeat(text.length);
	return `${'*'.repeat(text.length - 4)}${text.slice(-4)}`;
}

/**
 * A copy of `record` with every sensitive-looking value masked, nested objects and arrays (e.g. an
 * order payment's `fields`) included. For the "Mask Card Data" option of the decrypt operations.
 */
export function maskSensitive<T>(record: T): T {
	const walk = (node: unknown, key: string | undefined): unknown => {
		if (Array.isArray(node)) return node.map((entry) => walk(entry, key));
		if (node !== null && typeof node === 'object') {
			const entries = Object.entries(node as IDataObject);
			// A payment form field `{name: "Card Number", value: "4111…"}` names its secret in `name`.
			const named = entries.find(([entryKey]) => entryKey === 'name')?.[1];
			const secretByName =
				typeof named === 'string' && SENSITIVE_KEY.test(named.replace(/ /g, '_'));
			return Object.fromEntries(
				entries.map(([entryKey, entry]) => [
					entryKey,
					secretByName && entryKey === 'value' ? maskValue(entry) : walk(entry, entryKey),
				]),
			);
		}
		if (key !== undefined && SENSITIVE_KEY.test(key)) return maskValue(node);
		return node;
	};
	return walk(record, undefined) as T;
}
