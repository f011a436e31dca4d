import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../shared/node';
import { RESOURCES } from './resources';

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
