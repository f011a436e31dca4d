import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialsDescription } from './actions/versionDescription';
import { loadOptions } from './methods';
import { choiceSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollCartCom } from './trigger/poll';

export class CartComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cart.com Trigger',
		name: 'cartComTrigger',
		icon: { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: choiceSubtitle(triggerProperties, 'event'),
		// n8n's node panel merges this trigger into the Cart.com node's entry and shows this text
		// there (editor: generateMergedNodesAndActions), so it names the store as well as the events.
		description:
			'Starts a workflow when orders, products or customers are created or updated in a Cart.com (AmeriCommerce) store',
		documentationUrl:
			'https://github.com/n8n-nodes-cartcom/n8n-nodes-cartcom#cartcom-trigger-polling',
		defaults: { name: 'Cart.com Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: triggerProperties,
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCartCom.call(this);
	}
}
