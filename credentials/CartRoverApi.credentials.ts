import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticateCartRover,
	cartRoverCredentialsSchema,
	cartRoverRedirectRules,
	credentialTestUrlExpression,
	DEFAULT_CARTROVER_URL,
} from './common/cartRoverAuth';

type TestRule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

const levelHint =
	'Check API User, API Key and API Level: each level (Cart, Merchant, Warehouse) has its own keys, and regenerating keys invalidates the old ones at once.';

/**
 * CartRover answers a refusal with `{success_code: false, error_code, message}`, possibly with
 * HTTP 200 (spec page, "Errors"), so the test judges the body. n8n checks these rules in order on
 * the test's answer (`get(body, key) === value` fails the test with the rule's message).
 */
const successBodyRules: IAuthenticateRuleResponseSuccessBody[] = [
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error_code',
			value: 'RateLimit',
			message:
				'CartRover: RateLimit (over the API limit for these keys). The keys were not refused: wait a minute and test again.',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error_code',
			value: 'Invalid',
			message: `CartRover refused the test read: Invalid. ${levelHint}`,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'error_code',
			value: 'Failure',
			message: `CartRover refused the test read: Failure. ${levelHint}`,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'success_code',
			value: false,
			message: `CartRover refused the test read (success_code false). ${levelHint}`,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'success_code',
			value: undefined,
			message: `The answer is not a CartRover API answer (no success_code). Check API URL (${DEFAULT_CARTROVER_URL}).`,
		},
	},
];

const statusRules: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: { value: 401, message: `CartRover rejected the keys (401). ${levelHint}` },
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: `CartRover refused access at this API level (403). ${levelHint}`,
		},
	},
	...cartRoverRedirectRules(),
];

/** CartRover (Extensiv Integration Manager): HTTP Basic api_user:api_key, one set of keys per API level. */
export class CartRoverApi implements ICredentialType {
	name = 'cartRoverApi';

	displayName = 'CartRover API';

	icon: Icon = { light: 'file:cartrover.svg', dark: 'file:cartrover.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API User',
			name: 'apiUser',
			type: 'string',
			default: '',
			required: true,
			description: 'The API User shown with the keys in CartRover (Extensiv Integration Manager)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'API Level',
			name: 'apiLevel',
			type: 'options',
			default: 'merchant',
			options: [
				{ name: 'Cart', value: 'cart', description: 'Keys of one cart (order source)' },
				{ name: 'Merchant', value: 'merchant', description: 'Keys of the merchant: every cart' },
				{ name: 'Warehouse', value: 'wms', description: 'Keys of a warehouse (WMS) account' },
			],
			description: 'The level the keys were created for; each level has its own keys',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: DEFAULT_CARTROVER_URL,
			description:
				'Leave as is. Plain http:// is only accepted for a local test server (localhost / 127.0.0.1).',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateCartRover(cartRoverCredentialsSchema.parse(credentials), requestOptions);
	}

	// n8n checks each rule by its `type` (cli credentials-tester.service.ts), so both kinds share one
	// list; the declared type is a union of two array types only.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: credentialTestUrlExpression(), disableFollowRedirect: true },
		rules: [...statusRules, ...successBodyRules] as TestRule[] as IAuthenticateRuleResponseCode[],
	};
}
