import { flag, integer, number, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const shippingRateAdjustmentSpec: ResourceSpec = {
	value: 'shippingRateAdjustment',
	name: 'Shipping Rate Adjustment',
	plural: 'shipping rate adjustments',
	path: '/shipping_rate_adjustments',
	recordsKey: 'shipping_rate_adjustments',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	description: 'Per-product shipping rate overrides',
	filterFields: [integer('product_id')],
	fields: [
		integer('product_id'),
		text('type', { placeholder: 'e.g. Flat Rate' }),
		number('amount'),
		text('shipping_method_name'),
		text('shipping_provider', { placeholder: 'e.g. Custom' }),
		flag('is_unavailable'),
	],
};
