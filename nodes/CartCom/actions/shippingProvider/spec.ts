import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** Carrier integrations (UPS, FedEx…): Cart.com lists and updates them but never creates or deletes. */
export const shippingProviderSpec: ResourceSpec = {
	value: 'shippingProvider',
	name: 'Shipping Provider',
	plural: 'shipping providers',
	path: '/shipping_providers',
	recordsKey: 'shipping_providers',
	operations: [standard.getMany, standard.update],
	nested: ['services'],
	timestamps: true,
	titleField: 'name',
	filterFields: [
		{ name: 'provider_code', type: 'string', placeholder: 'e.g. UPS' },
		{
			name: 'is_enabled',
			type: 'boolean',
			description: 'Whether to return only enabled (true) or only disabled (false) providers',
		},
	],
	fields: [
		{ name: 'name', type: 'string' },
		{
			name: 'is_enabled',
			type: 'boolean',
			description: 'Whether the provider is offered at checkout',
		},
		{ name: 'markup_amount', type: 'number' },
		{ name: 'markup_type', type: 'string' },
		{ name: 'additional_markup_percent', type: 'number' },
		{ name: 'additional_weight_per_package', type: 'number' },
	],
};
