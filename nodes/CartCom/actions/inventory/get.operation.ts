import type { IDataObject } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { cartComRequest } from '../../transport';
import { identifierParameters, readIdentifier } from './identifier';

export const getStock: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get inventory',
		description: 'Read the stock of a product or variant row by SKU, GTIN or ID',
	},
	description: forOperation('inventory', 'get', identifierParameters()),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const { field, value } = readIdentifier(this, i);
			return (await cartComRequest.call(this, {
				method: 'GET',
				path: '/inventory',
				query: { [field]: value },
				itemIndex: i,
			})) as IDataObject;
		});
	},
};
