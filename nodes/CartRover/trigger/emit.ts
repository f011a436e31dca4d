/**
 * From the orders one read returned to the transitions to emit: each selected status an order
 * entered at or after the cursor, once (keys in state.ts), in the order they happened.
 */
import type { IDataObject, IPollFunctions, INodeExecutionData } from 'n8n-workflow';

import { eventOf, type OrderStatus } from './events';
import type { PollDeadline } from '../../shared/poll';
import { fetchShipments } from './read';
import type { TriggerSettings } from './settings';
import { transitionKey, type EmittedKeys } from './state';
import {
	cartRoverDate,
	hasOwnDate,
	transitionsOf,
	type OrderTransitions,
	type Transition,
} from './transitions';

export interface Emission {
	order: IDataObject;
	transition: Transition;
	/** Position in the read, the last tie-breaker. */
	index: number;
}

export interface Collected {
	emissions: Emission[];
	/** The newest date the list filtered on among the orders read. */
	newest: number | undefined;
}

interface CollectScope {
	ctx: IPollFunctions;
	settings: TriggerSettings;
	keys: EmittedKeys;
	/** Transitions stamped before this were dealt with by an earlier poll (or are history). */
	from: number;
	/** Status reads allowed (not at activation, which emits nothing). */
	deadline?: PollDeadline;
}

/**
 * A shipped order the list gave without tracking: its status read adds the shipments, as the
 * Shipped event promises tracking. Only when Shipped is selected and the order can still emit it.
 */
async function withTracking(
	scope: CollectScope,
	order: IDataObject,
	found: OrderTransitions,
): Promise<{ order: IDataObject; found: OrderTransitions }> {
	const { settings, keys, from, deadline } = scope;
	const at = found.listedAt;
	if (!deadline || !found.lacksTracking || !settings.events.includes('shipped') || at === undefined)
		return { order, found };
	if (!keys.isNew(transitionKey(found.identity, 'shipped'), at, from)) return { order, found };
	const shipments = await deadline.track(
		async () => await fetchShipments(scope.ctx, settings, String(order.cust_ref)),
	);
	const read = { ...order, shipments };
	return { order: read, found: transitionsOf(read) ?? found };
}

/** By date; in one second, orders as listed, and one order's statuses in the order of its life. */
const byHappened = (a: Emission, b: Emission): number =>
	a.transition.at - b.transition.at ||
	a.index - b.index ||
	eventOf(a.transition.status)!.rank - eventOf(b.transition.status)!.rank;

export async function collectEmissions(
	scope: CollectScope,
	orders: IDataObject[],
): Promise<Collected> {
	const selected = new Set<OrderStatus>(scope.settings.events);
	const emissions: Emission[] = [];
	let newest: number | undefined;
	for (const [index, listed] of orders.entries()) {
		const first = transitionsOf(listed);
		if (!first) continue; // no cust_ref: nothing to key it by
		if (first.listedAt !== undefined) newest = Math.max(newest ?? first.listedAt, first.listedAt);
		const { order, found } = await withTracking(scope, listed, first);
		for (const transition of found.transitions) {
			if (!selected.has(transition.status)) continue;
			const key = transitionKey(found.identity, transition.status);
			if (!scope.keys.isNew(key, transition.at, scope.from, hasOwnDate(transition.status)))
				continue;
			scope.keys.note(key, transition.at);
			emissions.push({ order, transition, index });
		}
	}
	return { emissions: emissions.sort(byHappened), newest };
}

/** One item per transition: the order as CartRover listed it, plus what happened and when. */
export function itemOf({ order, transition }: Emission): INodeExecutionData {
	return {
		json: {
			...order,
			event: transition.status,
			event_name: eventOf(transition.status)!.name,
			event_date: cartRoverDate(transition.at),
		},
	};
}
