import { flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const customFieldSpec: ResourceSpec = {
	value: 'customField',
	name: 'Custom Field',
	plural: 'custom fields',
	path: '/custom_fields',
	recordsKey: 'custom_fields',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['list_items', 'stores', 'values'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'label',
		'resource_type',
		'input_type',
		'value_type',
		'is_required',
		'is_private',
		'updated_at',
	],
	filterFields: [text('resource_type', { placeholder: 'e.g. Orders' })],
	fields: [
		required(text('name')),
		required(
			text('resource_type', {
				placeholder: 'e.g. Orders',
				description: 'Which records carry the field, e.g. Orders, Customers, Products',
			}),
		),
		text('label'),
		text('input_type', { placeholder: 'e.g. TextBox' }),
		text('value_type', { placeholder: 'e.g. String' }),
		text('default_value'),
		flag('is_required'),
		flag('is_private'),
	],
};
