import type { ResourceModule } from '../helpers/types';
import { order } from './order';

/** Every resource the node offers; adding one is one import and one entry here. */
export const RESOURCES: ResourceModule[] = [order].sort((a, b) => a.name.localeCompare(b.name));
