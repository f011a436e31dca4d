import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { cartComRequest, explainNotFound } from '../../transport';
import {
	checkAnswerCarries,
	identifierParameters,
	readIdentifier,
	stockNotFoundHint,
} from './identifier';

export const getStock: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get inventory',
		description: 'Read the stock of a product or variant row by SKU, GTIN or ID',
	},
	endpoints: [{ method: 'GET', path: '/inventory' }],
	description: forOperation('inventory', 'get', identifierParameters()),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const identifier = readIdentifier(this, i);
			const answer: unknown = await explainNotFound(
				stockNotFoundHint(identifier),
				async () =>
					await cartComRequest.call(this, {
						method: 'GET',
						path: '/inventory',
						query: { [identifier.field]: identifier.value },
						itemIndex: i,
					}),
			);
			return checkAnswerCarries(this, i, identifier, answer);
		});
	},
};
