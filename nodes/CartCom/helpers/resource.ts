import { standardOperations } from './crud';
import type { OperationModule, ResourceModule, ResourceSpec } from './types';

/**
 * A resource = its standard operations (from the spec) plus its own task operations, one file each.
 * Operations are sorted by name, as n8n's lint and UI expect.
 */
export function defineResource(spec: ResourceSpec, extraOperations: OperationModule[] = []): ResourceModule {
	const operations = [...standardOperations(spec), ...extraOperations].sort((a, b) =>
		a.option.name.localeCompare(b.option.name),
	);
	return { value: spec.value, name: spec.name, description: spec.description, operations };
}
