/**
 * The trigger's parameters and credential level, read and checked once per poll, before any request.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CARTROVER_CREDENTIAL, getCartRoverConnection } from '../transport';
import { DEFAULT_LOOK_BACK_MINUTES, MAX_LOOK_BACK_MINUTES } from './description';
import { isOrderStatus, type OrderStatus } from './events';

export interface TriggerSettings {
	events: OrderStatus[];
	lookBackSeconds: number;
	/** `/cart` or `/merchant`: the order lists exist at both levels with the same shape (reference §3). */
	level: 'cart' | 'merchant';
	orderSource?: string;
	/** What decides which orders the state walks over (see state.ts `fingerprint`). */
	account: { apiUser: string; baseUrl: string };
}

function settingError(ctx: IPollFunctions, message: string, description: string) {
	return new NodeOperationError(ctx.getNode(), message, { description });
}

function readEvents(ctx: IPollFunctions): OrderStatus[] {
	const raw = ctx.getNodeParameter('events', []) as unknown;
	const values = Array.isArray(raw) ? raw : [raw];
	const events = values.filter(isOrderStatus);
	if (events.length === 0 || events.length !== values.length) {
		throw settingError(
			ctx,
			'Events: choose one or more events from the list',
			`Got ${JSON.stringify(raw)}. The events are the order statuses new, at_wms, shipped, confirmed, error and canceled.`,
		);
	}
	return [...new Set(events)];
}

function readLookBack(ctx: IPollFunctions, options: IDataObject): number {
	const minutes = options.lookBackMinutes ?? DEFAULT_LOOK_BACK_MINUTES;
	if (
		typeof minutes !== 'number' ||
		!Number.isFinite(minutes) ||
		minutes < 0 ||
		minutes > MAX_LOOK_BACK_MINUTES
	) {
		throw settingError(
			ctx,
			`Look-Back (Minutes): "${String(minutes)}" is not a number from 0 to ${MAX_LOOK_BACK_MINUTES}`,
			`Enter a few minutes, e.g. ${DEFAULT_LOOK_BACK_MINUTES}.`,
		);
	}
	return Math.round(minutes * 60);
}

/**
 * The credential's level: the order lists are `/cart/orders/list/{status}` (this cart's orders) and
 * `/merchant/orders/list/{status}` (every cart of the merchant). No public source shows a Warehouse
 * order list (reference §3.3, §7), so Warehouse keys are refused with what to use instead.
 */
async function readConnection(
	ctx: IPollFunctions,
	orderSource: string | undefined,
): Promise<{ level: 'cart' | 'merchant'; baseUrl: string }> {
	const { level, baseUrl } = await getCartRoverConnection.call(ctx);
	if (level === 'wms') {
		throw settingError(
			ctx,
			'The CartRover Trigger needs Cart or Merchant API keys; this credential has Warehouse API keys',
			'CartRover lists orders by status only at the Cart level (one cart’s orders) and the Merchant level (all carts). Create a CartRover credential with Merchant API keys (CartRover: Merchant settings → API keys) and select it here.',
		);
	}
	if (level === 'cart' && orderSource !== undefined) {
		throw settingError(
			ctx,
			'Order Source works with Merchant API keys only; this credential has Cart API keys',
			'Cart API keys see their own cart’s orders only. Remove the Order Source option, or use a credential with Merchant API keys.',
		);
	}
	return { level, baseUrl };
}

export async function readSettings(ctx: IPollFunctions): Promise<TriggerSettings> {
	const events = readEvents(ctx);
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const lookBackSeconds = readLookBack(ctx, options);
	const source = typeof options.orderSource === 'string' ? options.orderSource.trim() : '';
	const orderSource = source === '' ? undefined : source;
	const { level, baseUrl } = await readConnection(ctx, orderSource);
	const credentials = await ctx.getCredentials(CARTROVER_CREDENTIAL);
	return {
		events,
		lookBackSeconds,
		level,
		orderSource,
		account: { apiUser: String(credentials.apiUser ?? ''), baseUrl },
	};
}
