import { date, integer, listed, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getWithRelated, remove, update } from '../standard';

export const productReviewSpec: ResourceSpec = {
	value: 'productReview',
	name: 'Product Review',
	plural: 'product reviews',
	path: '/product_reviews',
	// The published spec misspells the key (`product_revies`); the transport detects the real one.
	recordsKey: 'product_reviews',
	operations: [get, getMany, create, update, remove, getWithRelated],
	nested: ['ratings'],
	timestamps: true,
	titleField: 'title',
	description: 'Shopper reviews of products, with their approval',
	simplifyFields: [
		'product_id',
		'title',
		'overall_rating',
		'approval_status',
		'author_display_name',
		'author_email',
		'customer_id',
		'created_at',
		'updated_at',
	],
	filterFields: [
		integer('product_id'),
		integer('customer_id'),
		text('approval_status', { placeholder: 'e.g. Approved' }),
	],
	fields: [
		required(integer('product_id')),
		text('title'),
		text('body'),
		text('review_pros', { label: 'Pros' }),
		text('review_cons', { label: 'Cons' }),
		integer('overall_rating', { placeholder: 'e.g. 5' }),
		text('approval_status', { placeholder: 'e.g. Approved' }),
		date('approved_at'),
		date('published_date'),
		integer('customer_id'),
		text('author_display_name'),
		text('author_email', { placeholder: 'e.g. name@email.com' }),
		text('author_website'),
		text('author_location'),
		listed('origin_store_id', 'getStores'),
	],
};
