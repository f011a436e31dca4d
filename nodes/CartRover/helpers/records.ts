import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../shared/node';
import { simplifyRecord } from './simplify';

/**
 * The records of an answer's `response`: a list gives one record per entry (a bare value becomes
 * `{ value }`), an object is one record, nothing gives none. CartRover does not document the shape
 * of every answer (cart/list, cart/listall, shipmethod/list), so the node takes any of them.
 */
export function toRecords(response: unknown): IDataObject[] {
	if (response === undefined || response === null || typeof response === 'boolean') return [];
	if (Array.isArray(response))
		return response.map((entry) => (isJsonObject(entry) ? entry : { value: entry as string }));
	if (isJsonObject(response)) return [response];
	return [{ value: response as string }];
}

/** Records simplified or raw, as the Simplify parameter asks. */
export const shaped = (records: IDataObject[], simplify: boolean) =>
	simplify ? records.map(simplifyRecord) : records;
