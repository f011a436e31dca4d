import { defineResource } from '../../helpers/resource';
import type { ResourceModule } from '../../helpers/types';
import { GENERIC_SPECS } from './specs';

/** The resources that need nothing beyond the standard operations (see specs.ts). */
export const GENERIC_RESOURCES: ResourceModule[] = GENERIC_SPECS.map((spec) =>
	defineResource(spec),
);
