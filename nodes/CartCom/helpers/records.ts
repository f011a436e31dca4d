import type { CartComRecord } from '../transport';

/** A nested collection of a record (a shipment's items, a product's variant rows); not an array reads as none. */
export const nestedRecords = (value: unknown): CartComRecord[] =>
	Array.isArray(value) ? (value as CartComRecord[]) : [];
