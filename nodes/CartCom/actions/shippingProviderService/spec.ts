import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { getMany, update } from '../standard';

/** One carrier service (e.g. "UPS Ground"); shipments refer to it by id with shipping_method_type "provider". */
export const shippingProviderServiceSpec: ResourceSpec = {
	value: 'shippingProviderService',
	name: 'Shipping Provider Service',
	plural: 'shipping provider services',
	path: '/shipping_provider_services',
	// Cart.com's own example reads this list under `services`, not the path name.
	recordsKey: 'services',
	operations: [getMany, update],
	timestamps: true,
	titleField: 'identifier',
	filterFields: [
		integer('shipping_provider_id'),
		text('identifier', {
			placeholder: 'e.g. UPS Ground',
			description: 'Exact service name as orders carry it in selected_shipping_method',
		}),
		flag('is_enabled', {
			description: 'Whether to return only enabled (true) or only disabled (false) services',
		}),
	],
	fields: [
		text('name'),
		flag('is_enabled', { description: 'Whether the service is offered at checkout' }),
		flag('allow_apo', {
			label: 'Allow APO',
			description: 'Whether the service ships to APO/FPO addresses',
		}),
		flag('allow_po_box', {
			label: 'Allow PO Box',
			description: 'Whether the service ships to PO boxes',
		}),
	],
};
