/**
 * Helpers for the catalog and inventory tests (products, variants, pricing, pictures, categories,
 * inventory): run the node against the simulator and read what it sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Simulator } from '../../helpers/fixtures';

export * from '../../helpers/actionKit';

/** A store record as the tests read it. */
export type Row = IDataObject;

/** A seeded product with variant inventory rows, and one without. */
export function variantProduct(sim: Simulator, index = 0): { product: Row; rows: Row[] } {
	const products = sim.store.list('products').filter((product) => product.use_variant_inventory === true);
	const product = products[index] as Row;
	const rows = sim.store.list('variant_inventory').filter((row) => row.product_id === product.id) as Row[];
	return { product, rows };
}

export function plainProduct(sim: Simulator, index = 0): Row {
	return sim.store.list('products').filter((product) => product.use_variant_inventory !== true)[index] as Row;
}
