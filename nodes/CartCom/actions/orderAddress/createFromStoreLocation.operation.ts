import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { readCollection, requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { toRecordId } from '../../helpers/validation';
import { cartComWrite } from '../../transport';
import { orderAddressSpec } from './spec';

const OPERATION = 'createFromStoreLocation';

const properties: INodeProperties[] = [
	{
		displayName: 'Store Location ID',
		name: 'locationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3',
		description: 'The physical shop whose address the order should use (see Store Location)',
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 88',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		],
	},
	writeOptionsCollection(),
];

/**
 * `POST /order_addresses/store_location_address` (Cart.com docs only, not in the OpenAPI file):
 * an order address copied from a store location, e.g. for in-store pickup orders.
 */
export const createFromStoreLocation: OperationModule = {
	option: {
		name: 'Create From Store Location',
		value: OPERATION,
		action: 'Create order address from store location',
		description:
			'Create an order address that copies a store location’s address, e.g. for in-store pickup',
	},
	endpoints: [{ method: 'POST', path: '/order_addresses/store_location_address' }],
	description: forOperation(orderAddressSpec.value, OPERATION, properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const locationId = this.getNodeParameter('locationId', i);
			const customerId = this.getNodeParameter('customerId', i);
			requireGiven(
				this,
				i,
				{ 'Store Location ID': locationId, 'Customer ID': customerId },
				{ resource: 'order address' },
			);
			const body: IDataObject = {
				location_id: toRecordId(this, locationId, 'Store Location ID', i),
				customer_id: toRecordId(this, customerId, 'Customer ID', i),
			};
			const extra = readCollection(this, 'additionalFields', i);
			if (extra.firstName) body.first_name = String(extra.firstName);
			if (extra.lastName) body.last_name = String(extra.lastName);
			if (extra.phone) body.phone = String(extra.phone);
			return await cartComWrite.call(this, {
				method: 'POST',
				path: `${orderAddressSpec.path}/store_location_address`,
				body,
				itemIndex: i,
			});
		});
	},
};
