import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import {
	fieldParameter,
	fieldsCollection,
	forOperation,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { storeQueue, type TaskQueue } from '../../helpers/keyedQueue';
import { toCamelCase } from '../../helpers/naming';
import { displayNameOf, isNotGiven, readBody, throwIfMissing } from '../../helpers/parameters';
import { nestedRecords } from '../../helpers/records';
import type { FieldSpec, OperationModule, ResourceSpec } from '../../helpers/types';
import { coerceField, inputError, isJsonObject, toNumber } from '../../helpers/validation';
import {
	buildFilterQuery,
	cartComGetMany,
	cartComRequest,
	cartComWrite,
	type CartComRecord,
} from '../../transport';
import { exactMatchQuery, findProductsByCode, keepExact, toLookupText } from './catalogLookup';
import { productSpec } from './spec';

const productField = (name: string): FieldSpec =>
	productSpec.fields.find((field) => field.name === name) as FieldSpec;

/** The key: the product is found by it, so it is the one parameter always needed. */
const SKU_FIELD: FieldSpec = { ...productField('item_number'), required: true };
/**
 * Top-level parameters that are optional on update. Price is a text parameter: an editor number
 * defaults to 0 and cannot be left empty, so an untouched Price would set a live product's price to 0.
 */
const NAME_AND_PRICE = [productField('item_name'), productField('price')];
/**
 * What Cart.com needs to create a product (acapi.yaml post-products); on update each stays as it
 * is unless given.
 */
const CREATE_REQUIRED = ['item_name', 'price', 'product_status_id', 'primary_category_id'];

/** The product spec seen from this operation: the SKU is required, the rest goes under Additional Fields. */
const upsertSpec: ResourceSpec = {
	...productSpec,
	fields: [
		SKU_FIELD,
		...productSpec.fields
			.filter((field) => !['item_number', 'item_name', 'price'].includes(field.name))
			.map((field) => ({
				...field,
				required: false,
				description: CREATE_REQUIRED.includes(field.name)
					? 'Required when the SKU is new'
					: field.description,
			})),
	],
};

const VARIANTS_LABEL = 'Variants (JSON)';
const VARIANTS_EXAMPLE =
	'Enter a JSON array, e.g. [{"sku": "TSHIRT-RED-L", "options": {"Color": "Red", "Size": "L"}, "gtin": "012345678912", "stock": 12}].';
const VARIANT_KEYS = new Set(['sku', 'item_number', 'options', 'gtin', 'stock', 'inventory']);

/**
 * What happens to the product's variant rows the input does not list. The stored values are the
 * ones of the former "Mode: Publish / Overwrite" parameter, so saved workflows keep their choice.
 */
type Mode = 'publish' | 'overwrite';
type RowAction = 'created' | 'updated' | 'unchanged';

interface OptionInput {
	group: string;
	value: string;
}

/** One variant inventory row as the input describes it: a combination of options with its own SKU. */
interface VariantInput {
	sku: string;
	options: OptionInput[];
	gtin?: string;
	stock?: number;
}

const lower = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();
const comboKey = (variantIds: number[]) => [...variantIds].sort((a, b) => a - b).join(',');

// ---- input, checked completely before the first request ----

function parseOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
): OptionInput[] {
	if (!isJsonObject(raw) || Object.keys(raw).length === 0) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			'must be an object of option group → value, e.g. {"Color": "Red"}',
			VARIANTS_EXAMPLE,
		);
	}
	return Object.entries(raw).map(([group, value]) => {
		const groupName = toLookupText(ctx, itemIndex, group, `${label} (group name)`);
		if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
			throw inputError(
				ctx,
				itemIndex,
				`${label}.${group}`,
				'must be a non-empty text',
				VARIANTS_EXAMPLE,
			);
		}
		return { group: groupName, value: String(value).trim() };
	});
}

