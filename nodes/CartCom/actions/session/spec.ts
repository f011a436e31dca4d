import { integer } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { getMany } from '../standard';

/**
 * Storefront visits (read only, scope system). acapi.yaml has only `GET /sessions` (a list);
 * docs/resources/sessions.md says only GET actions exist and shows no single-record route, so the
 * node offers Get Many alone.
 */
export const sessionSpec: ResourceSpec = {
	value: 'session',
	name: 'Session',
	plural: 'sessions',
	path: '/sessions',
	recordsKey: 'sessions',
	operations: [getMany],
	description: 'Storefront visits: who came, from where, with which cart',
	simplifyFields: [
		'customer_id',
		'user_id',
		'first_hit_at',
		'last_hit_at',
		'ip_address',
		'hit_count',
		'page_last_visited',
		'referer',
		'cart_id',
	],
	filterFields: [
		integer('customer_id', { description: 'Only the visits of this customer' }),
		integer('cart_id'),
	],
	fields: [],
};
