import { integrationOperation } from '../generic/integration';
import { customerSpec } from './spec';

/** `POST /customers/integration`: found by e-mail (docs/resources/special_integration_routes.md). */
export const customerIntegration = integrationOperation({
	spec: customerSpec,
	noun: 'customer',
	lookup: 'e-mail',
	key: {
		field: 'email',
		displayName: 'Email',
		placeholder: 'e.g. nathan@example.com',
		description: 'The customer is found by this e-mail, or created with it',
	},
	example:
		'{"first_name": "John", "last_name": "Doe", "customer_type": "Wholesale", "addresses": [{"address_line_1": "123 Any Street", "city": "Beaumont", "state": "Texas", "postal_code": "77701", "country": "United States", "default_shipping_address": true}]}',
});
