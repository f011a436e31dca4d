import { flag, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, remove, update } from '../standard';

export const productPictureSpec: ResourceSpec = {
	value: 'productPicture',
	name: 'Product Picture',
	plural: 'product pictures',
	path: '/product_pictures',
	// The reference leaves the key open (`pictures` or `product_pictures`); the transport detects it.
	recordsKey: 'pictures',
	operations: [get, getMany, create, update, remove, getSeveral],
	timestamps: true,
	titleField: 'image_file',
	fileSource: { field: 'image_file', noun: 'image', folder: '/shared/images/products/' },
	description: 'Images of a product',
	simplifyFields: [
		'product_id',
		'image_file',
		'thumbnail_file',
		'alt',
		'is_primary',
		'is_hidden',
		'sort_order',
	],
	filterFields: [integer('product_id')],
	fields: [
		required(integer('product_id')),
		required(
			text('image_file', {
				placeholder: 'e.g. /images/products/logo-tee.jpg',
				description: 'Path of the image in the store’s files',
			}),
		),
		text('alt', { label: 'Alt Text' }),
		text('description'),
		flag('is_primary', { description: 'Whether this is the product’s main picture' }),
		flag('is_hidden', { description: 'Whether the picture is hidden from shoppers' }),
		integer('sort_order'),
		text('thumbnail_file'),
		flag('download_external_image', {
			description: 'Whether Cart.com copies an external image URL into the store',
		}),
	],
};
