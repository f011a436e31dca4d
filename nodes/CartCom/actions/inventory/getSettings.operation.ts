import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { cartComRequest } from '../../transport';

export const getSettings: OperationModule = {
	option: {
		name: 'Get Settings',
		value: 'getSettings',
		action: 'Get inventory settings',
		description: 'Read how the store tracks stock and which statuses it sets',
	},
	endpoints: [{ method: 'GET', path: '/inventory/settings' }],
	description: forOperation('inventory', 'getSettings', []),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			return await cartComRequest.call(this, {
				method: 'GET',
				path: '/inventory/settings',
				itemIndex: i,
			});
		});
	},
};
