import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const mailingListSpec: ResourceSpec = {
	value: 'mailingList',
	name: 'Mailing List',
	plural: 'mailing lists',
	path: '/mailing_lists',
	recordsKey: 'mailing_lists',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['members'],
	timestamps: true,
	titleField: 'admin_list_name',
	filterFields: [integer('store_id')],
	fields: [
		required(integer('store_id')),
		text('admin_list_name'),
		text('public_list_name'),
		text('type', { placeholder: 'e.g. Internal' }),
		flag('is_hidden'),
		flag('auto_opt_in'),
	],
};
