import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	asNodeError,
	errorItem,
	isJsonObject,
	readCollection,
	withItemIndex,
} from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { simplifyRecord } from '../../helpers/simplify';
import { CART_ONLY } from '../../helpers/level';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, isAmbiguousWriteFailure } from '../../transport';
import { createdOutput } from './create.operation';
import { findOrder, isDuplicateMessage } from './existing';
import { orderProperties, readOrder, type OrderInput } from './orderInput';

/*
 * POST /cart/orders/batch: a JSON array of orders; the answer lists
 * `success: [{cust_ref, cust_po_no}]` and `failed: [{cust_ref, cust_po_no, message, index_pos}]`,
 * index_pos being the 0-based position in the array sent (extensiv_ruby
 * spec/fixtures/cart/orders/batch_create.json). Each input item is one order; each answer entry is
 * mapped back to its item by index_pos, else by cust_ref (unique within a run: checked before).
 */

const PATH = '/cart/orders/batch';
const DEFAULT_BATCH_SIZE = 100;

/** One order of the run: its input item and, once known, its output or its error. */
interface Entry {
	itemIndex: number;
	input: OrderInput;
	output?: IDataObject;
	error?: Error;
}

type Outcome = { output: IDataObject } | { error: Error };

function refusal(
	ctx: IExecuteFunctions,
	entry: Entry,
	failed: IDataObject,
	processId: string | undefined,
): Error {
	const message = typeof failed.message === 'string' ? failed.message : 'no reason given';
	return new NodeApiError(
		ctx.getNode(),
		{ ...failed, process_id: processId ?? null } as JsonObject,
		{
			message: `CartRover refused order "${entry.input.custRef}": ${message} [item ${entry.itemIndex}]`,
			description: `The other orders of the batch are not affected.${processId ? ` X-CartRover-Process-ID: ${processId}.` : ''}`,
			itemIndex: entry.itemIndex,
		},
	);
}

/** An order the answer says nothing certain about: re-read, never re-sent. */
async function reRead(
	ctx: IExecuteFunctions,
	entry: Entry,
	existing: 'duplicate' | 'unconfirmed',
	otherwise: Error,
): Promise<Outcome> {
	try {
		const order = await findOrder(ctx, entry.input.custRef, entry.itemIndex);
		if (order)
			return { output: createdOutput(entry.input, false, simplifyRecord(order), { existing }) };
		return { error: otherwise };
	} catch (readFailure) {
		// Keep why the order was read: the refusal, or the unknown outcome, with the read's failure.
		const error = asNodeError(ctx, otherwise, entry.itemIndex);
		error.description =
			`${error.description ?? ''} Reading the order back failed: ${asNodeError(ctx, readFailure).message}`.trim();
		return { error };
	}
}

function unconfirmed(ctx: IExecuteFunctions, entry: Entry): Error {
	return new NodeOperationError(
		ctx.getNode(),
		`The batch create of order "${entry.input.custRef}" got no clear answer, and CartRover does not show the order [item ${entry.itemIndex}]`,
		{
			description:
				'The node does not send it again, as that could create it twice; run the node again later: with the same Order Reference it returns the order if it exists and creates it otherwise.',
			itemIndex: entry.itemIndex,
		},
	);
}

/** Which entry of the batch an answer entry speaks of: index_pos if it agrees, else cust_ref. */
function entryOf(batch: Entry[], answer: IDataObject): Entry | undefined {
	const position = answer.index_pos;
	const byPosition =
		typeof position === 'number' || (typeof position === 'string' && /^\d+$/.test(position))
			? batch[Number(position)]
			: undefined;
	if (byPosition && (answer.cust_ref === undefined || answer.cust_ref === byPosition.input.custRef))
		return byPosition;
	return batch.find((entry) => entry.input.custRef === answer.cust_ref);
}

const listOf = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.filter(isJsonObject) : [];

