import { flag, number, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { getMany, update } from '../standard';

/** Carrier integrations (UPS, FedEx…): Cart.com lists and updates them but never creates or deletes. */
export const shippingProviderSpec: ResourceSpec = {
	value: 'shippingProvider',
	name: 'Shipping Provider',
	plural: 'shipping providers',
	path: '/shipping_providers',
	recordsKey: 'shipping_providers',
	operations: [getMany, update],
	nested: ['services'],
	timestamps: true,
	titleField: 'name',
	filterFields: [
		text('provider_code', { placeholder: 'e.g. UPS' }),
		flag('is_enabled', {
			description: 'Whether to return only enabled (true) or only disabled (false) providers',
		}),
	],
	fields: [
		text('name'),
		flag('is_enabled', { description: 'Whether the provider is offered at checkout' }),
		number('markup_amount'),
		text('markup_type'),
		number('additional_markup_percent'),
		number('additional_weight_per_package'),
	],
};
