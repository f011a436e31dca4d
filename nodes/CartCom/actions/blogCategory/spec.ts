import { integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const blogCategorySpec: ResourceSpec = {
	value: 'blogCategory',
	name: 'Blog Category',
	plural: 'blog categories',
	path: '/blog_categories',
	recordsKey: 'blog_categories',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['posts'],
	timestamps: true,
	titleField: 'name',
	filterFields: [integer('blog_id')],
	fields: [
		required(integer('blog_id')),
		required(
			integer('parent_category_id', {
				description: 'The category above this one; 0 for a top-level category',
			}),
		),
		required(
			text('blog_category_path', {
				placeholder: 'e.g. news/releases',
				description: 'Path of the category in the blog’s URLs',
			}),
		),
		text('name'),
		text('description'),
		text('type', { placeholder: 'e.g. Tag' }),
	],
};
