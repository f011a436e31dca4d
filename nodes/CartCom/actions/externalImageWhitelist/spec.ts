import { text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const externalImageWhitelistSpec: ResourceSpec = {
	value: 'externalImageWhitelist',
	name: 'External Image Whitelist Entry',
	plural: 'external image whitelist entries',
	path: '/external_image_whitelist',
	recordsKey: 'external_image_whitelist',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'url',
	idField: 'external_image_whitelist_sites_id',
	description: 'Sites the store may show images from',
	fields: [text('url', { placeholder: 'e.g. images.example.com' })],
};
