import { DateTime } from 'luxon';

/**
 * A date parameter as CartRover takes it in a query: ISO 8601 with its offset, whole seconds, as
 * its answers are written (`2018-08-27T02:24:58+00:00`, spec page "Timestamps"). An offset given
 * is kept; without one the workflow's time zone applies. The transport's query encoding sends the
 * `+` of an offset as %2B, which the spec page requires ("YOU MUST encode the plus symbol").
 * Returns undefined for a value that is not a date.
 */
export function toCartRoverDateTime(value: unknown, zone: string): string | undefined {
	let date: DateTime | undefined;
	if (DateTime.isDateTime(value)) date = value;
	else if (value instanceof Date) date = DateTime.fromJSDate(value, { zone });
	else if (typeof value === 'string' && value.trim())
		date = DateTime.fromISO(value.trim(), { zone, setZone: true });
	if (!date?.isValid) return undefined;
	return date.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
