import { fieldsCollection, forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { choice, flag, listed } from '../../helpers/fields';
import { runWritesPerItem } from '../../helpers/items';
import { readBody } from '../../helpers/parameters';
import type { FieldSpec, OperationModule, ResourceSpec } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComWrite } from '../../transport';

const statusField = (name: string, label: string, description: string): FieldSpec =>
	listed(name, 'getProductStatuses', { label, description });

/** The settings object of `GET|PUT /inventory/settings` (docs/resources/inventory.md), read like a record's Update Fields. */
const settingsSpec: ResourceSpec = {
	value: 'inventory',
	name: 'Inventory Settings',
	plural: 'inventory settings',
	path: '/inventory/settings',
	recordsKey: '',
	operations: [],
	fields: [
		flag('track_inventory', { description: 'Whether the store tracks stock at all' }),
		choice(
			'remove_from_inventory_when',
			[
				{ name: 'Ordered', value: 'Ordered' },
				{ name: 'Shipped', value: 'Shipped' },
			],
			{ description: 'When an order takes its items off the stock' },
		),
		statusField(
			'in_stock_product_status_id',
			'In Stock Status ID',
			'Status set when a product is in stock',
		),
		statusField(
			'out_of_stock_product_status_id',
			'Out of Stock Status ID',
			'Status set when stock reaches zero',
		),
		statusField(
			'back_order_product_status_id',
			'Back Order Status ID',
			'Status set for back-ordered products',
		),
		statusField(
			'discontinued_product_status_id',
			'Discontinued Status ID',
			'Status set for discontinued products',
		),
		flag('product_hide_no_inventory', {
			label: 'Hide Products Without Stock',
			description: 'Whether products without stock are hidden from the storefront',
		}),
	],
};

export const updateSettings: OperationModule = {
	option: {
		name: 'Update Settings',
		value: 'updateSettings',
		action: 'Update inventory settings',
		description: 'Change how the store tracks stock and which statuses it sets',
	},
	endpoints: [{ method: 'PUT', path: '/inventory/settings' }],
	description: forOperation('inventory', 'updateSettings', [
		fieldsCollection('updateFields', settingsSpec.fields),
		writeOptionsCollection(),
	]),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const body = readBody(this, settingsSpec, i, 'update');
			if (Object.keys(body).length === 0) {
				throw inputError(
					this,
					i,
					'Update Fields',
					'no setting to change',
					'Add at least one setting under Update Fields.',
				);
			}
			return await cartComWrite.call(
				this,
				{ method: 'PUT', path: '/inventory/settings', body, itemIndex: i },
				body,
			);
		});
	},
};
