import { date, flag, integer, money, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const giftCertificateSpec: ResourceSpec = {
	value: 'giftCertificate',
	name: 'Gift Certificate',
	plural: 'gift certificates',
	path: '/gift_certificates',
	recordsKey: 'gift_certificates',
	operations: [get, getMany, create, update, remove],
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
		text('code', { placeholder: 'e.g. GC-KDK-44-KGKHBX' }),
		integer('customer_id'),
		text('status', { placeholder: 'e.g. Active' }),
	],
	fields: [
		text('code', {
			placeholder: 'e.g. GC-KDK-44-KGKHBX',
			description: 'Leave empty to let Cart.com generate one',
		}),
		money('original_amount'),
		money('current_amount', { description: 'Remaining balance' }),
		text('status', { placeholder: 'e.g. Active' }),
		integer('customer_id'),
		integer('store_id'),
		text('recipient_name'),
		text('recipient_email'),
		text('gift_message'),
		text('comments'),
		flag('expires', { description: 'Whether the certificate expires at Expires At' }),
		date('expires_at'),
		flag('is_pre_tax_discount', { description: 'Whether the certificate is applied before tax' }),
	],
};
