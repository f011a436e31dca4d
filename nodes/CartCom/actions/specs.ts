import type { ResourceSpec } from '../helpers/types';
import { orderSpec } from './order/spec';

/** Every resource spec, for pickers that need a resource's path and title field. */
const SPECS: ResourceSpec[] = [orderSpec];

export function findSpec(value: string): ResourceSpec {
	const spec = SPECS.find((candidate) => candidate.value === value);
	if (!spec) throw new Error(`No Cart.com resource "${value}"`);
	return spec;
}
