import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { resourceProperties } from './actions/versionDescription';
import { credentialTest, loadOptions } from './methods';
import { operationSubtitle } from '../shared/subtitle';

export class CartRover implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CartRover',
		name: 'cartRover',
		icon: { light: 'file:cartrover.svg', dark: 'file:cartrover.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(resourceProperties),
		description:
			'Send orders to CartRover (Extensiv Integration Manager), follow their status and tracking, and read inventory',
		documentationUrl: 'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#the-cartrover-node',
		defaults: { name: 'CartRover' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint reads them to see that every use of the credential is tested.
		credentials: [{ name: 'cartRoverApi', required: true, testedBy: 'cartRoverApiTest' }],
		properties: resourceProperties,
	};

	methods = { loadOptions, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
