/*
 * Money compared in whole cents, never as floats: 0.1 + 0.2 is not 0.3, but 10 + 20 cents is 30.
 * CartRover answers with four decimals ("8.0000"); the checks are on cents, as carts charge them.
 */

/** An amount in cents, rounded half up (19.995 → 2000). */
export function toCents(amount: number): number {
	// toFixed(6) first absorbs float noise such as 1.005 * 100 = 100.49999999999999.
	return Math.round(Number((amount * 100).toFixed(6)));
}

/** Cents back to an amount to send, e.g. 5997 → 59.97. */
export const fromCents = (cents: number): number => cents / 100;

/** 5997 → "59.97", as error messages show amounts. */
export function showCents(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const sumCents = (values: number[]): number => values.reduce((total, v) => total + v, 0);
