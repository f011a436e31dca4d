import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	CredentialInputError,
	redirectTestRules,
	type AuthenticatedRequest,
	type LegacyRequestOptions,
} from './common/cartComAuth';
import {
	authenticateWithOAuth,
	OAuthTokenError,
	oauthCredentialsSchema,
	parseOAuthCredentials,
	refreshSession,
} from './common/cartComOAuth';

/**
 * An app installed through Cart.com's OAuth web flow. Cart.com signs the token exchange and the
 * refresh with SHA-256 over the client secret and the token instead of sending the secret, so
 * n8n's generic OAuth2 credential cannot do them. This one holds the refresh token (obtained once
 * with `npm run oauth:authorize`) and refreshes the access token itself: n8n runs
 * preAuthentication when the hidden, expirable `tokens` field is empty or after a 401, and stores
 * what it returns in the credential (README, "Cart.com OAuth").
 */
export class CartComOAuthApi implements ICredentialType {
	name = 'cartComOAuthApi';

	displayName = 'Cart.com OAuth API';

	icon: Icon = { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartcom-oauth-apps-installed-through-cartcom';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Domain',
			name: 'storeDomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mystore.com',
			description:
				'The secure domain of the store that installed the app, e.g. mystore.com or mystore.americommerce.com',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The App ID shown for your app under Tools → Apps & Addons → API Apps & Integrations',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Printed by `npm run oauth:authorize` after the store approved the app. Pasting a new one starts over from it.',
		},
		{
			// Kept by n8n between executions and renewed by preAuthentication: the access token, the
			// newest refresh token and its expiry (common/cartComOAuth.ts OAuthSession). `password`
			// keeps it out of what the editor is sent, and makes a save from the editor keep the
			// stored value instead of an old copy.
			displayName: 'Tokens',
			name: 'tokens',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<{ tokens: string }> {
		let parsed;
		try {
			parsed = parseOAuthCredentials(credentials);
		} catch (error) {
			throw error instanceof CredentialInputError
				? new OAuthTokenError(`Invalid Cart.com OAuth credential: ${error.message}`)
				: error;
		}
		const session = await refreshSession(
			async (options) => await this.helpers.httpRequest(options),
			parsed,
		);
		return { tokens: JSON.stringify(session) };
	}

	// Also called by n8n's HTTP Request node (Predefined Credential Type), with its legacy request
	// shape (`uri`, `qs`): both are handled in common/cartComAuth.ts.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions | LegacyRequestOptions,
	): Promise<AuthenticatedRequest> {
		return authenticateWithOAuth(oauthCredentialsSchema.parse(credentials), requestOptions);
	}

	// The test reads with the stored access token; when the store refuses it, n8n refreshes (and
	// keeps the new tokens) and tests again, so a 401 here means even a new token was refused.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: '/products', qs: { count: 1 }, disableFollowRedirect: true },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cart.com rejected the access token it had just issued (401). Check Store Domain.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The app works but lacks the read_catalog scope needed for the test read: authorize it again with that scope.',
				},
			},
			...redirectTestRules('Store Domain'),
		],
	};
}
