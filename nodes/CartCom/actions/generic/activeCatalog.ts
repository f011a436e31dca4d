import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { forOperation, RECORD_ID, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { locatorValue, readCollection, readRecordId, requireGiven } from '../../helpers/parameters';
import type { OperationModule, ResourceSpec } from '../../helpers/types';
import { inputError, toRecordId, toRecordIdList } from '../../helpers/validation';
import { cartComRequest, cartComWrite, explainNotFound } from '../../transport';

/**
 * `GET|PUT /{stores|microstores}/{id}/active_catalog` (docs/resources/stores.md, microstores.md):
 * `{store_id, is_micro_store, microstore_catalog_override, root_category_id, category_ids,
 * product_ids}`. The docs do not say whether a PUT without `product_ids` keeps or clears them; the
 * node sends only what the user gave (README, "verified vs assumed").
 */
const notFound = (spec: ResourceSpec, id: number) =>
	`No ${spec.name.toLowerCase()} with ID ${id}. Pick it from the list, or check the ID.`;

export function getActiveCatalogOperation(spec: ResourceSpec): OperationModule {
	return {
		option: {
			name: 'Get Active Catalog',
			value: 'getActiveCatalog',
			action: `Get the active catalog of a ${spec.name.toLowerCase()}`,
			description: `Retrieve which categories and products a ${spec.name.toLowerCase()} sells`,
		},
		endpoints: [{ method: 'GET', path: `${spec.path}/{id}/active_catalog` }],
		description: forOperation(spec.value, 'getActiveCatalog', [recordLocator(spec)]),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				requireGiven(this, i, { [spec.name]: locatorValue(this, RECORD_ID, i) });
				const id = readRecordId(this, i, undefined, spec.name);
				return await explainNotFound(
					notFound(spec, id),
					async () =>
						await cartComRequest.call(this, {
							method: 'GET',
							path: `${spec.path}/${id}/active_catalog`,
							itemIndex: i,
						}),
				);
			});
		},
	};
}

export function updateActiveCatalogOperation(spec: ResourceSpec): OperationModule {
	const microstore = spec.value === 'microstore';
	const fields: INodeProperties[] = [
		{
			displayName: 'Category IDs',
			name: 'categoryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3,1,9,8',
			description: 'Comma-separated IDs of the categories to sell; replaces the current list',
		},
		{
			displayName: 'Product IDs',
			name: 'productIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 62,64',
			description: 'Comma-separated IDs of single products to sell; replaces the current list',
		},
		{
			displayName: 'Root Category ID',
			name: 'rootCategoryId',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'The category shown as the top of the catalog (0 = none)',
		},
	];
	if (microstore) {
		fields.push({
			displayName: 'Microstore Catalog Override',
			name: 'microstoreCatalogOverride',
			type: 'boolean',
			default: true,
			description: 'Whether the microstore sells its own catalog instead of its parent store’s',
		});
	}
	const properties: INodeProperties[] = [
		recordLocator(spec),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: fields,
		},
	];
	return {
		option: {
			name: 'Update Active Catalog',
			value: 'updateActiveCatalog',
			action: `Update the active catalog of a ${spec.name.toLowerCase()}`,
			description: `Change which categories and products a ${spec.name.toLowerCase()} sells`,
		},
		endpoints: [{ method: 'PUT', path: `${spec.path}/{id}/active_catalog` }],
		description: forOperation(spec.value, 'updateActiveCatalog', properties),
		async execute(items) {
			return await runPerItem(this, items, async (i) => {
				requireGiven(this, i, { [spec.name]: locatorValue(this, RECORD_ID, i) });
				const id = readRecordId(this, i, undefined, spec.name);
				const update = readCollection(this, 'updateFields', i);
				const body: IDataObject = {};
				if (update.categoryIds !== undefined)
					body.category_ids = toRecordIdList(this, update.categoryIds, 'Category IDs', i, {
						unique: true,
					});
				if (update.productIds !== undefined)
					body.product_ids = toRecordIdList(this, update.productIds, 'Product IDs', i, {
						unique: true,
					});
				if (update.rootCategoryId !== undefined) {
					const root = Number(update.rootCategoryId);
					body.root_category_id = root === 0 ? 0 : toRecordId(this, root, 'Root Category ID', i);
				}
				if (update.microstoreCatalogOverride !== undefined)
					body.microstore_catalog_override = update.microstoreCatalogOverride === true;
				if (Object.keys(body).length === 0) {
					throw inputError(
						this,
						i,
						'Update Fields',
						'is empty',
						'Add the categories, products or root category to set.',
					);
				}
				return await explainNotFound(
					notFound(spec, id),
					async () =>
						await cartComWrite.call(
							this,
							{ method: 'PUT', path: `${spec.path}/${id}/active_catalog`, body, itemIndex: i },
							{ store_id: id, ...body },
						),
				);
			});
		},
	};
}
