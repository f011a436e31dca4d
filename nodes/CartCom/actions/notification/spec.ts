import { integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const notificationSpec: ResourceSpec = {
	value: 'notification',
	name: 'Notification',
	plural: 'notifications',
	path: '/notifications',
	recordsKey: 'notifications',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	titleField: 'email_address',
	idField: 'notification_id',
	description: 'Back-in-stock notification requests of shoppers',
	filterFields: [integer('product_id'), integer('customer_id')],
	fields: [
		integer('product_id'),
		integer('variant_inventory_id'),
		integer('customer_id'),
		text('email_address'),
		integer('store_id'),
		text('notification_frequency_type', { placeholder: 'e.g. Once' }),
	],
};
