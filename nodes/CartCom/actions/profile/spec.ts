import { required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const profileSpec: ResourceSpec = {
	value: 'profile',
	name: 'Profile',
	plural: 'profiles',
	path: '/profiles',
	recordsKey: 'profiles',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'username',
	description: 'Public profiles of users and customers (blog authors, B2B contacts)',
	filterFields: [text('email'), text('username')],
	fields: [
		required(text('username')),
		text('email'),
		text('real_name'),
		text('display_name'),
		text('company'),
		text('type', { placeholder: 'e.g. User' }),
	],
};