function parseVariant(
	ctx: IExecuteFunctions,
	itemIndex: number,
	entry: unknown,
	index: number,
): VariantInput {
	const label = `${VARIANTS_LABEL} [${index}]`;
	if (!isJsonObject(entry)) {
		throw inputError(ctx, itemIndex, label, 'must be an object', VARIANTS_EXAMPLE);
	}
	const record = entry;
	const unknownKey = Object.keys(record).find((key) => !VARIANT_KEYS.has(key));
	if (unknownKey) {
		throw inputError(
			ctx,
			itemIndex,
			`${label}.${unknownKey}`,
			'is not a known key',
			'Use sku, options, gtin and stock.',
		);
	}
	const variant: VariantInput = {
		sku: toLookupText(ctx, itemIndex, record.sku ?? record.item_number, `${label}.sku`),
		options: parseOptions(ctx, itemIndex, record.options, `${label}.options`),
	};
	if (record.gtin !== undefined && record.gtin !== null && record.gtin !== '') {
		if (typeof record.gtin !== 'string') {
			// A barcode read as a number has lost its leading zeros already.
			throw inputError(
				ctx,
				itemIndex,
				`${label}.gtin`,
				'must be text',
				'Put the GTIN in quotes, e.g. "012345678912".',
			);
		}
		variant.gtin = record.gtin.trim();
	}
	const stock = record.stock ?? record.inventory;
	if (stock !== undefined && stock !== null) {
		variant.stock = toNumber(ctx, itemIndex, stock, `${label}.stock`, {
			integer: true,
			nonNegative: true,
		});
	}
	return variant;
}

function readVariants(ctx: IExecuteFunctions, itemIndex: number): VariantInput[] {
	let parsed: unknown = ctx.getNodeParameter('variants', itemIndex, '[]');
	if (typeof parsed === 'string') {
		if (parsed.trim() === '') return [];
		try {
			parsed = jsonParse(parsed);
		} catch {
			throw inputError(ctx, itemIndex, VARIANTS_LABEL, 'is not valid JSON', VARIANTS_EXAMPLE);
		}
	}
	if (!Array.isArray(parsed))
		throw inputError(ctx, itemIndex, VARIANTS_LABEL, 'must be a JSON array', VARIANTS_EXAMPLE);
	const variants = parsed.map((entry, index) => parseVariant(ctx, itemIndex, entry, index));
	const skus = new Set<string>();
	const combinations = new Set<string>();
	variants.forEach((variant, index) => {
		const combination = variant.options
			.map((option) => `${lower(option.group)}=${lower(option.value)}`)
			.sort()
			.join('|');
		if (skus.has(lower(variant.sku))) {
			throw inputError(
				ctx,
				itemIndex,
				`${VARIANTS_LABEL} [${index}].sku`,
				`"${variant.sku}" appears twice`,
				'Give every variant row its own SKU.',
			);
		}
		if (combinations.has(combination)) {
			throw inputError(
				ctx,
				itemIndex,
				`${VARIANTS_LABEL} [${index}].options`,
				'repeats an earlier combination',
				'Each row must be a different combination of options.',
			);
		}
		skus.add(lower(variant.sku));
		combinations.add(combination);
	});
	return variants;
}

// ---- the product itself ----

/** Only fields whose value differs, so that a repeated publish does not write (or bump updated_at) for nothing. */
function changedFields(current: CartComRecord, wanted: IDataObject): IDataObject {
	const changes: IDataObject = {};
	for (const [field, value] of Object.entries(wanted)) {
		const same =
			value !== null && typeof value === 'object'
				? JSON.stringify(value) === JSON.stringify(current[field])
				: current[field] === value;
		if (!same) changes[field] = value;
	}
	return changes;
}

function requireCreateFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	sku: string,
): void {
	const missing = CREATE_REQUIRED.filter((name) => body[name] === undefined).map(productField);
	throwIfMissing(ctx, itemIndex, missing, {
		resource: 'product',
		when: `because no product has SKU "${sku}" yet`,
		fix: `Cart.com needs a name, a price, a status and a primary category to create a product: fill Name and Price, and add ${displayNameOf(productField('product_status_id'))} and ${displayNameOf(productField('primary_category_id'))} under Additional Fields.`,
	});
}

/** Name and Price when given; empty (or only spaces) means "keep what the product has". */
function readNameAndPrice(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const given: IDataObject = {};
	for (const field of NAME_AND_PRICE) {
		const value = ctx.getNodeParameter(toCamelCase(field.name), itemIndex, '') as unknown;
		if (isNotGiven(value)) continue;
		given[field.name] = coerceField(ctx, field, value, itemIndex);
	}
	return given;
}

