import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const emailTemplateSpec: ResourceSpec = {
	value: 'emailTemplate',
	name: 'Email Template',
	plural: 'email templates',
	path: '/email_templates',
	recordsKey: 'email_templates',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
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
		{
			name: 'type',
			type: 'string',
			placeholder: 'e.g. Order Shipped',
			description: 'Exact template type',
		},
	],
	fields: [
		{ name: 'type', type: 'string', placeholder: 'e.g. Order Shipped' },
		{ name: 'subject', type: 'string' },
		{
			name: 'body',
			type: 'string',
			description: 'Text or HTML; merge codes like ##STORENAME## are replaced when sent',
		},
		{ name: 'from_name', type: 'string', placeholder: 'e.g. ##STORENAME##' },
		{ name: 'from_email', type: 'string', placeholder: 'e.g. ##STOREEMAIL##' },
		{ name: 'is_enabled', type: 'boolean', description: 'Whether the store sends this email' },
		{
			name: 'email_format',
			type: 'options',
			options: [
				{ name: 'HTML', value: 'HTML' },
				{ name: 'Text', value: 'TEXT' },
			],
		},
		{
			name: 'attach_invoice_pdf',
			label: 'Attach Invoice PDF',
			type: 'boolean',
			description: 'Whether the order invoice is attached as a PDF',
		},
	],
};
