import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticateWithRouter,
	DEFAULT_ROUTER_URL,
	redirectTestRules,
	routerCredentialsSchema,
	type AuthenticatedRequest,
	type LegacyRequestOptions,
} from './common/cartComAuth';

/**
 * Cart.com's Central API Router: one shared host, the store picked by site id, every request signed
 * with HMAC-SHA256 over `METHOD&/api/v1/path?query&user`.
 */
export class CartComRouterApi implements ICredentialType {
	name = 'cartComRouterApi';

	displayName = 'Cart.com Central API Router API';

	icon: Icon = { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartcom-central-api-router--cartcomrouterapi';

	properties: INodeProperties[] = [
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'User Secret',
			name: 'userSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Site ID',
			name: 'siteId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 12345',
			description: 'The PSID shown by https://{your store}/store/sitemonitor.aspx',
		},
		{
			displayName: 'API Router URL',
			name: 'routerUrl',
			type: 'string',
			default: DEFAULT_ROUTER_URL,
			description:
				'Leave as is. Only change it to point at a local test server (http:// is accepted for localhost only).',
		},
	];

	// Also called by n8n's HTTP Request node (Predefined Credential Type), with its legacy request
	// shape (`uri`, `qs`): both are handled in common/cartComAuth.ts.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions | LegacyRequestOptions,
	): Promise<AuthenticatedRequest> {
		return authenticateWithRouter(routerCredentialsSchema.parse(credentials), requestOptions);
	}

	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/products', qs: { count: 1 }, disableFollowRedirect: true },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The Central API Router rejected the signature (401). Check User Name, User Secret and Site ID.',
				},
			},
			...redirectTestRules('API Router URL'),
		],
	};
}
