import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const blogSpec: ResourceSpec = {
	value: 'blog',
	name: 'Blog',
	plural: 'blogs',
	path: '/blogs',
	recordsKey: 'blogs',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['categories', 'posts'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'store_id',
		'name',
		'description',
		'tag_line',
		'url_slug',
		'page_title',
		'is_commenting_enabled',
		'updated_at',
	],
	filterFields: [integer('store_id')],
	fields: [
		required(integer('store_id')),
		required(text('name')),
		text('description'),
		text('tag_line'),
		text('url_slug'),
		text('page_title'),
		flag('is_commenting_enabled'),
	],
};
