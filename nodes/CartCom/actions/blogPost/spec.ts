import { contains, date, flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const blogPostSpec: ResourceSpec = {
	value: 'blogPost',
	name: 'Blog Post',
	plural: 'blog posts',
	path: '/blog_posts',
	recordsKey: 'blog_posts',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['categories'],
	timestamps: true,
	titleField: 'title',
	simplifyFields: [
		'blog_id',
		'store_id',
		'title',
		'description',
		'url_rewrite',
		'published_at',
		'is_featured',
		'updated_at',
	],
	filterFields: [integer('blog_id'), contains('title')],
	fields: [
		required(integer('blog_id')),
		required(integer('store_id')),
		text('title'),
		text('content', { description: 'HTML body of the post' }),
		text('description'),
		text('keywords'),
		text('url_rewrite'),
		date('published_at'),
		flag('is_featured'),
	],
};
