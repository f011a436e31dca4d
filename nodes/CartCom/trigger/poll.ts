/**
 * One poll of the Cart.com Trigger, the same steps for either event: read the settings, claim the
 * trigger, check the stored cursor, start one on the first run, read every record past it within
 * the poll's deadline, save the cursor after all of that succeeded, and emit the records.
 */
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { simplifyRecord } from '../helpers/simplify';
import {
	fetchListPage,
	getConnection,
	listPageSize,
	type CartComRecord,
	type ConnectionInfo,
} from '../transport';
import { changeFeed, NEWEST_CHANGED_FIRST } from './changeFeed';
import { createdFeed, NEWEST_CREATED_FIRST } from './createdFeed';
import { firstPage, type Feed } from './feed';
import { claimPoll, MAX_REQUESTS_PER_POLL, pollDeadline, triggerKeyOf } from '../../shared/poll';
import { isSavedCursor, rememberCursor } from './guards';
import { feedSource, readSettings, statusFilter, type TriggerSettings } from './settings';
import { fingerprint, readCursor, writeCursor, type Cursor } from './state';

function toItems(
	settings: TriggerSettings,
	records: CartComRecord[],
): INodeExecutionData[][] | null {
	if (records.length === 0) return null;
	const fields = settings.simplify ? settings.event.resource.simplifyFields : undefined;
	return [records.map((record) => ({ json: simplifyRecord(record, fields) }))];
}

/** "Fetch Test Event": the newest matching record; no cursor condition, so an OR of statuses is safe here. */
async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	connection: ConnectionInfo,
) {
	const source = feedSource(settings);
	const { statusIds } = settings;
	const filter = statusIds.length > 1 ? statusFilter(statusIds) : source.serverFilter;
	const sort = settings.event.kind === 'created' ? NEWEST_CREATED_FIRST : NEWEST_CHANGED_FIRST;
	const { records } = await fetchListPage(
		ctx,
		connection,
		firstPage(source, { ...filter, sort }, 1),
	);
	return toItems(settings, records);
}

interface CursorStore {
	stored: unknown;
	save(cursor: Cursor): void;
	/** This process saved (or checked) this very cursor: no need to ask the store about it. */
	isTrusted(cursor: Cursor): boolean;
	warn(message: string): void;
}

function cursorStore(ctx: IPollFunctions, key: string, trustKey: string): CursorStore {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = readCursor(staticData, key);
	return {
		stored,
		save(cursor) {
			if (JSON.stringify(cursor) !== JSON.stringify(stored)) writeCursor(staticData, key, cursor);
			rememberCursor(trustKey, cursor);
		},
		isTrusted: (cursor) => isSavedCursor(trustKey, cursor),
		warn(message) {
			ctx.logger.warn(`Cart.com Trigger "${ctx.getNode().name}": ${message}`, {
				workflowId: ctx.getWorkflow().id,
			});
		},
	};
}

/**
 * The records one poll emits. An implausible stored cursor is reset and the first run only sets
 * the cursor (unless Start From asks for history): both emit nothing.
 */
/**
 * Records one poll reads at most: the 50 requests of 100 records it took before the backlog was
 * read in pages of 1,000 (issue 15). Pages of 1,000 need a tenth of the requests for the same
 * records; they do not make one execution ten times as large. A store that caps its pages lower
 * gets more requests per poll (the cap is learned from the first page), up to MAX_REQUESTS_PER_POLL.
 */
export const MAX_RECORDS_PER_POLL = 5000;

const requestsPerPoll = (connection: ConnectionInfo) =>
	Math.max(
		1,
		Math.min(MAX_REQUESTS_PER_POLL, Math.ceil(MAX_RECORDS_PER_POLL / listPageSize(connection))),
	);

async function pollFeed<C extends Cursor>(
	ctx: IPollFunctions,
	connection: ConnectionInfo,
	feed: Feed<C>,
	startFrom: number | undefined,
	cursors: CursorStore,
): Promise<CartComRecord[]> {
	const stored = feed.isCursor(cursors.stored) ? cursors.stored : undefined;
	const reset = stored && (await feed.checkStored(stored, cursors.isTrusted(stored)));
	if (reset) {
		cursors.warn(reset.warning);
		cursors.save(reset.cursor);
		return [];
	}
	let cursor = stored;
	if (!cursor) {
		cursor = await feed.start(startFrom);
		if (startFrom === undefined) {
			cursors.save(cursor);
			return [];
		}
	}
	const read = await feed.read(
		cursor,
		pollDeadline(ctx, { maxRequests: () => requestsPerPoll(connection) }),
	);
	cursors.save(read.cursor);
	return read.records;
}

/**
 * One poll. Manual runs ("Fetch Test Event") return the newest matching record and leave the cursor
 * alone. Otherwise one poll at a time per trigger (see claimPoll); the cursor is read from static
 * data (or set up on the first run, which returns nothing unless Start From asks for history),
 * checked for plausibility, every change since it is read, and the cursor is written only after
 * all of that succeeded: a failed request throws and the next poll starts over.
 */
export async function pollCartCom(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') {
		return await fetchTestEvent(this, settings, await getConnection(this));
	}

	const triggerKey = triggerKeyOf(this);
	const release = claimPoll(triggerKey);
	if (!release) {
		this.logger.info(
			`Cart.com Trigger "${this.getNode().name}": the previous poll is still running; this one is skipped`,
		);
		return null;
	}
	try {
		const connection = await getConnection(this);
		const scope = { ctx: this, connection, source: feedSource(settings) };
		const key = fingerprint({
			event: settings.event.value,
			storeKey: connection.storeKey,
			statusIds: settings.statusIds,
			startFrom: settings.startFrom,
			storeTimeZone: settings.time.zone,
		});
		const cursors = cursorStore(this, key, `${triggerKey}\u0000${key}`);
		const poll = async <C extends Cursor>(feed: Feed<C>) =>
			await pollFeed(this, connection, feed, settings.startFrom, cursors);
		const records =
			settings.event.kind === 'created'
				? await poll(createdFeed(scope))
				: await poll(changeFeed(scope, settings));
		return toItems(settings, records);
	} finally {
		release();
	}
}
