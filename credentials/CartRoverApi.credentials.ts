import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticateCartRover,
	cartRoverCredentialsSchema,
	DEFAULT_CARTROVER_URL,
} from './common/cartRoverAuth';

/**
 * CartRover (Extensiv Integration Manager): HTTP Basic api_user:api_key, one set of keys per API
 * level. No declarative `test`: the CartRover nodes test it (`testedBy: 'cartRoverApiTest'`,
 * nodes/CartRover/methods/credentialTest.ts), so that a refusal shows CartRover's own message.
 */
export class CartRoverApi implements ICredentialType {
	name = 'cartRoverApi';

	displayName = 'CartRover API';

	icon: Icon = { light: 'file:cartrover.svg', dark: 'file:cartrover.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartrover-api--cartroverapi';

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
}
