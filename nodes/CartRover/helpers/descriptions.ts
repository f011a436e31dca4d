import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCollection } from '../../shared/node';

/** Shows `properties` only for this resource and operation. */
export const forOperation = (resource: string, operation: string, properties: INodeProperties[]) =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

export const byDisplayName = <T extends { displayName?: string; name: string }>(a: T, b: T) =>
	(a.displayName ?? a.name).localeCompare(b.displayName ?? b.name);

/** The order's reference in your sales channel, CartRover's `cust_ref`. */
export function orderReferenceParameter(description: string): INodeProperties {
	return {
		displayName: 'Order Reference',
		name: 'custRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100045',
		description: `${description} (CartRover’s cust_ref)`,
	};
}

/** The SKU a merchant-level read is for (sent as one URL path segment). */
export const skuParameter: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. TSHIRT-BL-M',
};

export const simplifyParameter: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return amounts and quantities as numbers and Y/N flags as true/false instead of CartRover’s text values',
};

/** Simplify as the item asks (on by default). */
export const wantsSimplify = (ctx: IExecuteFunctions, itemIndex: number) =>
	ctx.getNodeParameter('simplify', itemIndex, true) === true;

/** Return All, or the Limit: undefined means every record. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}

export { readCollection };

export { limitParameter, returnAllParameter } from '../../shared/node';
