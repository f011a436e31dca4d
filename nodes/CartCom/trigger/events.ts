import { customerSpec } from '../actions/customer/spec';
import { orderSpec } from '../actions/order/spec';
import { productSpec } from '../actions/product/spec';
import type { ResourceSpec } from '../helpers/types';

/**
 * - `created`: every record once, when the trigger first sees it, found by id (Cart.com ids are
 *   sequential; `created_at` can be null on products and is writable by imports).
 * - `updated`: every version (id, updated_at) once, creation included.
 */
export type EventKind = 'created' | 'updated';

export interface TriggerEvent {
	value: string;
	name: string;
	description: string;
	kind: EventKind;
	resource: ResourceSpec;
}

function eventsFor(resource: ResourceSpec): TriggerEvent[] {
	const plural = resource.plural;
	return [
		{
			value: `${resource.value}Created`,
			name: `${resource.name} Created`,
			description: `Triggers once for each new ${resource.name.toLowerCase()}`,
			kind: 'created',
			resource,
		},
		{
			value: `${resource.value}Updated`,
			name: `${resource.name} Updated`,
			description: `Triggers for every change of ${plural}, including their creation`,
			kind: 'updated',
			resource,
		},
	];
}

/** Sorted by name, as n8n lists options. */
export const TRIGGER_EVENTS: TriggerEvent[] = [customerSpec, orderSpec, productSpec]
	.flatMap(eventsFor)
	.sort((a, b) => a.name.localeCompare(b.name));

export const ORDER_EVENTS = TRIGGER_EVENTS.filter((event) => event.resource === orderSpec).map(
	(event) => event.value,
);
export const UPDATED_EVENTS = TRIGGER_EVENTS.filter((event) => event.kind === 'updated').map(
	(event) => event.value,
);

export function findEvent(value: string): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((event) => event.value === value);
}
