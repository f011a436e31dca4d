import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { cartComWrite, explainNotFound } from '../../transport';
import {
	identifierParameters,
	quantityParameter,
	readIdentifier,
	readQuantity,
	resolveStockTarget,
	stockNotFoundHint,
} from './identifier';

export type StockChange = 'set' | 'add' | 'remove';

/**
 * Set, Add and Remove differ only in the endpoint. Add and Remove are not idempotent: the transport
 * never repeats a POST that may have reached the store, so a broken connection fails the item
 * instead of counting the stock twice. A SKU or GTIN is resolved to an ID first (resolveStockTarget).
 */
export function stockChangeOperation(
	change: StockChange,
	option: Omit<OperationModule['option'], 'value'>,
	quantityDescription: string,
): OperationModule {
	return {
		option: { ...option, value: change },
		endpoints: [
			// A SKU or GTIN is resolved to one product or variant row first (identifier.ts).
			{ method: 'GET', path: '/products' },
			{ method: 'GET', path: '/variant_inventory' },
			{ method: 'POST', path: `/inventory/${change}` },
		],
		description: forOperation('inventory', change, [
			...identifierParameters(),
			{ ...quantityParameter, description: quantityDescription },
			writeOptionsCollection(),
		]),
		async execute(items) {
			return await runWritesPerItem(this, items, async (i) => {
				requireGiven(this, i, {
					Identifier: this.getNodeParameter('identifierValue', i, ''),
					Quantity: this.getNodeParameter('quantity', i),
				});
				const identifier = readIdentifier(this, i);
				const quantity = readQuantity(this, i);
				const { field, value } = await resolveStockTarget(this, i, identifier);
				const body = { [field]: value, quantity };
				// Answered without the stock record, the change is still reported, as what was sent.
				const sent = { [field]: value, change, quantity_sent: quantity };
				return await explainNotFound(
					stockNotFoundHint({ field, value }),
					async () =>
						await cartComWrite.call(
							this,
							{ method: 'POST', path: `/inventory/${change}`, body, itemIndex: i },
							sent,
						),
				);
			});
		},
	};
}
