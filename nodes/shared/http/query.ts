/** A query value as the transports accept it; undefined, null and empty strings are dropped. */
export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

/**
 * Form-style encoding, byte for byte what Python's `urllib.parse.urlencode` produces (space → `+`,
 * `:` → `%3A`, `,` → `%2C`, and `!'()*` escaped too). One encoding for what is sent, what is signed
 * (Cart.com's Central API Router signs the query as Airbyte's live-tested `source-cart` client
 * encodes it) and what is redacted from errors.
 */
export function encodeQueryComponent(value: string): string {
	return encodeURIComponent(value)
		.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

/** Serialises a query in insertion order; returns '' when nothing is left to send. */
export function encodeQuery(query: Query | undefined): string {
	if (!query) return '';
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null || value === '') continue;
		pairs.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(String(value))}`);
	}
	return pairs.join('&');
}

/** Appends an encoded query to a path that may already carry one. */
export function appendQuery(path: string, query: Query | undefined): string {
	const encoded = encodeQuery(query);
	if (!encoded) return path;
	return `${path}${path.includes('?') ? '&' : '?'}${encoded}`;
}
