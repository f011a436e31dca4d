import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CARTROVER_CREDENTIAL } from './transport';
import { triggerProperties } from './trigger/description';
import { pollCartRover } from './trigger/poll';

export class CartRoverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CartRover Trigger',
		name: 'cartRoverTrigger',
		icon: { light: 'file:cartrover.svg', dark: 'file:cartrover.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when CartRover (Extensiv Integration Manager) orders change status',
		defaults: { name: 'CartRover Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CARTROVER_CREDENTIAL, required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCartRover.call(this);
	}
}
