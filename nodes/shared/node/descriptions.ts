import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Return All / Limit, as n8n's own list operations word them. */
export const returnAllParameter: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitParameter: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** A resource as its Operation dropdown needs it. */
export interface OperationChoices {
	value: string;
	operations: Array<{ option: INodePropertyOptions & { value: string } }>;
}

/** A resource as the node's parameters need it: its entry, its operations and their parameters. */
export interface ResourceChoices extends OperationChoices {
	name: string;
	description?: string;
	operations: Array<{
		option: INodePropertyOptions & { value: string };
		description: INodeProperties[];
	}>;
}

/** The Operation dropdown of one resource; Get is preselected where the resource has it. */
export function operationProperty(resource: OperationChoices): INodeProperties {
	const values = resource.operations.map((operation) => operation.option.value);
	const firstChoice = values.includes('get') ? 'get' : values[0];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations.map((operation) => operation.option),
		default: firstChoice,
	};
}

/** Resource, each resource's Operation and every operation's parameters, in the node's order. */
export function resourceProperties(
	resources: ResourceChoices[],
	firstResource: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((resource) => ({
				name: resource.name,
				value: resource.value,
				description: resource.description,
			})),
			default: firstResource,
		},
		...resources.map(operationProperty),
		...resources.flatMap((resource) =>
			resource.operations.flatMap((operation) => operation.description),
		),
	];
}
