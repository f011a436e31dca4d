import { integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const customFieldValueSpec: ResourceSpec = {
	value: 'customFieldValue',
	name: 'Custom Field Value',
	plural: 'custom field values',
	path: '/custom_field_values',
	recordsKey: 'custom_field_values',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'value',
	filterFields: [integer('custom_field_id'), integer('resource_id')],
	fields: [
		required(integer('custom_field_id')),
		required(
			integer('resource_id', {
				description: 'ID of the order, customer, product… the value belongs to',
			}),
		),
		required(text('value')),
	],
};
