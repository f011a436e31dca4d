import { integer, number, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const giftCertificateTransactionSpec: ResourceSpec = {
	value: 'giftCertificateTransaction',
	name: 'Gift Certificate Transaction',
	plural: 'gift certificate transactions',
	path: '/gift_certificate_transactions',
	recordsKey: 'gift_certificate_transactions',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	filterFields: [integer('gift_certificate_id'), integer('order_id')],
	fields: [
		integer('gift_certificate_id'),
		text('action', { placeholder: 'e.g. Create' }),
		number('amount'),
		integer('order_id'),
		text('status', { placeholder: 'e.g. Approved' }),
	],
};
