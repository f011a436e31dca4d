import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/node';
import {
	forOperation,
	simplifyParameter,
	skuParameter,
	wantsSimplify,
} from '../../helpers/descriptions';
import { CART_OR_MERCHANT } from '../../helpers/level';
import { shaped, toRecords } from '../../helpers/records';
import { readPathReference } from '../../helpers/references';
import type { OperationModule } from '../../helpers/types';
import { cartRoverRequest, pathSegment } from '../../transport';

/*
 * GET /merchant/product/{sku}: `{sku, name, description, retail_price, wholesale_price, weight_lbs,
 * wms_product_main_id, last_updated_datetime, aliases: [{code_type, code}]}` (extensiv_ruby
 * info.json). `last_updated_datetime` has no zone; it is passed on as CartRover writes it.
 */
export const getProduct: OperationModule = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a product',
		description: 'Read a product by SKU, with its aliases (UPC and other codes)',
	},
	description: forOperation('product', 'get', [skuParameter, simplifyParameter]),
	levels: CART_OR_MERCHANT,
	endpoints: [{ method: 'GET', path: '/merchant/product/{sku}' }],
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		return await runPerItem(this, items, async (itemIndex) => {
			const sku = readPathReference(this, itemIndex, 'sku', 'SKU');
			const { response } = await cartRoverRequest.call(this, {
				method: 'GET',
				path: `/merchant/product/${pathSegment(sku)}`,
				itemIndex,
			});
			return shaped(toRecords(response), wantsSimplify(this, itemIndex));
		});
	},
};
