import { text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const userSpec: ResourceSpec = {
	value: 'user',
	name: 'User',
	plural: 'users',
	path: '/users',
	recordsKey: 'users',
	operations: [standard.get, standard.getMany],
	timestamps: true,
	titleField: 'username',
	description: 'Admin users (read-only in the API)',
	simplifyFields: [
		'username',
		'email',
		'first_name',
		'last_name',
		'phone',
		'profile_id',
		'is_salesperson',
		'last_login_at',
	],
	filterFields: [text('email'), text('username')],
	fields: [],
};
