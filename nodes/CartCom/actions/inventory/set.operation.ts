import { stockChangeOperation } from './changeStock';

export const setStock = stockChangeOperation(
	'set',
	{
		name: 'Set',
		action: 'Set inventory quantity',
		description: 'Set the stock of a product or variant row to a number',
	},
	'The new stock level, in whole units',
);
