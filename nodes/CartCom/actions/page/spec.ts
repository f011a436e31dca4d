import { contains, flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const pageSpec: ResourceSpec = {
	value: 'page',
	name: 'Page',
	plural: 'pages',
	path: '/pages',
	recordsKey: 'pages',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'title',
	description: 'Content pages',
	simplifyFields: [
		'store_id',
		'title',
		'url_rewrite',
		'is_hidden',
		'external_url',
		'is_login_required',
		'updated_at',
	],
	filterFields: [integer('store_id'), contains('title')],
	fields: [
		required(integer('store_id')),
		text('title'),
		text('content', { description: 'HTML content of the page' }),
		text('url_rewrite'),
		text('keywords'),
		text('description'),
		flag('is_hidden'),
	],
};
