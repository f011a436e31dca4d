import type { ResourceModule } from '../../helpers/types';
import { addStock } from './add.operation';
import { getStock } from './get.operation';
import { getSettings } from './getSettings.operation';
import { removeStock } from './remove.operation';
import { setStock } from './set.operation';
import { updateSettings } from './updateSettings.operation';

/**
 * Not a list resource: `/inventory` reads and changes one stock figure per product or variant row,
 * so it has task operations only.
 */
export const inventory: ResourceModule = {
	value: 'inventory',
	name: 'Inventory',
	description: 'Stock levels by SKU, GTIN or ID, and the store’s inventory settings',
	operations: [addStock, getStock, getSettings, removeStock, setStock, updateSettings].sort((a, b) =>
		a.option.name.localeCompare(b.option.name),
	),
};
