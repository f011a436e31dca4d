import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { cartComRequest, explainNotFound } from '../../transport';
import {
	checkAnswerCarries,
	identifierParameters,
	readIdentifier,
	resolveProductByName,
	stockNotFoundHint,
} from './identifier';

export const getStock: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get inventory',
		description: 'Read the stock of a product or variant row by SKU, GTIN, name or ID',
	},
	// By name, the one product of that name is found first.
	endpoints: [
		{ method: 'GET', path: '/products' },
		{ method: 'GET', path: '/inventory' },
	],
	description: forOperation('inventory', 'get', identifierParameters()),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const identifier = readIdentifier(this, i);
			// By name, the one product with exactly that name is found first: /inventory would pick one of several.
			const productId =
				identifier.field === 'item_name'
					? await resolveProductByName(this, i, String(identifier.value))
					: undefined;
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
			const record = checkAnswerCarries(this, i, identifier, answer);
			if (productId !== undefined)
				return checkAnswerCarries(this, i, { field: 'product_id', value: productId }, record);
			return record;
		});
	},
};
