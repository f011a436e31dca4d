import type { CartRoverLevel } from '../transport';
import type { OperationModule, ResourceModule } from '../helpers/types';
import { getInventory } from './inventory/get.operation';
import { getAllInventory } from './inventory/getAll.operation';
import { cancel } from './order/cancel.operation';
import { confirmTracking } from './order/confirmTracking.operation';
import { create } from './order/create.operation';
import { createMany } from './order/createMany.operation';
import { get } from './order/get.operation';
import { getAll } from './order/getAll.operation';
import { getStatus } from './order/getStatus.operation';
import { getAllOrderSources } from './orderSource/getAll.operation';
import { getOrderSourceTypes } from './orderSource/getTypes.operation';
import { getProduct } from './product/get.operation';
import { getAllShipMethods } from './shipMethod/getAll.operation';
import { updateShipMethods } from './shipMethod/update.operation';
import { getAllWarehouseShipCodes } from './warehouseShipCode/getAll.operation';

const byName = (operations: OperationModule[]) =>
	[...operations].sort((a, b) => a.option.name.localeCompare(b.option.name));

/**
 * The one registry: every resource the CartRover node offers and its operations, one file each.
 * Adding an operation is one `<resource>/<name>.operation.ts` file and one entry here.
 */
export const RESOURCES: ResourceModule[] = [
	{
		value: 'inventory',
		name: 'Inventory',
		description: 'Quantities per SKU and warehouse',
		operations: byName([getInventory, getAllInventory]),
	},
	{
		value: 'order',
		name: 'Order',
		description: 'Orders sent to the warehouse, their status and tracking',
		operations: byName([cancel, confirmTracking, create, createMany, get, getAll, getStatus]),
	},
	{
		value: 'orderSource',
		name: 'Order Source',
		description: 'The carts and marketplaces orders come from',
		operations: byName([getAllOrderSources, getOrderSourceTypes]),
	},
	{
		value: 'product',
		name: 'Product',
		description: 'Product details and aliases by SKU',
		operations: byName([getProduct]),
	},
	{
		value: 'shipMethod',
		name: 'Ship Method',
		description: 'How an order source’s ship methods map to warehouse ship codes',
		operations: byName([getAllShipMethods, updateShipMethods]),
	},
	{
		value: 'warehouseShipCode',
		name: 'Warehouse Ship Code',
		description: 'The ship codes the warehouse knows',
		operations: byName([getAllWarehouseShipCodes]),
	},
];

/** One row of the README's operations table. */
export interface OperationRow {
	resource: string;
	operation: string;
	method: 'GET' | 'POST';
	/** Below https://api.cartrover.com/v1; `{level}` is cart or merchant, as the credential's level. */
	path: string;
	levels: CartRoverLevel[];
}

/**
 * Every operation with the CartRover calls it makes, for the README's generated table
 * (scripts/operations-table.ts walks the Cart.com registry the same way). An operation that
 * re-reads (Create after a duplicate, Confirm Tracking without numbers) lists that call too.
 */
export function operationRows(): OperationRow[] {
	return RESOURCES.flatMap((resource) =>
		resource.operations.flatMap((operation) =>
			operation.endpoints.map((endpoint) => ({
				resource: resource.name,
				operation: operation.option.name,
				method: endpoint.method,
				path: endpoint.path,
				levels: [...operation.levels],
			})),
		),
	);
}
