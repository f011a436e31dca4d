import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsDescription } from './actions/versionDescription';
import { webhookTriggerProperties } from './webhook/description';
import { receive } from './webhook/receive';
import { checkExists, create, deleteSubscriptions } from './webhook/registration';

export class CartComWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cart.com Webhook Trigger',
		name: 'cartComWebhookTrigger',
		icon: { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["eventKind"] === "answer" ? $parameter["answerEvent"] : $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow the moment Cart.com reports a store event, or answers Cart.com during checkout',
		defaults: { name: 'Cart.com Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'webhook',
				// A question's answer comes from the workflow's Respond to Webhook node; a notification is acknowledged at once.
				responseMode: '={{$parameter["eventKind"] === "answer" ? "responseNode" : "onReceived"}}',
			},
		],
		properties: webhookTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscriptions.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
