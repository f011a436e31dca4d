import { NodeHelpers, Workflow, type INode, type INodeTypes } from 'n8n-workflow';

import { CartComWebhookTrigger } from '../../nodes/CartCom/CartComWebhookTrigger.node';
import { credentialsDescription } from '../../nodes/CartCom/actions/versionDescription';
import { ANSWER_EVENTS, NOTIFY_EVENTS } from '../../nodes/CartCom/webhook/events';
import { prepareContainer } from '../helpers/n8n';

const values = (name: string) =>
	(
		new CartComWebhookTrigger().description.properties.find((property) => property.name === name)
			?.options as Array<{ value: string }>
	).map((option) => option.value);

/** The response mode n8n computes for the webhook from the node's parameters. */
function responseOptionFor(eventKind: string, option: 'responseMode' | 'responseData'): unknown {
	prepareContainer();
	const nodeType = new CartComWebhookTrigger();
	const node: INode = {
		id: 'n',
		name: 'Cart.com Webhook Trigger',
		type: 'n8n-nodes-cartcom.cartComWebhookTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters:
			NodeHelpers.getNodeParameters(
				nodeType.description.properties,
				{ eventKind, events: ['OrderPlaced'] },
				true,
				false,
				null,
				nodeType.description,
			) ?? {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByNameAndVersion: () => nodeType } as unknown as INodeTypes,
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.webhooks![0][option] as string,
		'internal',
		{},
		undefined,
		undefined,
	);
}

describe('Cart.com Webhook Trigger: description', () => {
	const { description } = new CartComWebhookTrigger();

	it('is a webhook trigger with the action node credentials, not an AI tool', () => {
		expect(description).toMatchObject({
			name: 'cartComWebhookTrigger',
			displayName: 'Cart.com Webhook Trigger',
			group: ['trigger'],
			inputs: [],
			icon: { light: 'file:cartcom.svg', dark: 'file:cartcom.dark.svg' },
		});
		expect(description.polling).toBeUndefined();
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual(credentialsDescription);
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'webhook' }),
		]);
		expect(Object.keys(new CartComWebhookTrigger().webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
	});

	it('offers the 20 notify-only events and the 10 synchronous ones, as documented', () => {
		expect(values('events')).toEqual(NOTIFY_EVENTS.map((event) => event.value));
		expect(values('events')).toHaveLength(20);
		expect(values('answerEvent')).toEqual([
			'AuthorizingPayment',
			'CapturingPayment',
			'GetDiscount',
			'GetPrice',
			'GetProductStatus',
			'GetTax',
			'ValidateCart',
			'ValidateCheckout',
			'ValidateCustomer',
			'ValidateProduct',
		]);
		expect(ANSWER_EVENTS).toHaveLength(10);
	});

	it("answers a question with the last node's first item, and a notification at once with no body", () => {
		expect(responseOptionFor('answer', 'responseMode')).toBe('lastNode');
		expect(responseOptionFor('answer', 'responseData')).toBe('firstEntryJson');
		expect(responseOptionFor('notify', 'responseMode')).toBe('onReceived');
		expect(responseOptionFor('notify', 'responseData')).toBe('noData');
	});
});
