import { date, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const microstoreSpec: ResourceSpec = {
	value: 'microstore',
	name: 'Microstore',
	plural: 'microstores',
	path: '/microstores',
	recordsKey: 'microstores',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	titleField: 'name',
	simplifyFields: [
		'name',
		'parent_store_id',
		'path',
		'city',
		'state',
		'country',
		'activation_date',
		'expiration_date',
	],
	filterFields: [text('name')],
	fields: [
		text('name'),
		integer('parent_store_id'),
		text('path', { placeholder: 'e.g. /fakestore.aspx' }),
		date('activation_date'),
		date('expiration_date'),
	],
};