async function publishProduct(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sku: string,
	body: IDataObject,
): Promise<{ product: CartComRecord; action: RowAction }> {
	const found = await findProductsByCode(ctx, 'item_number', sku, itemIndex);
	if (found.length > 1) {
		throw inputError(
			ctx,
			itemIndex,
			'SKU',
			`"${sku}" is used by ${found.length} products (${found.map((product) => String(product.id)).join(', ')})`,
			'Make the SKU unique in the store first; the node will not guess which product to change.',
		);
	}
	if (found.length === 1) {
		const current = found[0];
		const changes = changedFields(current, body);
		if (Object.keys(changes).length === 0) return { product: current, action: 'unchanged' };
		const product = await cartComWrite.call(
			ctx,
			{ method: 'PUT', path: `/products/${String(current.id)}`, body: changes, itemIndex },
			{ ...current, ...changes },
		);
		return { product, action: 'updated' };
	}
	requireCreateFields(ctx, itemIndex, body, sku);
	const product = await cartComWrite.call(
		ctx,
		{ method: 'POST', path: '/products', body, itemIndex },
		async () => {
			const created = await findProductsByCode(ctx, 'item_number', sku, itemIndex);
			return created.length === 1 ? created[0] : undefined;
		},
	);
	return { product, action: 'created' };
}

// ---- variant groups, options and rows (their POST bodies: acapi.yaml) ----

async function listChildren(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	recordsKey: string,
	productId: number,
	expand?: string,
): Promise<CartComRecord[]> {
	const answer = await cartComGetMany.call(ctx, {
		path,
		recordsKey,
		query: {
			...buildFilterQuery([{ field: 'product_id', operator: 'eq', value: productId }]),
			expand,
		},
		itemIndex,
	});
	// Only this product's: "Delete" removes the rows it does not claim, so another product's must never get in.
	return answer.filter((record) => Number(record.product_id) === productId);
}

/** Option group name → id, finding each group by name and creating the ones the store lacks. */
async function resolveGroups(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	queue: TaskQueue,
): Promise<Map<string, number>> {
	const groups = new Map<string, number>();
	for (const name of names) {
		groups.set(
			lower(name),
			await queue.run(
				`group:${lower(name)}`,
				async () => await findOrCreateGroup(ctx, itemIndex, name),
			),
		);
	}
	return groups;
}

/** Option group names are few per store; the cap only bounds a server answering far more than asked. */
const GROUP_LOOKUP_LIMIT = 20;

async function findGroup(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): Promise<CartComRecord | undefined> {
	const answer = await cartComGetMany.call(ctx, {
		path: '/variant_groups',
		recordsKey: 'variant_groups',
		query: exactMatchQuery(ctx, itemIndex, 'name', name, VARIANTS_LABEL),
		limit: GROUP_LOOKUP_LIMIT,
		itemIndex,
	});
	const [found] = keepExact(
		ctx,
		itemIndex,
		answer,
		GROUP_LOOKUP_LIMIT,
		'name',
		name,
		`${VARIANTS_LABEL} (group name)`,
	);
	return found;
}

async function findOrCreateGroup(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): Promise<number> {
	const found = await findGroup(ctx, itemIndex, name);
	if (found) return Number(found.id);
	const created = await cartComWrite.call(
		ctx,
		{
			method: 'POST',
			path: '/variant_groups',
			body: { name, display_type: 'DropDown' },
			itemIndex,
		},
		async () => await findGroup(ctx, itemIndex, name),
	);
	return Number(created.id);
}

/** One `variants[]` entry of a variant inventory row: acapi.yaml post-variant_inventory requires all three. */
interface VariantRef extends IDataObject {
	id: number;
	product_id: number;
	variant_group_id: number;
}

/** Finds the product variant (option value) of a group name + value. */
type OptionRefs = (option: OptionInput) => VariantRef;

/** Resolves every option of the input to a product variant, creating the option values the product lacks. */
async function resolveOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	productId: number,
	isNewProduct: boolean,
	variants: VariantInput[],
	queue: TaskQueue,
): Promise<OptionRefs> {
	const allOptions = variants.flatMap((variant) => variant.options);
	const groupNames = [
		...new Map(allOptions.map((option) => [lower(option.group), option.group])).values(),
	];
	const groups = await resolveGroups(ctx, itemIndex, groupNames, queue);
	const existing = isNewProduct
		? []
		: await listChildren(ctx, itemIndex, '/product_variants', 'variants', productId);
	const keyOf = (groupId: number, value: unknown) => `${groupId}|${lower(value)}`;
	const ids = new Map<string, number>();
	const countPerGroup = new Map<number, number>();
	for (const variant of existing) {
		const groupId = Number(variant.variant_group_id);
		ids.set(keyOf(groupId, variant.description), Number(variant.id));
		countPerGroup.set(groupId, (countPerGroup.get(groupId) ?? 0) + 1);
	}
	const groupIdOf = (option: OptionInput) => groups.get(lower(option.group)) as number;
	for (const option of allOptions) {
		const groupId = groupIdOf(option);
		const key = keyOf(groupId, option.value);
		if (ids.has(key)) continue;
		// New values go after the product's existing ones in the storefront dropdown.
		const sortOrder = countPerGroup.get(groupId) ?? 0;
		countPerGroup.set(groupId, sortOrder + 1);
		const body = {
			product_id: productId,
			variant_group_id: groupId,
			description: option.value,
			price_adjustment: 0,
			price_adjustment_type: '',
			sort_order: sortOrder,
		};
		const created = await cartComWrite.call(
			ctx,
			{ method: 'POST', path: '/product_variants', body, itemIndex },
			async () =>
				(await listChildren(ctx, itemIndex, '/product_variants', 'variants', productId)).find(
					(variant) => keyOf(Number(variant.variant_group_id), variant.description) === key,
				),
		);
		ids.set(key, Number(created.id));
	}
	return (option) => {
		const groupId = groupIdOf(option);
		return {
			id: ids.get(keyOf(groupId, option.value)) as number,
			product_id: productId,
			variant_group_id: groupId,
		};
	};
}

