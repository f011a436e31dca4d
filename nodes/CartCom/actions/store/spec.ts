import { contains, flag } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { get, getMany } from '../standard';

/** Stores and microstores of the account; the API offers no writes here (scope system). */
export const storeSpec: ResourceSpec = {
	value: 'store',
	name: 'Store',
	plural: 'stores',
	path: '/stores',
	recordsKey: 'stores',
	operations: [get, getMany],
	titleField: 'name',
	simplifyFields: [
		'name',
		'domain_name',
		'email',
		'is_micro_store',
		'parent_store_id',
		'city',
		'state',
		'country',
		'phone',
	],
	filterFields: [
		contains('name'),
		flag('is_micro_store', {
			description: 'Whether to return only microstores (true) or only main stores (false)',
		}),
	],
	fields: [],
};
