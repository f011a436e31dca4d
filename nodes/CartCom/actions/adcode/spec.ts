import { count, date, flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const adcodeSpec: ResourceSpec = {
	value: 'adcode',
	name: 'Adcode',
	plural: 'adcodes',
	path: '/adcodes',
	recordsKey: 'adcodes',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	description: 'Tracking codes for campaigns and affiliates',
	simplifyFields: [
		'name',
		'description',
		'visits',
		'affiliate_id',
		'url',
		'source',
		'expires_at',
		'updated_at',
	],
	filterFields: [text('name')],
	fields: [
		required(
			count('visits', {
				description: 'Visits counted so far; 0 for a new adcode (the OpenAPI file requires it)',
			}),
		),
		text('name'),
		text('description'),
		text('url'),
		text('source'),
		integer('affiliate_id'),
		flag('is_pay_per_click'),
		date('expires_at'),
	],
};
