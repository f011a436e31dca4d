import type { INodeProperties } from 'n8n-workflow';

/** The order source (cart) picked from `/cart/list`, or given by an expression. */
export const orderSourceParameter: INodeProperties = {
	displayName: 'Order Source Name or ID',
	name: 'orderSource',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOrderSources' },
	required: true,
	default: '',
	description:
		'The order source (cart) as CartRover names it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