/** Sends one batch and settles every entry of it. */
async function sendBatch(ctx: IExecuteFunctions, batch: Entry[]): Promise<void> {
	let response: unknown;
	let processId: string | undefined;
	try {
		({ response, processId } = await cartRoverRequest.call(ctx, {
			method: 'POST',
			path: PATH,
			body: batch.map((entry) => entry.input.body),
			itemIndex: batch[0].itemIndex,
		}));
	} catch (error) {
		const ambiguous = isAmbiguousWriteFailure(error);
		for (const entry of batch) {
			const outcome = ambiguous
				? await reRead(ctx, entry, 'unconfirmed', unconfirmed(ctx, entry))
				: { error: error as Error };
			Object.assign(entry, outcome);
		}
		return;
	}
	const answer = isJsonObject(response) ? response : {};
	for (const success of listOf(answer.success)) {
		const entry = entryOf(batch, success);
		if (entry && !entry.output)
			entry.output = createdOutput(entry.input, true, entry.input.body, {
				cust_po_no: success.cust_po_no,
				process_id: processId,
			});
	}
	for (const failed of listOf(answer.failed)) {
		const entry = entryOf(batch, failed);
		if (!entry || entry.output) continue;
		const error = refusal(ctx, entry, failed, processId);
		Object.assign(
			entry,
			isDuplicateMessage(failed.message) ? await reRead(ctx, entry, 'duplicate', error) : { error },
		);
	}
	// An order the answer does not mention at all may or may not have been created.
	for (const entry of batch.filter((candidate) => !candidate.output && !candidate.error))
		Object.assign(entry, await reRead(ctx, entry, 'unconfirmed', unconfirmed(ctx, entry)));
}

function readBatchSize(ctx: IExecuteFunctions): number {
	const size = Number(readCollection(ctx, 'batchOptions', 0).batchSize ?? DEFAULT_BATCH_SIZE);
	if (!Number.isInteger(size) || size < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Batch Size: ${size} is not a whole number of 1 or more`,
			{
				description: `Enter how many orders to send per request, e.g. ${DEFAULT_BATCH_SIZE}.`,
			},
		);
	}
	return size;
}

/** Every input item's order, checked; an item whose Order Reference another item uses is refused. */
function readEntries(ctx: IExecuteFunctions, items: INodeExecutionData[]) {
	const entries: Entry[] = [];
	const failures = new Map<number, Error>();
	const seen = new Map<string, number>();
	items.forEach((_item, itemIndex) => {
		try {
			const input = readOrder(ctx, itemIndex);
			const first = seen.get(input.custRef);
			if (first !== undefined) {
				throw new NodeOperationError(
					ctx.getNode(),
					`Order Reference: "${input.custRef}" is also item ${first}'s [item ${itemIndex}]`,
					{
						description: 'Each order of one run needs its own reference (cust_ref).',
						itemIndex,
					},
				);
			}
			seen.set(input.custRef, itemIndex);
			entries.push({ itemIndex, input });
		} catch (error) {
			failures.set(itemIndex, error as Error);
		}
	});
	return { entries, failures };
}

/** Items in input order, errors as error items (Continue On Fail) or one error for the run. */
function settle(
	ctx: IExecuteFunctions,
	count: number,
	entries: Entry[],
	failures: Map<number, Error>,
): INodeExecutionData[] {
	for (const entry of entries) if (entry.error) failures.set(entry.itemIndex, entry.error);
	const outputs = new Map(entries.map((entry) => [entry.itemIndex, entry.output]));
	if (failures.size && !ctx.continueOnFail()) {
		const [firstIndex, firstError] = [...failures.entries()].sort((a, b) => a[0] - b[0])[0];
		const error = withItemIndex(ctx, firstError, firstIndex) as NodeOperationError;
		const created = entries.filter((entry) => entry.output).length;
		const sentNote =
			created > 0
				? ` ${created} other order(s) of this run are in CartRover; running again returns them with created: false.`
				: '';
		error.description =
			`${error.description ?? ''}${failures.size > 1 ? ` ${failures.size} items failed; the first is shown.` : ''}${sentNote}`.trim();
		throw error;
	}
	return Array.from({ length: count }, (_unused, itemIndex): INodeExecutionData => {
		const failure = failures.get(itemIndex);
		if (failure) return errorItem(failure, itemIndex);
		return { json: outputs.get(itemIndex) ?? {}, pairedItem: { item: itemIndex } };
	});
}

export const createMany: OperationModule = {
	option: {
		name: 'Create Many',
		value: 'createMany',
		action: 'Create many orders',
		description:
			'Send every input item as an order in batches; re-runs return the orders already there',
	},
	description: forOperation('order', 'createMany', [
		...orderProperties,
		{
			displayName: 'Options',
			name: 'batchOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: DEFAULT_BATCH_SIZE,
					description: 'How many orders to send per request',
				},
			],
		},
	]),
	levels: CART_ONLY,
	endpoints: [
		{ method: 'POST', path: PATH },
		{ method: 'GET', path: '/cart/orders/{cust_ref}' },
	],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const batchSize = readBatchSize(this);
		const { entries, failures } = readEntries(this, items);
		// Bad input stops the run before anything is sent, unless Continue On Fail is on.
		if (failures.size && !this.continueOnFail()) return settle(this, items.length, [], failures);
		for (let start = 0; start < entries.length; start += batchSize)
			await sendBatch(this, entries.slice(start, start + batchSize));
		return settle(this, items.length, entries, failures);
	},
};
