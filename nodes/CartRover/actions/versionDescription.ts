import type { INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../helpers/types';
import { RESOURCES } from './resources';

function operationProperty(resource: ResourceModule): INodeProperties {
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

/** Resource, each resource's Operation and every operation's parameters. */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((resource) => ({
			name: resource.name,
			value: resource.value,
			description: resource.description,
		})),
		default: 'order',
	},
	...RESOURCES.map(operationProperty),
	...RESOURCES.flatMap((resource) =>
		resource.operations.flatMap((operation) => operation.description),
	),
];
