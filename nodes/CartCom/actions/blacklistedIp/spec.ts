import { text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const blacklistedIpSpec: ResourceSpec = {
	value: 'blacklistedIp',
	name: 'Blacklisted IP',
	plural: 'blacklisted IPs',
	path: '/blacklisted_ips',
	recordsKey: 'blacklisted_ips',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	titleField: 'ip_address',
	filterFields: [text('ip_address')],
	fields: [
		text('ip_address', { placeholder: 'e.g. 203.0.113.7' }),
		text('description'),
		text('user_agent'),
	],
};
