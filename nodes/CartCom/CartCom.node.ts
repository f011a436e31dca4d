import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { credentialsDescription, resourceProperties } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';
import { operationSubtitle } from '../shared/subtitle';

export class CartCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cart.com',
		name: 'cartCom',
		icon: { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' },
		group: ['transform'],
		// 1.1: Get Many starts at Newest First (version 1 keeps the oldest first).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(resourceProperties),
		description:
			'Ship orders, set stock by SKU, update products and prices, and read or change any other Cart.com (AmeriCommerce) store record',
		documentationUrl: 'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#the-cartcom-node',
		defaults: { name: 'Cart.com' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: resourceProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
