import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productReviewSpec: ResourceSpec = {
	value: 'productReview',
	name: 'Product Review',
	plural: 'product reviews',
	path: '/product_reviews',
	// The published spec misspells the key (`product_revies`); the transport detects the real one.
	recordsKey: 'product_reviews',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getWithRelated],
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
		{ name: 'product_id', type: 'number', integer: true },
		{ name: 'customer_id', type: 'number', integer: true },
		{ name: 'approval_status', type: 'string', placeholder: 'e.g. Approved' },
	],
	fields: [
		{ name: 'product_id', type: 'number', integer: true, required: true },
		{ name: 'title', type: 'string' },
		{ name: 'body', type: 'string' },
		{ name: 'review_pros', label: 'Pros', type: 'string' },
		{ name: 'review_cons', label: 'Cons', type: 'string' },
		{ name: 'overall_rating', type: 'number', integer: true, placeholder: 'e.g. 5' },
		{ name: 'approval_status', type: 'string', placeholder: 'e.g. Approved' },
		{ name: 'approved_at', type: 'dateTime' },
		{ name: 'published_date', type: 'dateTime' },
		{ name: 'customer_id', type: 'number', integer: true },
		{ name: 'author_display_name', type: 'string' },
		{ name: 'author_email', type: 'string', placeholder: 'e.g. name@email.com' },
		{ name: 'author_website', type: 'string' },
		{ name: 'author_location', type: 'string' },
		{ name: 'origin_store_id', type: 'options', loadOptionsMethod: 'getStores', integer: true },
	],
};
