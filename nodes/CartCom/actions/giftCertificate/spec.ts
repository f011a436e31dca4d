import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const giftCertificateSpec: ResourceSpec = {
	value: 'giftCertificate',
	name: 'Gift Certificate',
	plural: 'gift certificates',
	path: '/gift_certificates',
	recordsKey: 'gift_certificates',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['transactions'],
	timestamps: true,
	titleField: 'code',
	simplifyFields: [
		'code',
		'status',
		'current_amount',
		'original_amount',
		'customer_id',
		'recipient_email',
		'expires_at',
		'updated_at',
	],
	filterFields: [
		{ name: 'code', type: 'string', placeholder: 'e.g. GC-KDK-44-KGKHBX' },
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true },
		{ name: 'status', type: 'string', placeholder: 'e.g. Active' },
	],
	fields: [
		{
			name: 'code',
			type: 'string',
			placeholder: 'e.g. GC-KDK-44-KGKHBX',
			description: 'Leave empty to let Cart.com generate one',
		},
		{ name: 'original_amount', type: 'number', nonNegative: true },
		{ name: 'current_amount', type: 'number', nonNegative: true, description: 'Remaining balance' },
		{ name: 'status', type: 'string', placeholder: 'e.g. Active' },
		{ name: 'customer_id', label: 'Customer ID', type: 'number', integer: true },
		{ name: 'store_id', label: 'Store ID', type: 'number', integer: true },
		{ name: 'recipient_name', type: 'string' },
		{ name: 'recipient_email', type: 'string' },
		{ name: 'gift_message', type: 'string' },
		{ name: 'comments', type: 'string' },
		{
			name: 'expires',
			type: 'boolean',
			description: 'Whether the certificate expires at Expires At',
		},
		{ name: 'expires_at', type: 'dateTime' },
		{
			name: 'is_pre_tax_discount',
			type: 'boolean',
			description: 'Whether the certificate is applied before tax',
		},
	],
};
