import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/node';

/*
 * An inventory record: `{sku, qty_available, qty_on_hand, wms_datetime, aliases, warehouses}` with
 * `warehouses` keyed by warehouse pk, e.g. {"2352": {"warehouse": "EAST", "qty_available": 10,
 * "qty_on_hand": 15, "wms_datetime": "…"}} (extensiv_ruby spec/fixtures/merchant/inventory).
 */

export const warehousesParameter: INodeProperties = {
	displayName: 'Warehouse Quantities',
	name: 'warehouseQuantities',
	type: 'options',
	default: 'nested',
	options: [
		{
			name: 'Nested in Each SKU',
			value: 'nested',
			description: 'One item per SKU, with its warehouses inside',
		},
		{
			name: 'One Item per Warehouse',
			value: 'rows',
			description:
				'One item per SKU and warehouse, e.g. for a spreadsheet; a SKU without warehouses gives one item with its totals',
		},
	],
};

/** The warehouses of a record as [pk, warehouse] pairs; `[]` or nothing gives none. */
function warehousesOf(record: IDataObject): Array<[string, IDataObject]> {
	const { warehouses } = record;
	if (Array.isArray(warehouses))
		return warehouses
			.filter(isJsonObject)
			.map((warehouse, index) => [String(warehouse.warehouse_pk ?? index), warehouse]);
	if (isJsonObject(warehouses))
		return Object.entries(warehouses).flatMap(([pk, warehouse]) =>
			isJsonObject(warehouse) ? [[pk, warehouse] as [string, IDataObject]] : [],
		);
	return [];
}

/** One row per SKU and warehouse: the SKU, the warehouse pk and the warehouse's own figures. */
export function warehouseRows(record: IDataObject): IDataObject[] {
	const sku = { ...record };
	delete sku.warehouses;
	const rows = warehousesOf(record);
	if (rows.length === 0) return [{ ...sku, warehouse_pk: null, warehouse: null }];
	return rows.map(([pk, warehouse]) => ({
		sku: record.sku,
		aliases: record.aliases,
		warehouse_pk: pk,
		...warehouse,
	}));
}

export const byWarehouse = (records: IDataObject[], mode: unknown) =>
	mode === 'rows' ? records.flatMap(warehouseRows) : records;
