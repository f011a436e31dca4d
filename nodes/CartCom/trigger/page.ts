import type { IPollFunctions } from 'n8n-workflow';

import { fetchListPage, type CartComRecord, type ConnectionInfo, type Query } from '../transport';

/** Cart.com's default page size; it also bounds what one request of an idle poll returns. */
export const TRIGGER_PAGE_SIZE = 100;

export interface PageRequest {
	path: string;
	recordsKey: string;
	query: Query;
	page?: number;
	count?: number;
}

export interface FetchedPage {
	records: CartComRecord[];
	hasNextPage: boolean;
}

/**
 * One page of a list, with whether another follows. The trigger pages by moving its filter (keyset)
 * rather than by page number, because a record changed while we read jumps to the end of an
 * `updated_at` ordering and shifts every later record one place back: numbered pages would skip one.
 * Errors propagate as NodeApiErrors from the transport, so a failed poll keeps the old cursor.
 */
export async function fetchPage(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	request: PageRequest,
): Promise<FetchedPage> {
	return await fetchListPage(ctx, connection, {
		path: request.path,
		query: request.query,
		recordsKey: request.recordsKey,
		page: request.page ?? 1,
		count: request.count ?? TRIGGER_PAGE_SIZE,
	});
}
