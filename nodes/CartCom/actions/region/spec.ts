import { flag, integer, number, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const regionSpec: ResourceSpec = {
	value: 'region',
	name: 'Region',
	plural: 'regions',
	path: '/regions',
	recordsKey: 'regions',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	description: 'Shipping and tax regions',
	fields: [
		text('name'),
		text('region_type', { placeholder: 'e.g. Country' }),
		flag('is_shipping_region'),
		flag('is_tax_region'),
		text('markup_type', { placeholder: 'e.g. Percent' }),
		required(number('markup_amount', { description: 'Shipping markup of the region; 0 for none' })),
		required(integer('sort_order')),
	],
};
