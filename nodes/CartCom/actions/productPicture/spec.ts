import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const productPictureSpec: ResourceSpec = {
	value: 'productPicture',
	name: 'Product Picture',
	plural: 'product pictures',
	path: '/product_pictures',
	// The reference leaves the key open (`pictures` or `product_pictures`); the transport detects it.
	recordsKey: 'pictures',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getSeveral],
	timestamps: true,
	titleField: 'image_file',
	description: 'Images of a product',
	simplifyFields: ['product_id', 'image_file', 'thumbnail_file', 'alt', 'is_primary', 'is_hidden', 'sort_order'],
	filterFields: [{ name: 'product_id', type: 'number', integer: true }],
	fields: [
		{ name: 'product_id', type: 'number', integer: true, required: true },
		{ name: 'image_file', type: 'string', required: true, placeholder: 'e.g. /images/products/logo-tee.jpg', description: 'Path of the image in the store’s files' },
		{ name: 'alt', label: 'Alt Text', type: 'string' },
		{ name: 'description', type: 'string' },
		{ name: 'is_primary', type: 'boolean', description: 'Whether this is the product’s main picture' },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the picture is hidden from shoppers' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'thumbnail_file', type: 'string' },
		{ name: 'download_external_image', type: 'boolean', description: 'Whether Cart.com copies an external image URL into the store' },
	],
};
