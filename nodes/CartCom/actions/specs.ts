import type { ResourceSpec } from '../helpers/types';
import { RESOURCES } from './resources';

/** Every resource spec, read from the registry (resources.ts), so the two cannot disagree. */
export const SPECS: ResourceSpec[] = RESOURCES.flatMap((resource) =>
	resource.spec ? [resource.spec] : [],
);

/** The spec of a spec-driven resource, e.g. for its "From list" picker (methods/listSearch.ts). */
export function findSpec(value: string): ResourceSpec {
	const spec = RESOURCES.find((candidate) => candidate.value === value)?.spec;
	if (!spec) throw new Error(`No Cart.com resource "${value}"`);
	return spec;
}
