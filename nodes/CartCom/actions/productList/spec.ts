import { required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productListSpec: ResourceSpec = {
	value: 'productList',
	name: 'Product List',
	plural: 'product lists',
	path: '/product_lists',
	recordsKey: 'product_lists',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['items'],
	titleField: 'name',
	fields: [required(text('name'))],
};
