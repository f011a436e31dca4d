import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { resourceProperties as propertiesOf } from '../../shared/node';
import { RESOURCES } from './resources';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'Central API Router', value: 'centralApiRouter' },
		{ name: 'OAuth2 (App Installed Through Cart.com)', value: 'oAuth2' },
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
	{
		name: 'cartComOAuthApi',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

/** Authentication, Resource, each resource's Operation and every operation's parameters. */
export const resourceProperties: INodeProperties[] = [
	authenticationProperty,
	...propertiesOf(RESOURCES, 'order'),
];
