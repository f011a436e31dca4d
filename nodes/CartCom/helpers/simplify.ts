import type { IExecuteFunctions } from 'n8n-workflow';

import type { CartComRecord } from '../transport';
import type { ResourceSpec } from './types';

/** Keeps the simplified field set (and id) when the node's Simplify toggle is on. */
export function simplifyRecord<T extends CartComRecord>(
	record: T,
	fields: string[] | undefined,
): T {
	if (!fields?.length) return record;
	const kept = ['id', ...fields].filter((field) => field in record);
	// A subset of a record's fields is still a record of the same kind.
	return Object.fromEntries(kept.map((field) => [field, record[field]])) as T;
}

/** The records as the Simplify parameter asks (resources without simplify fields have no such parameter). */
export function simplifyIfAsked(
	ctx: IExecuteFunctions,
	spec: ResourceSpec,
	itemIndex: number,
	records: CartComRecord[],
): CartComRecord[] {
	if (!spec.simplifyFields?.length) return records;
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? records.map((record) => simplifyRecord(record, spec.simplifyFields)) : records;
}
