import { choice, flag, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const emailTemplateSpec: ResourceSpec = {
	value: 'emailTemplate',
	name: 'Email Template',
	plural: 'email templates',
	path: '/email_templates',
	recordsKey: 'email_templates',
	operations: [get, getMany, create, update, remove],
	titleField: 'subject',
	simplifyFields: [
		'type',
		'subject',
		'from_name',
		'from_email',
		'is_enabled',
		'email_format',
		'email_category_id',
	],
	filterFields: [
		text('type', { placeholder: 'e.g. Order Shipped', description: 'Exact template type' }),
	],
	fields: [
		text('type', { placeholder: 'e.g. Order Shipped' }),
		text('subject'),
		text('body', {
			description: 'Text or HTML; merge codes like ##STORENAME## are replaced when sent',
		}),
		text('from_name', { placeholder: 'e.g. ##STORENAME##' }),
		text('from_email', { placeholder: 'e.g. ##STOREEMAIL##' }),
		flag('is_enabled', { description: 'Whether the store sends this email' }),
		choice('email_format', [
			{ name: 'HTML', value: 'HTML' },
			{ name: 'Text', value: 'TEXT' },
		]),
		flag('attach_invoice_pdf', {
			label: 'Attach Invoice PDF',
			description: 'Whether the order invoice is attached as a PDF',
		}),
	],
};
