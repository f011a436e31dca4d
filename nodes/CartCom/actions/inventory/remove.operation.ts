import { stockChangeOperation } from './changeStock';

export const removeStock = stockChangeOperation(
	'remove',
	{
		name: 'Remove',
		action: 'Remove from inventory',
		description: 'Decrease the stock of a product or variant row, e.g. for a sale elsewhere',
	},
	'Units to take off the current stock',
);
