import type { OperationModule, ResourceModule, ResourceSpec, StandardOperation } from './types';

/** A standard operation filled in for one resource: its dropdown entry, parameters and behaviour. */
function forSpec(operation: StandardOperation, spec: ResourceSpec): OperationModule {
	return {
		option: operation.option(spec),
		description: operation.description(spec),
		endpoints: operation.endpoints(spec),
		async execute(items) {
			return await operation.execute.call(this, items, spec);
		},
	};
}

/**
 * A resource = the standard operations its spec lists plus its own task operations, one file each;
 * the spec stays with it, so pickers and the node can never disagree about a resource.
 * Operations are sorted by name, as n8n's lint and UI expect.
 */
export function defineResource(
	spec: ResourceSpec,
	taskOperations: OperationModule[] = [],
): ResourceModule {
	const operations = [
		...spec.operations.map((operation) => forSpec(operation, spec)),
		...taskOperations,
	].sort((a, b) => a.option.name.localeCompare(b.option.name));
	return { value: spec.value, name: spec.name, description: spec.description, operations, spec };
}

/** A resource that is not a list of records (e.g. Inventory): task operations only, sorted by name. */
export function defineTaskResource(
	about: Pick<ResourceModule, 'value' | 'name' | 'description'>,
	operations: OperationModule[],
): ResourceModule {
	return {
		...about,
		operations: [...operations].sort((a, b) => a.option.name.localeCompare(b.option.name)),
	};
}
