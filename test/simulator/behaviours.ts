/**
 * Resource-specific write rules layered on the generic create/update: referential checks,
 * the shipment upsert by (order_id, shipment_name) with its item checks, variant_inventory
 * variant checks, and side effects such as a shipment bumping its order's updated_at.
 */
import { badRequest, conflict, type RequestContext, type SimResponse } from './httpTypes';
import { indexKey } from './store';
import { isMissing } from './validation';
import { prepareWebhook } from './webhooks/events';
import type { SimRecord } from './types';

export type WriteKind = 'create' | 'update' | 'delete';

export interface WriteHooks {
	/** POST without a known id: the existing record the body addresses by natural key, if any. */
	upsertTarget?(ctx: RequestContext, fields: SimRecord): SimRecord | undefined;
	/** Validates and completes `fields` (may mutate them); `existing` is set for updates. */
	prepare?(
		ctx: RequestContext,
		fields: SimRecord,
		existing: SimRecord | undefined,
	): SimResponse | null;
	afterWrite?(ctx: RequestContext, record: SimRecord, kind: WriteKind): void;
}

/** field -> table it references. A value of 0 or null means "none". */
const FOREIGN_KEYS: Record<string, Array<[string, string]>> = {
	orders: [
		['customer_id', 'customers'],
		['order_status_id', 'order_statuses'],
		['store_id', 'stores'],
		['order_billing_address_id', 'order_addresses'],
		['order_shipping_address_id', 'order_addresses'],
	],
	order_items: [
		['order_id', 'orders'],
		['product_id', 'products'],
		['variant_inventory_id', 'variant_inventory'],
	],
	order_payments: [
		['order_id', 'orders'],
		['customer_id', 'customers'],
	],
	order_shipments: [['order_id', 'orders']],
	order_addresses: [['customer_id', 'customers']],
	addresses: [['customer_id', 'customers']],
	customers: [
		['customer_type_id', 'customer_types'],
		['store_id', 'stores'],
	],
	products: [
		['product_status_id', 'product_statuses'],
		['primary_category_id', 'categories'],
		['manufacturer_id', 'manufacturers'],
		['warehouse_id', 'warehouses'],
	],
	product_variants: [
		['product_id', 'products'],
		['variant_group_id', 'variant_groups'],
	],
	variant_inventory: [
		['product_id', 'products'],
		['product_status_id', 'product_statuses'],
	],
	product_pricing: [
		['product_id', 'products'],
		['variant_inventory_id', 'variant_inventory'],
		['customer_type_id', 'customer_types'],
	],
	product_pictures: [['product_id', 'products']],
	categories: [['parent_category_id', 'categories']],
	shipping_provider_services: [['shipping_provider_id', 'shipping_providers']],
	webhooks: [['store_id', 'stores']],
};

/** 409 when a sent foreign key points nowhere (the API rejects such writes as validation errors). */
export function checkForeignKeys(
	ctx: RequestContext,
	resource: string,
	fields: SimRecord,
): SimResponse | null {
	for (const [field, target] of FOREIGN_KEYS[resource] ?? []) {
		const value = fields[field];
		if (value === undefined || value === null || value === 0) continue;
		if (typeof value !== 'number' || !ctx.store.raw(target, value)) {
			return conflict(
				`${field} ${JSON.stringify(value)} does not reference an existing ${target} record`,
			);
		}
	}
	return null;
}

function bumpParentOrder(ctx: RequestContext, record: SimRecord): void {
	if (!ctx.settings.shipmentBumpsOrder) return;
	const orderId = record.order_id;
	// A side effect, not a client write: not counted in writeCount.
	if (typeof orderId === 'number') ctx.store.patch('orders', orderId, {}, { countWrite: false });
}

