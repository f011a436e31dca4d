import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation, recordLocator, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { readCollection, readRecordId } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { inputError, isJsonObject, toRecordId } from '../../helpers/validation';
import { cartComRequest } from '../../transport';
import { emailTemplateSpec } from './spec';

const properties: INodeProperties[] = [
	recordLocator(emailTemplateSpec, { description: 'The email template to send' }),
	{
		displayName: 'Options',
		name: 'sendOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 88',
				description: 'Customer whose data fills the template’s merge codes',
			},
			{
				displayName: 'Email Address',
				name: 'emailAddress',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: 'Recipient; empty sends to the customer’s own address',
			},
			{
				displayName: 'Merge Codes',
				name: 'mergeCodes',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Merge Code',
				description: 'Extra placeholders to replace in the template',
				options: [
					{
						displayName: 'Merge Code',
						name: 'codes',
						values: [
							{
								displayName: 'Code',
								name: 'code',
								type: 'string',
								default: '',
								placeholder: 'e.g. ##TRACKING##',
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 100231',
				description: 'Order whose data fills the template’s merge codes',
			},
			{
				displayName: 'Send Duplicate',
				name: 'sendDuplicate',
				type: 'boolean',
				default: false,
				description:
					'Whether to send even if this email was already sent for the same order or customer',
			},
		],
	},
	writeOptionsCollection(),
];

function readSendBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const options = readCollection(ctx, 'sendOptions', i);
	const body: IDataObject = {};
	if (options.orderId !== undefined && options.orderId !== '')
		body.order_id = toRecordId(ctx, options.orderId, 'Order ID', i);
	if (options.customerId !== undefined && options.customerId !== '') {
		body.customer_id = toRecordId(ctx, options.customerId, 'Customer ID', i);
	}
	if (typeof options.emailAddress === 'string' && options.emailAddress.trim())
		body.email_address = options.emailAddress.trim();
	const mergeCodeRows = isJsonObject(options.mergeCodes) ? options.mergeCodes.codes : undefined;
	const codes = (mergeCodeRows ?? []) as Array<{
		code: string;
		value: string;
	}>;
	if (codes.length) {
		const mergeCodes: IDataObject = {};
		for (const { code, value } of codes) {
			if (!code.trim())
				throw inputError(
					ctx,
					i,
					'Merge Codes',
					'a code is empty',
					'Enter each code, e.g. ##TRACKING##.',
				);
			mergeCodes[code.trim()] = value;
		}
		body.merge_codes = mergeCodes;
	}
	if (options.sendDuplicate !== undefined) body.send_duplicate = options.sendDuplicate === true;
	// Cart.com addresses the email to the given address, or to the customer's / order's own one.
	if (
		body.email_address === undefined &&
		body.customer_id === undefined &&
		body.order_id === undefined
	) {
		throw inputError(
			ctx,
			i,
			'Email Address, Customer ID or Order ID',
			'none given',
			'Add at least one of them under Options, so the email has a recipient.',
		);
	}
	return body;
}

export const sendEmailTemplate: OperationModule = {
	option: {
		name: 'Send',
		value: 'send',
		action: 'Send email template',
		description: 'Send the email to a customer, filled with an order’s or customer’s data',
	},
	endpoints: [{ method: 'POST', path: '/email_templates/{id}/send' }],
	description: forOperation('emailTemplate', 'send', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const id = readRecordId(this, i);
			const body = readSendBody(this, i);
			const response = await cartComRequest.call(this, {
				method: 'POST',
				path: `${emailTemplateSpec.path}/${id}/send`,
				body,
				itemIndex: i,
			});
			// The docs show no response body; report the send either way.
			return { id, sent: true, ...response };
		});
	},
};
