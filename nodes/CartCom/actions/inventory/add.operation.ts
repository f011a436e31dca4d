import { stockChangeOperation } from './changeStock';

export const addStock = stockChangeOperation(
	'add',
	{
		name: 'Add',
		action: 'Add to inventory',
		description: 'Increase the stock of a product or variant row, e.g. on receipt of goods',
	},
	'Units to add to the current stock',
);
