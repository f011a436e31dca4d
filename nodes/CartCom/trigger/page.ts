import type { IPollFunctions } from 'n8n-workflow';

import {
	cartComRequest,
	cartComTransportError,
	parseListPage,
	UnexpectedResponseError,
	type CartComErrorBody,
	type CartComRecord,
	type ConnectionInfo,
	type Query,
} from '../transport';

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

/** An unknown route answers 404 with this text; any other 404 on a list means "no records". */
const isUnknownRoute = (body: CartComErrorBody | undefined) =>
	typeof body?.details === 'string' && /no resource matches/i.test(body.details);

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
	const page = request.page ?? 1;
	const body = await cartComRequest.call(
		ctx,
		{
			method: 'GET',
			path: request.path,
			query: { ...request.query, count: request.count ?? TRIGGER_PAGE_SIZE, page },
			allowNotFound: page > 1 ? true : (errorBody) => !isUnknownRoute(errorBody),
		},
		connection,
	);
	if (body === undefined) return { records: [], hasNextPage: false };
	try {
		const { records, hasNextPage } = parseListPage(body, request.recordsKey);
		return { records, hasNextPage };
	} catch (error) {
		throw cartComTransportError(
			ctx.getNode(),
			`Cart.com GET ${request.path}: ${error instanceof UnexpectedResponseError ? error.message : String(error)}`,
			'The store answered in a shape this node does not know. Please report it with the store version.',
			connection.secrets,
		);
	}
}