function variantIdsOf(row: CartComRecord): number[] {
	return nestedRecords(row.variants)
		.map((variant) => Number(variant.id))
		.filter((id) => Number.isFinite(id));
}

function rowSummary(row: CartComRecord, action: RowAction): CartComRecord {
	return {
		id: row.id,
		item_number: row.item_number,
		gtin: row.gtin,
		inventory: row.inventory,
		description: row.description,
		action,
	};
}

interface RowSync {
	rows: CartComRecord[];
	deletedIds: number[];
}

async function syncRows(
	ctx: IExecuteFunctions,
	itemIndex: number,
	productId: number,
	isNewProduct: boolean,
	variants: VariantInput[],
	mode: Mode,
	queue: TaskQueue,
): Promise<RowSync> {
	const existing = isNewProduct
		? []
		: await listChildren(
				ctx,
				itemIndex,
				'/variant_inventory',
				'variant_inventory',
				productId,
				'variants',
			);
	// Without variants in the input ("Delete" clearing rows) no option is ever looked up.
	const optionRefs: OptionRefs = variants.length
		? await resolveOptions(ctx, itemIndex, productId, isNewProduct, variants, queue)
		: () => ({ id: 0, product_id: productId, variant_group_id: 0 });
	const claimed = new Set<unknown>();
	const bySku = new Map(existing.map((row) => [lower(row.item_number), row]));
	const byCombination = new Map(existing.map((row) => [comboKey(variantIdsOf(row)), row]));
	const rows: CartComRecord[] = [];

	for (const variant of variants) {
		const refs = variant.options.map(optionRefs);
		const combination = comboKey(refs.map((ref) => ref.id));
		const candidates = [bySku.get(lower(variant.sku)), byCombination.get(combination)];
		const current = candidates.find((row) => row !== undefined && !claimed.has(row.id));
		if (!current) {
			const body = {
				product_id: productId,
				item_number: variant.sku,
				...(variant.gtin !== undefined ? { gtin: variant.gtin } : {}),
				...(variant.stock !== undefined ? { inventory: variant.stock } : {}),
				variants: refs,
			};
			const created = await cartComWrite.call(
				ctx,
				{ method: 'POST', path: '/variant_inventory', body, itemIndex },
				async () =>
					(
						await listChildren(ctx, itemIndex, '/variant_inventory', 'variant_inventory', productId)
					).find((row) => lower(row.item_number) === lower(variant.sku)),
			);
			claimed.add(created.id);
			rows.push(rowSummary(created, 'created'));
			continue;
		}
		claimed.add(current.id);
		const patch: IDataObject = {};
		if (current.item_number !== variant.sku) patch.item_number = variant.sku;
		if (variant.gtin !== undefined && current.gtin !== variant.gtin) patch.gtin = variant.gtin;
		if (variant.stock !== undefined && current.inventory !== variant.stock)
			patch.inventory = variant.stock;
		if (comboKey(variantIdsOf(current)) !== combination) patch.variants = refs;
		if (Object.keys(patch).length === 0) {
			rows.push(rowSummary(current, 'unchanged'));
			continue;
		}
		const updated = await cartComWrite.call(
			ctx,
			{ method: 'PUT', path: `/variant_inventory/${String(current.id)}`, body: patch, itemIndex },
			{ ...current, ...patch },
		);
		rows.push(rowSummary(updated, 'updated'));
	}

	// Deleted last: if anything above fails, no row has been lost yet.
	const deletedIds: number[] = [];
	if (mode === 'overwrite') {
		for (const row of existing.filter((candidate) => !claimed.has(candidate.id))) {
			await cartComRequest.call(ctx, {
				method: 'DELETE',
				path: `/variant_inventory/${String(row.id)}`,
				itemIndex,
			});
			deletedIds.push(Number(row.id));
		}
	}
	return { rows, deletedIds };
}

