import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { locatorValue, readRecordId, requireGiven } from '../../helpers/parameters';
import { settleByReread } from '../../helpers/settleByReread';
import type { OperationModule } from '../../helpers/types';
import { toRecordIdList } from '../../helpers/validation';
import {
	cartComGetMany,
	cartComRequest,
	explainNotFound,
	type CartComRecord,
} from '../../transport';
import { dripSpec } from '../generic/specs';

const dripNotFound = (id: number) =>
	`No drip series with ID ${id}. Pick it from the list, or check the ID.`;

function properties(operation: string, verb: string): INodeProperties[] {
	return forOperation(dripSpec.value, operation, [
		recordLocator(dripSpec),
		{
			displayName: 'Customer IDs',
			name: 'customerIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 6,8',
			description: `Comma-separated IDs of the customers to ${verb}`,
		},
	]);
}

function readInput(ctx: IExecuteFunctions, i: number): { dripId: number; customerIds: number[] } {
	const raw = ctx.getNodeParameter('customerIds', i, '');
	requireGiven(ctx, i, { Drip: locatorValue(ctx, RECORD_ID, i), 'Customer IDs': raw });
	const dripId = readRecordId(ctx, i, undefined, 'Drip');
	const customerIds = toRecordIdList(ctx, raw, 'Customer IDs', i, { unique: true });
	return { dripId, customerIds };
}

/** `GET /drips/{id}/members` (docs/resources/drips.md, nested collection `members`). */
async function readMembers(ctx: IExecuteFunctions, dripId: number, i: number) {
	return await explainNotFound(
		dripNotFound(dripId),
		async () =>
			await cartComGetMany.call(ctx, {
				path: `${dripSpec.path}/${dripId}/members`,
				recordsKey: 'members',
				itemIndex: i,
			}),
	);
}

/** Members still in the series: removing one only marks it complete (docs/resources/drips.md). */
const activeIds = (members: CartComRecord[]) =>
	new Set(
		members
			.filter(
				(member) =>
					member.completed_at === null ||
					member.completed_at === undefined ||
					member.completed_at === '',
			)
			.map((member) => Number(member.customer_id)),
	);

/**
 * `POST /drips/{id}/members` `{customer_ids}`. The members are read first and customers already in
 * the series are not sent again (a second add could restart their e-mails); the POST is never
 * repeated, and after an ambiguous failure the members are read again instead.
 */
export const addMembers: OperationModule = {
	option: {
		name: 'Add Members',
		value: 'addMembers',
		action: 'Add customers to a drip series',
		description: 'Start a drip e-mail series for customers (those already in it are left alone)',
	},
	// The members first (those already in the series are not sent), again after an unclear answer.
	endpoints: [
		{ method: 'GET', path: '/drips/{id}/members' },
		{ method: 'POST', path: '/drips/{id}/members' },
	],
	description: properties('addMembers', 'add to the series'),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const { dripId, customerIds } = readInput(this, i);
			const before = activeIds(await readMembers(this, dripId, i));
			const toAdd = customerIds.filter((id) => !before.has(id));
			let members: CartComRecord[] | undefined;
			if (toAdd.length) {
				try {
					const answer = await explainNotFound(
						dripNotFound(dripId),
						async () =>
							await cartComRequest.call(this, {
								method: 'POST',
								path: `${dripSpec.path}/${dripId}/members`,
								body: { customer_ids: toAdd },
								itemIndex: i,
							}),
					);
					if (answer && Array.isArray(answer.members)) members = answer.members as CartComRecord[];
				} catch (error) {
					const missingFrom = (after: Set<number>) => toAdd.filter((id) => !after.has(id));
					await settleByReread(this, error, i, {
						reread: async () => activeIds(await readMembers(this, dripId, i)),
						applied: (after) => (missingFrom(after).length ? undefined : true),
						notApplied: (after) =>
							`The members of drip ${dripId} were read again afterwards: customer(s) ${missingFrom(after).join(', ')} are not in it. Nothing was sent again; run the workflow again to retry.`,
					});
				}
			}
			members ??= await readMembers(this, dripId, i);
			return {
				id: dripId,
				added_customer_ids: toAdd,
				already_members: customerIds.filter((id) => before.has(id)),
				members,
			};
		});
	},
};

/**
 * `DELETE /drips/{id}/members` `{customer_ids}`: marks the series complete for them (they stay on
 * the member list). It sets a state, so the transport may repeat it.
 */
export const removeMembers: OperationModule = {
	option: {
		name: 'Remove Members',
		value: 'removeMembers',
		action: 'Remove customers from a drip series',
		description: 'Stop a drip e-mail series for customers (marks it complete for them)',
	},
	endpoints: [{ method: 'DELETE', path: '/drips/{id}/members' }],
	description: properties('removeMembers', 'take out of the series'),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const { dripId, customerIds } = readInput(this, i);
			const answer = await explainNotFound(
				dripNotFound(dripId),
				async () =>
					await cartComRequest.call(this, {
						method: 'DELETE',
						path: `${dripSpec.path}/${dripId}/members`,
						body: { customer_ids: customerIds },
						itemIndex: i,
					}),
			);
			return answer ?? { id: dripId, removed_customer_ids: customerIds, success: true };
		});
	},
};
