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
		documentationUrl:
			'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartcom-webhook-trigger-instant',
		defaults: { name: 'Cart.com Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'webhook',
				// A question is answered with the first item of the workflow's last node. Not with a Respond to
				// Webhook node: its versions from 1.1 refuse to run unless an n8n Webhook, Form, Chat or Wait node
				// precedes it (RespondToWebhook.node.ts, n8n 1.123 and 2.41). A notification is acknowledged at once.
				responseMode: '={{$parameter["eventKind"] === "answer" ? "lastNode" : "onReceived"}}',
				responseData: '={{$parameter["eventKind"] === "answer" ? "firstEntryJson" : "noData"}}',
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
