import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, limitParameter, returnAllParameter } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComGetMany } from '../../transport';
import { storeLocationSpec } from '../storeLocation/spec';
import { warehouseSpec } from '../warehouse/spec';

/**
 * Cart.com keeps fulfilment warehouses and physical shops in two collections; inventory and
 * order-routing integrations (Pipe17, Flxpoint…) want them as one "locations" list. Ids overlap
 * between the two, so every record is tagged with where it came from.
 */
const SOURCES = [
	{ type: 'warehouse', spec: warehouseSpec },
	{ type: 'store_location', spec: storeLocationSpec },
] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Location Types',
		name: 'locationTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Store Location', value: 'store_location' },
			{ name: 'Warehouse', value: 'warehouse' },
		],
		default: ['warehouse', 'store_location'],
		description: 'Which kinds of location to return; warehouses come first',
	},
	returnAllParameter,
	limitParameter,
];

export const getAllLocations: OperationModule = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many locations',
		description: 'List warehouses and store locations together, each tagged with location_type',
	},
	endpoints: [
		{ method: 'GET', path: '/warehouses' },
		{ method: 'GET', path: '/store_locations' },
	],
	description: forOperation('location', 'getAll', properties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const types = this.getNodeParameter('locationTypes', i, []) as string[];
			if (types.length === 0) {
				throw inputError(
					this,
					i,
					'Location Types',
					'none selected',
					'Select Warehouse, Store Location or both.',
				);
			}
			const returnAll = this.getNodeParameter('returnAll', i) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
			const locations: IDataObject[] = [];
			for (const { type, spec } of SOURCES) {
				if (!types.includes(type)) continue;
				const remaining = limit === undefined ? undefined : limit - locations.length;
				if (remaining !== undefined && remaining <= 0) break;
				const records = await cartComGetMany.call(this, {
					path: spec.path,
					recordsKey: spec.recordsKey,
					limit: remaining,
					itemIndex: i,
				});
				for (const record of records) locations.push({ ...record, location_type: type });
			}
			return locations;
		});
	},
};
