import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isJsonObject } from '../../shared/node';
import { toRecords } from '../helpers/records';
import { cartRoverRequest } from '../transport';

/*
 * The Order Source dropdown, from GET /cart/list ("a list of all Carts (order sources) for this
 * merchant", CartRover/cartrover-php OrderSource.php). The answer's shape is not documented: an
 * entry is read as a name (order_source, name, source, cart_name…) or as a bare value. Where the
 * keys cannot read the list, the editor shows the error and an expression still works.
 */

const NAME_KEYS = ['cart_name', 'name', 'description', 'order_source', 'source', 'cart'];
const VALUE_KEYS = ['order_source', 'source', 'name', 'cart_name', 'cart'];

function optionOf(entry: IDataObject): INodePropertyOptions | undefined {
	const pick = (keys: string[]) =>
		keys.map((key) => entry[key]).find((value) => typeof value === 'string' && value.trim());
	const value = pick(VALUE_KEYS) ?? entry.value;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const name = pick(NAME_KEYS) ?? value;
	return { name: String(name), value: String(value) };
}

export async function getOrderSources(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { response } = await cartRoverRequest.call(this, { method: 'GET', path: '/cart/list' });
	// An object keyed by source (no list) is read as its keys.
	const records =
		isJsonObject(response) && !('order_source' in response || 'name' in response)
			? Object.keys(response).map((key) => ({ value: key }))
			: toRecords(response);
	const options = records.map(optionOf).filter((option) => option !== undefined);
	const unique = new Map(options.map((option) => [option.value, option]));
	return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
}
