/**
 * `/inventory` (docs/resources/inventory.md): one stock figure per product or variant combination, addressed
 * by SKU, GTIN, ids or name. variant_inventory rows are resolved before products, because a
 * variant SKU is the more specific match.
 */
import {
	badRequest,
	conflict,
	methodNotAllowed,
	notFound,
	type RequestContext,
	type SimResponse,
} from './httpTypes';
import { indexKey, type MemoryStore } from './store';
import { objectBody } from './validation';
import type { LookupMatching, SimRecord } from './types';

const IDENTIFIERS = [
	'item_number',
	'gtin',
	'variant_inventory_id',
	'product_id',
	'item_name',
] as const;
type Identifier = (typeof IDENTIFIERS)[number];

type StockTarget =
	| { kind: 'row'; row: SimRecord; product: SimRecord | undefined }
	| { kind: 'product'; product: SimRecord };

function firstIdentifier(
	read: (name: Identifier) => unknown,
): { name: Identifier; value: unknown } | undefined {
	for (const name of IDENTIFIERS) {
		const value = read(name);
		if (value !== undefined && value !== null && value !== '') return { name, value };
	}
	return undefined;
}

/** Records carrying a code: exactly (case-insensitively), or as a loosely matching server would (option lookupMatching). */
function byCode(
	store: MemoryStore,
	resource: string,
	field: string,
	value: unknown,
	matching: LookupMatching,
): readonly SimRecord[] {
	if (matching === 'exact') return store.lookup(resource, field, value);
	if (matching === 'ignored') return store.rows(resource);
	const wanted = indexKey(value);
	return store.rows(resource).filter((record) => indexKey(record[field]).includes(wanted));
}

function resolveTarget(
	store: MemoryStore,
	name: Identifier,
	value: unknown,
	matching: LookupMatching = 'exact',
): StockTarget | undefined {
	const asRow = (row: SimRecord | undefined): StockTarget | undefined =>
		row
			? { kind: 'row', row, product: store.raw('products', row.product_id as number) }
			: undefined;
	const asProduct = (product: SimRecord | undefined): StockTarget | undefined =>
		product ? { kind: 'product', product } : undefined;
	switch (name) {
		case 'item_number':
		case 'gtin':
			return (
				asRow(byCode(store, 'variant_inventory', name, value, matching)[0]) ??
				asProduct(byCode(store, 'products', name, value, matching)[0])
			);
		case 'variant_inventory_id':
			return asRow(store.raw('variant_inventory', Number(value)));
		case 'product_id':
			return asProduct(store.raw('products', Number(value)));
		case 'item_name':
			return asProduct(store.lookup('products', 'item_name', value)[0]);
		default:
			return undefined;
	}
}

function inventoryObject(store: MemoryStore, target: StockTarget): SimRecord {
	if (target.kind === 'row') {
		return {
			product_id: target.row.product_id,
			variant_inventory_id: target.row.id,
			item_number: target.row.item_number,
			item_name: target.product?.item_name ?? '',
			gtin: target.row.gtin,
			quantity: target.row.inventory,
		};
	}
	const product = target.product;
	// A product with variant inventory holds no stock of its own: report the sum of its rows.
	const quantity = product.use_variant_inventory
		? store
				.lookup('variant_inventory', 'product_id', product.id)
				.reduce((sum, row) => sum + ((row.inventory as number) || 0), 0)
		: product.quantity_on_hand;
	return {
		product_id: product.id,
		variant_inventory_id: null,
		item_number: product.item_number,
		item_name: product.item_name,
		gtin: product.gtin,
		quantity,
	};
}

const MISSING_IDENTIFIER = `One of ${IDENTIFIERS.join(', ')} is required`;

function getInventory(ctx: RequestContext): SimResponse {
	const identifier = firstIdentifier((name) => ctx.query.get(name) ?? undefined);
	if (!identifier) return badRequest(MISSING_IDENTIFIER);
	const target = resolveTarget(
		ctx.store,
		identifier.name,
		identifier.value,
		ctx.settings.lookupMatching,
	);
	if (!target)
		return notFound(`No inventory item matches ${identifier.name} ${String(identifier.value)}.`);
	return { status: 200, body: inventoryObject(ctx.store, target) };
}

function changeInventory(ctx: RequestContext, action: 'set' | 'add' | 'remove'): SimResponse {
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const identifier = firstIdentifier((name) => body.value[name]);
	if (!identifier) return badRequest(MISSING_IDENTIFIER);
	const quantity = body.value.quantity;
	if (quantity === undefined || quantity === null) return badRequest('quantity is required');
	if (typeof quantity !== 'number' || !Number.isFinite(quantity))
		return conflict('quantity must be a number');
	const target = resolveTarget(
		ctx.store,
		identifier.name,
		identifier.value,
		ctx.settings.lookupMatching,
	);
	if (!target)
		return notFound(`No inventory item matches ${identifier.name} ${String(identifier.value)}.`);

	const apply = (current: number): number =>
		action === 'set' ? quantity : action === 'add' ? current + quantity : current - quantity;
	if (target.kind === 'row') {
		const next = apply((target.row.inventory as number) || 0);
		ctx.store.patch(
			'variant_inventory',
			target.row.id as number,
			{ inventory: next },
			{ countWrite: true },
		);
	} else {
		if (target.product.use_variant_inventory) {
			return conflict(
				`Product ${target.product.id as number} uses variant inventory; change its variant_inventory rows instead.`,
			);
		}
		const next = apply((target.product.quantity_on_hand as number) || 0);
		ctx.store.patch(
			'products',
			target.product.id as number,
			{ quantity_on_hand: next },
			{ countWrite: true },
		);
	}
	return { status: 200, body: inventoryObject(ctx.store, target) };
}

function settings(ctx: RequestContext): SimResponse {
	if (ctx.method === 'GET') return { status: 200, body: ctx.store.inventorySettings };
	if (ctx.method !== 'PUT') return methodNotAllowed(ctx.method);
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const when = body.value.remove_from_inventory_when;
	if (when !== undefined && when !== 'Ordered' && when !== 'Shipped') {
		return conflict('remove_from_inventory_when must be "Ordered" or "Shipped"');
	}
	Object.assign(ctx.store.inventorySettings, body.value);
	ctx.store.countWrite('inventory_settings');
	return { status: 200, body: ctx.store.inventorySettings };
}

/** `/inventory`, `/inventory/{set|add|remove|settings}` */
export function handleInventory(ctx: RequestContext): SimResponse {
	const [, action, extra] = ctx.segments;
	if (extra !== undefined) return notFound();
	if (action === undefined)
		return ctx.method === 'GET' ? getInventory(ctx) : methodNotAllowed(ctx.method);
	if (action === 'settings') return settings(ctx);
	if (action === 'set' || action === 'add' || action === 'remove') {
		return ctx.method === 'POST' ? changeInventory(ctx, action) : methodNotAllowed(ctx.method);
	}
	return notFound();
}
