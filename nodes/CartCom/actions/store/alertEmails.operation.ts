import type { INodeProperties, IExecuteFunctions } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { locatorValue, readRecordId, requireGiven } from '../../helpers/parameters';
import { settleByReread } from '../../helpers/settleByReread';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import {
	cartComGetMany,
	cartComRequest,
	cartComTransportError,
	explainNotFound,
	type CartComRecord,
} from '../../transport';
import { storeSpec } from './spec';

const storeNotFound = (storeId: number) =>
	`No store with ID ${storeId}. Pick the store from the list, or check the ID.`;

/** `GET /stores/{id}/store_alert_email` → `{total_count, store_alert_email: [{id, store_id, email}]}` (docs/resources/stores.md). */
async function readAlertEmails(
	ctx: IExecuteFunctions,
	storeId: number,
	itemIndex: number,
): Promise<CartComRecord[]> {
	return await explainNotFound(
		storeNotFound(storeId),
		async () =>
			await cartComGetMany.call(ctx, {
				path: `${storeSpec.path}/${storeId}/store_alert_email`,
				recordsKey: 'store_alert_email',
				itemIndex,
			}),
	);
}

const sameEmail = (entry: CartComRecord, email: string) =>
	typeof entry.email === 'string' && entry.email.trim().toLowerCase() === email.toLowerCase();

export const getAlertEmails: OperationModule = {
	option: {
		name: 'Get Alert Emails',
		value: 'getAlertEmails',
		action: 'Get store alert emails',
		description: 'List the addresses that receive the store’s admin alerts',
	},
	endpoints: [{ method: 'GET', path: '/stores/{id}/store_alert_email' }],
	description: forOperation(storeSpec.value, 'getAlertEmails', [recordLocator(storeSpec)]),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			requireGiven(this, i, { Store: locatorValue(this, RECORD_ID, i) });
			return await readAlertEmails(this, readRecordId(this, i, undefined, 'Store'), i);
		});
	},
};

const addProperties: INodeProperties[] = [
	recordLocator(storeSpec),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		required: true,
		default: '',
		description:
			'Address to add to the store’s alert e-mails; one already on the list is left as it is',
	},
];

/**
 * `PUT /stores/{id}/store_alert_email` `{email}` adds an address (docs/resources/stores.md, "Add
 * Store Alert Emails"): a PUT that adds, so it is treated as a non-repeatable write. The list is
 * read first (an address already there is not added twice) and again after an ambiguous failure.
 */
export const addAlertEmail: OperationModule = {
	option: {
		name: 'Add Alert Email',
		value: 'addAlertEmail',
		action: 'Add a store alert email',
		description: 'Add an address to the store’s admin alert e-mails (skipped when already there)',
	},
	// The list first (an address already there is not sent), again after an unclear or odd answer.
	endpoints: [
		{ method: 'GET', path: '/stores/{id}/store_alert_email' },
		{ method: 'PUT', path: '/stores/{id}/store_alert_email' },
	],
	description: forOperation(storeSpec.value, 'addAlertEmail', addProperties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const rawEmail = this.getNodeParameter('email', i, '');
			requireGiven(this, i, { Store: locatorValue(this, RECORD_ID, i), Email: rawEmail });
			const storeId = readRecordId(this, i, undefined, 'Store');
			const email = String(rawEmail).trim();
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
				throw inputError(
					this,
					i,
					'Email',
					`"${email}" is not an e-mail address`,
					'Enter one address, e.g. alerts@example.com.',
				);
			const before = await readAlertEmails(this, storeId, i);
			const existing = before.find((entry) => sameEmail(entry, email));
			if (existing) return { ...existing, added: false };
			try {
				const answer = await explainNotFound(
					storeNotFound(storeId),
					async () =>
						await cartComRequest.call(this, {
							method: 'PUT',
							path: `${storeSpec.path}/${storeId}/store_alert_email`,
							body: { email },
							itemIndex: i,
							repeatable: false,
						}),
				);
				if (answer && sameEmail(answer, email)) return { ...answer, added: true };
			} catch (error) {
				return await settleByReread(this, error, i, {
					reread: async () => await readAlertEmails(this, storeId, i),
					applied: (after) => {
						const found = after.find((entry) => sameEmail(entry, email));
						return found ? { ...found, added: true } : undefined;
					},
					notApplied: () =>
						`The alert e-mails of store ${storeId} were read again afterwards and do not include ${email}: it was not added, and it was not sent again. Run the workflow again to retry.`,
				});
			}
			// An empty or different answer: the list says what was stored.
			const found = (await readAlertEmails(this, storeId, i)).find((entry) =>
				sameEmail(entry, email),
			);
			if (found) return { ...found, added: true };
			throw cartComTransportError(
				this.getNode(),
				`Cart.com PUT /stores/${storeId}/store_alert_email did not add ${email}`,
				'The store answered without error, but the address is not on its alert list. Check the store’s settings.',
				[],
				i,
			);
		});
	},
};
