import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** Store-defined shipping methods; shipments refer to one with shipping_method_type "custom". */
export const customShippingMethodSpec: ResourceSpec = {
	value: 'customShippingMethod',
	name: 'Custom Shipping Method',
	plural: 'custom shipping methods',
	path: '/custom_shipping_methods',
	recordsKey: 'custom_shipping_methods',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	nested: ['rules'],
	timestamps: true,
	titleField: 'name',
	simplifyFields: [
		'name',
		'description',
		'is_enabled',
		'is_default',
		'markup_type',
		'markup_amount',
		'updated_at',
	],
	filterFields: [
		{
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Flat Rate',
			description: 'Exact method name',
		},
		{
			name: 'is_enabled',
			type: 'boolean',
			description: 'Whether to return only enabled (true) or only disabled (false) methods',
		},
	],
	fields: [
		{ name: 'name', type: 'string', required: true, placeholder: 'e.g. Flat Rate' },
		{ name: 'description', type: 'string' },
		{
			name: 'is_enabled',
			type: 'boolean',
			description: 'Whether the method is offered at checkout',
		},
		{ name: 'is_default', type: 'boolean', description: 'Whether this is the default method' },
		{
			name: 'admin_only',
			type: 'boolean',
			description: 'Whether only admins can choose the method',
		},
		{ name: 'markup_type', type: 'string' },
		{
			name: 'markup_amount',
			type: 'string',
			description: 'Cart.com stores this as text, e.g. 2.50',
		},
		{ name: 'use_base_rate', type: 'boolean', description: 'Whether the base rate applies' },
	],
};
