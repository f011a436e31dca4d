import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readCollection, runPerItem } from '../../../shared/node';
import { forOperation } from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { asText, InputProblems } from '../../helpers/problems';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';
import { orderSourceParameter } from '../orderSource/orderSourceParameter';

/*
 * POST /cart/shipmethod/{order_source} with an array of `{cart_code, wms_code}`; `cart_code` is
 * required, a `wms_code` of null passes the cart's code through to the warehouse as it is
 * (CartRover/cartrover-php UpdateCartShipMethod docblock and test/OrderSources.php). Mappings not
 * sent are left as they are.
 */

/** The mappings of one item, checked: every row's cart code, and a warehouse code or pass-through. */
function readMappings(ctx: IExecuteFunctions, itemIndex: number, problems: InputProblems) {
	const rows = (readCollection(ctx, 'mappings', itemIndex).mapping ?? []) as IDataObject[];
	if (rows.length === 0) problems.require('Mappings', 'Add at least one ship method mapping.');
	return rows.map((row, index): IDataObject => {
		const label = `Mapping ${index + 1}`;
		const cartCode = asText(row.cartCode);
		if (cartCode === undefined)
			problems.require(`${label} Cart Code`, 'Give every mapping the cart’s ship method code.');
		const passThrough = row.passThrough === true;
		const wmsCode = asText(row.wmsCode);
		if (!passThrough && wmsCode === undefined)
			problems.require(
				`${label} Warehouse Code`,
				'Give every mapping a warehouse code, or turn on Pass Through.',
			);
		return { cart_code: cartCode, wms_code: passThrough ? null : wmsCode };
	});
}

export const updateShipMethods: OperationModule = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update ship methods',
		description: 'Map an order source’s ship methods to warehouse ship codes',
	},
	description: forOperation('shipMethod', 'update', [
		orderSourceParameter,
		{
			displayName: 'Mappings',
			name: 'mappings',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Mapping',
			default: {},
			options: [
				{
					displayName: 'Mapping',
					name: 'mapping',
					values: [
						{
							displayName: 'Cart Code',
							name: 'cartCode',
							type: 'string',
							default: '',
							placeholder: 'e.g. Standard Shipping',
							description: 'The ship method as the order source sends it',
						},
						{
							displayName: 'Pass Through',
							name: 'passThrough',
							type: 'boolean',
							default: false,
							description:
								'Whether to send the cart code to the warehouse unchanged instead of a warehouse code',
						},
						{
							displayName: 'Warehouse Code',
							name: 'wmsCode',
							type: 'string',
							default: '',
							placeholder: 'e.g. 50',
							description: 'The warehouse ship code, as Warehouse Ship Code → Get Many lists them',
							displayOptions: { show: { passThrough: [false] } },
						},
					],
				},
			],
		},
	]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'POST', path: '/cart/shipmethod/{order_source}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const problems = new InputProblems();
			const mappings = readMappings(this, itemIndex, problems);
			const source = readPathReference(this, itemIndex, 'orderSource', 'Order Source', problems);
			await cartRoverRequest.call(this, {
				method: 'POST',
				path: `/cart/shipmethod/${pathSegment(source)}`,
				body: mappings,
				itemIndex,
				// Setting the same mappings again changes nothing: safe to retry.
				repeatable: true,
			});
			return { order_source: source, mappings };
		});
	},
};
