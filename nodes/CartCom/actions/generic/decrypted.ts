import type { INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { readCollection, readRecordId, requireGiven, locatorValue } from '../../helpers/parameters';
import { maskSensitive } from '../../helpers/sensitive';
import type { OperationModule, ResourceSpec } from '../../helpers/types';
import { inputError, isJsonObject } from '../../helpers/validation';
import { cartComRequest, cartComTransportError } from '../../transport';

export const DECRYPT_OPERATION = 'getDecrypted';

/** What each status of a decrypt route means; Cart.com's own error text is never shown (see below). */
function statusHint(code: string | undefined, noun: string): string {
	switch (code) {
		case '401':
		case '403':
			return 'The token needs the "decrypt" scope, and the user who made it must be allowed to view card data. Tokens with decrypt and no_expiry must be renewed every 90 days.';
		case '404':
			return `No ${noun} with this ID in this store, or nothing stored to decrypt.`;
		default:
			return 'Try again later; if it persists, check the record in the store admin.';
	}
}

/**
 * Get Decrypted for a resource with a `GET /{path}/{id}/decrypted` route (docs/scopes.md, scope
 * "decrypt"). The answer holds card data in clear, so nothing of it, nor of Cart.com's error text
 * for these routes (which could quote it), goes into an error, a log line or an execution hint:
 * errors keep only the route and status. The data reaches the output only, masked on request.
 */
export function decryptedOperation(spec: ResourceSpec, noun: string): OperationModule {
	const properties: INodeProperties[] = [
		{
			displayName:
				'Sensitive: this returns full card data in clear. Anyone who can open this workflow’s executions can read it; mask it or do not save successful executions.',
			name: 'sensitiveNotice',
			type: 'notice',
			default: '',
		},
		recordLocator(spec),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Mask Card Data',
					name: 'mask',
					type: 'boolean',
					default: false,
					description:
						'Whether to replace card numbers, security codes and account numbers in the output with stars (the last four digits stay)',
				},
			],
		},
	];
	return {
		option: {
			name: 'Get Decrypted (Sensitive)',
			value: DECRYPT_OPERATION,
			action: `Get decrypted ${noun}`,
			description: `Retrieve one ${noun} with its card data in clear (sensitive; needs the decrypt scope)`,
		},
		endpoints: [{ method: 'GET', path: `${spec.path}/{id}/decrypted` }],
		description: forOperation(spec.value, DECRYPT_OPERATION, properties),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				requireGiven(this, i, { [spec.name]: locatorValue(this, RECORD_ID, i) });
				const id = readRecordId(this, i, undefined, spec.name);
				const options = readCollection(this, 'options', i);
				const path = `${spec.path}/${id}/decrypted`;
				let answer: unknown;
				try {
					answer = await cartComRequest.call(this, { method: 'GET', path, itemIndex: i });
				} catch (error) {
					const code = error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
					throw cartComTransportError(
						this.getNode(),
						`Cart.com GET ${path} failed${code ? ` (${code})` : ''}`,
						`${statusHint(code ?? undefined, noun)} Cart.com's own error text is not shown for decrypt routes, as it could quote card data.`,
						[],
						i,
					);
				}
				if (!isJsonObject(answer) || (answer.id !== undefined && Number(answer.id) !== id)) {
					// Named without any value of the answer: it may be another record's card data.
					throw inputError(
						this,
						i,
						spec.name,
						`the store answered with something other than ${noun} ${id}`,
						'Nothing is output. Check the ID, and try again.',
					);
				}
				return options.mask === true ? maskSensitive(answer) : answer;
			});
		},
	};
}