// ---- the operation ----

const upsertParameters: INodeProperties[] = [
	{
		...fieldParameter(SKU_FIELD, true),
		description: 'The product is found by this SKU: updated when it exists, created otherwise',
	},
	{
		...fieldParameter(productField('item_name'), false),
		placeholder: 'e.g. Zip Hoodie',
		description:
			'Required when the SKU is new. Leave empty to keep the name of an existing product.',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		default: '',
		placeholder: 'e.g. 19.99',
		description:
			'Required when the SKU is new. Leave empty to keep the price of an existing product.',
	},
	{
		displayName: 'Variant Rows Not in Input',
		name: 'mode',
		type: 'options',
		options: [
			{
				name: 'Delete',
				value: 'overwrite',
				description:
					'Delete the product’s variant rows (and their stock) whose SKU or option combination is not in Variants (JSON); with Variants (JSON) empty, every variant row of the product is deleted',
			},
			{
				name: 'Keep',
				value: 'publish',
				description:
					'Leave the product’s other variant rows as they are; only the rows in Variants (JSON) are created or updated',
			},
		],
		default: 'publish',
		description:
			'What happens to variant rows the product already has in the store but Variants (JSON) does not list. The product itself is created or updated either way.',
	},
	{
		displayName: VARIANTS_LABEL,
		name: 'variants',
		type: 'json',
		default: '[]',
		description:
			'Variant rows (one per combination of options), each with its own SKU and optional GTIN and stock, e.g. [{"sku": "TSHIRT-RED-L", "options": {"Color": "Red", "Size": "L"}, "gtin": "012345678912", "stock": 12}]. Option groups and values are found by name and created when missing. Empty for a product without variants.',
	},
	fieldsCollection(
		'additionalFields',
		upsertSpec.fields.filter((field) => !field.required),
	),
	writeOptionsCollection(),
];

export const upsert: OperationModule = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update product by SKU',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
	},
	endpoints: [
		{ method: 'GET', path: '/products' },
		{ method: 'POST', path: '/products' },
		{ method: 'PUT', path: '/products/{id}' },
		{ method: 'GET', path: '/variant_groups' },
		{ method: 'POST', path: '/variant_groups' },
		{ method: 'GET', path: '/product_variants' },
		{ method: 'POST', path: '/product_variants' },
		{ method: 'GET', path: '/variant_inventory' },
		{ method: 'POST', path: '/variant_inventory' },
		{ method: 'PUT', path: '/variant_inventory/{id}' },
		{ method: 'DELETE', path: '/variant_inventory/{id}' },
	],
	description: forOperation('product', 'upsert', upsertParameters),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const body = { ...readBody(this, upsertSpec, i, 'create'), ...readNameAndPrice(this, i) };
			if ('id' in body) {
				throw inputError(
					this,
					i,
					'Other Fields (JSON)',
					'must not contain "id"',
					'The product is found by its SKU.',
				);
			}
			const sku = toLookupText(this, i, body.item_number, 'SKU');
			body.item_number = sku;
			const variants = readVariants(this, i);
			const mode = this.getNodeParameter('mode', i) as Mode;
			// Stock lives on the rows once a product has variants.
			if (variants.length && body.use_variant_inventory === undefined)
				body.use_variant_inventory = true;

			// One SKU (and option group) at a time in this process: two items or two executions must
			// never both find it missing and both create it.
			const queue = await storeQueue(this, i);
			return await queue.run(`sku:${lower(sku)}`, async () => {
				const { product, action } = await publishProduct(this, i, sku, body);
				const productId = Number(product.id);
				const isNewProduct = action === 'created';
				const needsRows = variants.length > 0 || (mode === 'overwrite' && !isNewProduct);
				const sync = needsRows
					? await syncRows(this, i, productId, isNewProduct, variants, mode, queue)
					: { rows: [], deletedIds: [] };
				return {
					action,
					product_id: productId,
					item_number: sku,
					product,
					variant_inventory: sync.rows,
					deleted_variant_inventory_ids: sync.deletedIds,
				};
			});
		});
	},
};