const shipmentHooks: WriteHooks = {
	upsertTarget(ctx, fields) {
		if (typeof fields.order_id !== 'number' || isMissing(fields.shipment_name)) return undefined;
		const name = indexKey(fields.shipment_name);
		return ctx.store
			.lookup('order_shipments', 'order_id', fields.order_id)
			.find((shipment) => indexKey(shipment.shipment_name) === name);
	},
	prepare(ctx, fields, existing) {
		const orderId = (fields.order_id ?? existing?.order_id) as number;
		if (!existing && isMissing(fields.shipment_name)) {
			fields.shipment_name = String(
				ctx.store.lookup('order_shipments', 'order_id', orderId).length + 1,
			);
		}
		if (!('items' in fields) || fields.items === null) {
			if (!existing) fields.items = [];
			return null;
		}
		if (!Array.isArray(fields.items)) return conflict('items must be an array');
		const items: SimRecord[] = [];
		for (const [index, entry] of (fields.items as unknown[]).entries()) {
			if (
				entry === null ||
				typeof entry !== 'object' ||
				typeof (entry as SimRecord).id !== 'number'
			) {
				return conflict(`items[${index}].id must be an order item id`);
			}
			const sent = entry as SimRecord;
			const item = ctx.store.raw('order_items', sent.id as number);
			if (!item || item.order_id !== orderId) {
				return conflict(`Order item ${sent.id as number} does not belong to order ${orderId}`);
			}
			const quantity = sent.quantity_shipped ?? item.quantity;
			if (typeof quantity !== 'number' || quantity < 0)
				return conflict(`items[${index}].quantity_shipped must be a non-negative number`);
			items.push({
				...sent,
				quantity_shipped: quantity,
				product_id: item.product_id,
				item_name: item.item_name,
				item_nr: item.item_number,
			});
		}
		fields.items = items;
		return null;
	},
	afterWrite: (ctx, record) => bumpParentOrder(ctx, record),
};

/** acapi.yaml post-variant_inventory: each `variants[]` entry requires these three. */
const VARIANT_ENTRY_REQUIRED = ['id', 'product_id', 'variant_group_id'];

const variantInventoryHooks: WriteHooks = {
	prepare(ctx, fields, existing) {
		if (!('variants' in fields)) return null;
		const productId = (fields.product_id ?? existing?.product_id) as number;
		if (!Array.isArray(fields.variants) || fields.variants.length === 0)
			return conflict('variants must be a non-empty array');
		const references: SimRecord[] = [];
		const descriptions: string[] = [];
		for (const [index, entry] of (fields.variants as unknown[]).entries()) {
			const sent = entry !== null && typeof entry === 'object' ? (entry as SimRecord) : {};
			const missing = VARIANT_ENTRY_REQUIRED.find((key) => typeof sent[key] !== 'number');
			if (missing) return badRequest(`variants[${index}].${missing} is required`);
			const id = sent.id as number;
			const variant = ctx.store.raw('product_variants', id);
			if (!variant || variant.product_id !== productId || sent.product_id !== productId) {
				return conflict(`Variant ${JSON.stringify(id)} is not a variant of product ${productId}`);
			}
			if (sent.variant_group_id !== variant.variant_group_id) {
				return conflict(
					`Variant ${id} belongs to variant group ${variant.variant_group_id as number}, not ${sent.variant_group_id as number}`,
				);
			}
			references.push({ id });
			const group = ctx.store.raw('variant_groups', variant.variant_group_id as number);
			descriptions.push(
				`${(group?.name as string | undefined) ?? 'Option'}: ${variant.description as string}`,
			);
		}
		fields.variants = references;
		if (!existing && isMissing(fields.description)) fields.description = descriptions.join(', ');
		return null;
	},
};

const orderItemHooks: WriteHooks = {
	prepare(ctx, fields, existing) {
		if (existing) return null;
		// Like the admin UI: an item created from a product copies its SKU and name.
		const product =
			typeof fields.product_id === 'number'
				? ctx.store.raw('products', fields.product_id)
				: undefined;
		const row =
			typeof fields.variant_inventory_id === 'number'
				? ctx.store.raw('variant_inventory', fields.variant_inventory_id)
				: undefined;
		if (product) {
			if (isMissing(fields.item_name)) fields.item_name = product.item_name;
			if (isMissing(fields.item_number))
				fields.item_number = row ? row.item_number : product.item_number;
			if (isMissing(fields.item_number_full)) fields.item_number_full = fields.item_number;
			if (fields.price === undefined) fields.price = product.price;
		}
		return null;
	},
};

const orderHooks: WriteHooks = {
	prepare(ctx, fields, existing) {
		if (!existing && isMissing(fields.ordered_at)) fields.ordered_at = ctx.store.nowTimestamp();
		if (!existing && fields.order_number === undefined) fields.order_number = '';
		return null;
	},
};

export const WRITE_HOOKS: Readonly<Record<string, WriteHooks>> = {
	order_shipments: shipmentHooks,
	variant_inventory: variantInventoryHooks,
	order_items: orderItemHooks,
	orders: orderHooks,
	webhooks: { prepare: prepareWebhook },
};
