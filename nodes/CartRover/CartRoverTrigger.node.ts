import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialTest } from './methods';
import { choiceSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollCartRover } from './trigger/poll';

export class CartRoverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CartRover Trigger',
		name: 'cartRoverTrigger',
		icon: { light: 'file:cartrover.svg', dark: 'file:cartrover.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: choiceSubtitle(triggerProperties, 'events'),
		// Shown for the merged CartRover entry of n8n's node panel too (see CartComTrigger).
		description:
			'Starts a workflow when orders in CartRover (Extensiv Integration Manager) change status, e.g. are shipped',
		documentationUrl: 'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartrover-trigger',
		defaults: { name: 'CartRover Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint reads them to see that every use of the credential is tested.
		credentials: [{ name: 'cartRoverApi', required: true, testedBy: 'cartRoverApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCartRover.call(this);
	}
}
