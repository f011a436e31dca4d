import { flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/** Store-defined shipping methods; shipments refer to one with shipping_method_type "custom". */
export const customShippingMethodSpec: ResourceSpec = {
	value: 'customShippingMethod',
	name: 'Custom Shipping Method',
	plural: 'custom shipping methods',
	path: '/custom_shipping_methods',
	recordsKey: 'custom_shipping_methods',
	operations: [get, getMany, create, update, remove],
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
		text('name', { placeholder: 'e.g. Flat Rate', description: 'Exact method name' }),
		flag('is_enabled', {
			description: 'Whether to return only enabled (true) or only disabled (false) methods',
		}),
	],
	fields: [
		required(text('name', { placeholder: 'e.g. Flat Rate' })),
		text('description'),
		flag('is_enabled', { description: 'Whether the method is offered at checkout' }),
		flag('is_default', { description: 'Whether this is the default method' }),
		flag('admin_only', { description: 'Whether only admins can choose the method' }),
		text('markup_type'),
		text('markup_amount', { description: 'Cart.com stores this as text, e.g. 2.50' }),
		flag('use_base_rate', { description: 'Whether the base rate applies' }),
	],
};
