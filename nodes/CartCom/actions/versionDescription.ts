import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from '../helpers/types';
import { RESOURCES } from './resources';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'Central API Router', value: 'centralApiRouter' },
	],
	default: 'accessToken',
};

export const credentialsDescription: INodeCredentialDescription[] = [
	{
		name: 'cartComApi',
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
	{
		name: 'cartComRouterApi',
		required: true,
		displayOptions: { show: { authentication: ['centralApiRouter'] } },
	},
];

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

/** Authentication, Resource, each resource's Operation and every operation's parameters. */
export const resourceProperties: INodeProperties[] = [
	authenticationProperty,
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
