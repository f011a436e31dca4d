import { integrationOperation } from '../generic/integration';
import { productSpec } from './spec';

/** `POST /products/integration`: found by item number (docs/resources/special_integration_routes.md). */
export const productIntegration = integrationOperation({
	spec: productSpec,
	noun: 'product',
	lookup: 'SKU',
	key: {
		field: 'item_number',
		displayName: 'SKU',
		placeholder: 'e.g. TSHIRT',
		description: 'The product is found by this SKU (item number), or created with it',
	},
	example:
		'{"item_name": "Logo Tee", "price": 21.93, "product_status": "In Stock", "primary_category_name": "Shirts", "quantity_on_hand": 10, "variants": [{"group_name": "Color", "description": "Red"}]}',
});
