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

export class CartCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cart.com',
		name: 'cartCom',
		icon: { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write orders, products, inventory, shipments and every other Cart.com (AmeriCommerce) resource',
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
