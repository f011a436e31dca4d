import type { IDataObject } from 'n8n-workflow';

import type { CartComRecord } from '../transport';

/*
 * The transport returns records as CartComRecord (Record<string, unknown>); these two helpers are
 * the only places the actions layer restates their type.
 */

/**
 * A record as n8n JSON (item output, or the record a write reports). Records come from Cart.com's
 * JSON answers or from node parameters, so every value is JSON data, which IDataObject describes.
 */
export const asNodeJson = (record: CartComRecord) => record as IDataObject;

/** A nested collection of a record (a shipment's items, a product's variant rows); not an array reads as none. */
export const nestedRecords = (value: unknown): CartComRecord[] =>
	Array.isArray(value) ? (value as CartComRecord[]) : [];
