import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	accessTokenCredentialsSchema,
	authenticateWithToken,
	redirectTestRules,
	type AuthenticatedRequest,
	type LegacyRequestOptions,
} from './common/cartComAuth';

/** One store, one API token: the X-AC-Auth-Token header on every call. */
export class CartComApi implements ICredentialType {
	name = 'cartComApi';

	displayName = 'Cart.com API';

	icon: Icon = { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartcom-api-access-token--cartcomapi';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Domain',
			name: 'storeDomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mystore.com',
			description:
				'The secure domain of the store, e.g. mystore.com or mystore.americommerce.com. https:// and /api/v1 may be included.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in the store admin under Tools → Apps & Addons → API Apps & Integrations → your app → Tokens',
		},
	];

	// Also called by n8n's HTTP Request node (Predefined Credential Type), with its legacy request
	// shape (`uri`, `qs`): both are handled in common/cartComAuth.ts.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions | LegacyRequestOptions,
	): Promise<AuthenticatedRequest> {
		return authenticateWithToken(accessTokenCredentialsSchema.parse(credentials), requestOptions);
	}

	// The cheapest authenticated read, as Airbyte's live-tested connector does it.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/products', qs: { count: 1 }, disableFollowRedirect: true },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cart.com rejected the access token (401). Check the token and the store domain.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The token works but lacks the read_catalog scope needed for the test read.',
				},
			},
			...redirectTestRules('Store Domain'),
		],
	};
}
