import type { ResourceModule } from '../../helpers/types';
import { getAllLocations } from './getAll.operation';

/** Read-only view over warehouses and store locations; each has its own resource for writes. */
export const location: ResourceModule = {
	value: 'location',
	name: 'Location',
	description: 'Warehouses and store locations in one list',
	operations: [getAllLocations],
};
