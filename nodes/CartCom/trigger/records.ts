/**
 * What the trigger needs from each record it reads: a valid id, for Updated a readable (or empty)
 * updated_at, and the order the store promised. A record that fails this fails the poll, loudly and with the
 * record named: skipping it would lose it for good, since the cursor moves past it.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redact, type CartComRecord, type ConnectionInfo } from '../transport';
import type { FeedScope } from './feed';
import { recordIdOf, type StoreTime } from './instants';
import type { Version } from './state';

/** Quoted, shortened and without secrets: safe to show in an error. */
function shown(value: unknown, connection: ConnectionInfo): string {
	const text = value === undefined ? 'nothing' : JSON.stringify(value);
	return redact(text.length > 80 ? `${text.slice(0, 77)}...` : text, connection.secrets);
}

function unreadable(ctx: IPollFunctions, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		description:
			'The trigger stops here rather than skip a record it cannot place (that record would be lost for good). Please report this with the value shown.',
	});
}

export function idOf({ ctx, connection, source }: FeedScope, record: CartComRecord): number {
	const id = recordIdOf(record.id);
	if (id === undefined) {
		throw unreadable(
			ctx,
			`Cart.com returned a ${source.noun} without a valid id (id ${shown(record.id, connection)}) from ${source.path}`,
		);
	}
	return id;
}

/**
 * Live stores leave `updated_at` empty on some records (Airbyte's source-cart schemas type it
 * nullable; docs/resources samples show null dates): such a record has no place in the
 * (updated_at, id) order, and a filter on updated_at never selects it.
 */
export const hasNoTimestamp = (value: unknown): boolean =>
	value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The record's version, or undefined when its `updated_at` is empty (see hasNoTimestamp). A value
 * that is there but unreadable still stops the poll.
 */
export function versionOf(
	scope: FeedScope,
	record: CartComRecord,
	time: StoreTime,
): Version | undefined {
	const { ctx, connection, source } = scope;
	const id = idOf(scope, record);
	if (hasNoTimestamp(record.updated_at)) return undefined;
	const at = time.instantOf(record.updated_at);
	if (at === undefined) {
		throw unreadable(
			ctx,
			`Cart.com returned ${source.noun} ${id} with an updated_at the trigger cannot read: ${shown(record.updated_at, connection)}`,
		);
	}
	return { id, at };
}

/** A place in the (updated_at, id) order. `id` 0 is before an instant's first record, Infinity after its last. */
export interface Position {
	at: number;
	id: number;
}

export function compareKeys(a: Position, b: Position): number {
	if (a.at !== b.at) return a.at < b.at ? -1 : 1;
	return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** The keys must rise strictly, as sorted; otherwise paging by key could pass over records. */
export function assertAscending({ ctx, source }: FeedScope, sort: string, keys: Position[]): void {
	for (let i = 1; i < keys.length; i++) {
		if (compareKeys(keys[i - 1], keys[i]) < 0) continue;
		throw new NodeOperationError(
			ctx.getNode(),
			`Cart.com did not return ${source.path} in the order asked (sort=${sort}): ${source.noun} ${keys[i - 1].id} came before ${keys[i].id}`,
			{
				description:
					'The trigger reads on from the last record of each page, so it needs that order to skip nothing. Please report this with the store version.',
			},
		);
	}
}
