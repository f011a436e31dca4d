import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComGetMany, cartComRequest, type CartComRecord } from '../../transport';
import { exactMatchQuery, keepExact, readLookupText, sameCode } from '../product/catalogLookup';
import { adcodeSpec } from '../generic/specs';

const OPERATION = 'getByName';
const LOOKUP_LIMIT = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'adcodeName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. promo0514',
		description: 'The adcode’s name, exactly',
	},
];

/**
 * Which names `GET /adcodes/{name}` (docs/resources/adcodes.md) can carry without being read as
 * something else: `/adcodes/{id}` shares the route, so an all-digit name would fetch the adcode with
 * that ID; a `.json` ending is taken as the format suffix (docs/README.md); and path separators or
 * dots could change the route; `select_many` is a route of its own (docs/common_usage.md). Any
 * other name goes through the list filter `?name=eq:…` instead.
 */
export const fitsNameRoute = (name: string) =>
	/^[A-Za-z0-9_-]+$/.test(name) && !/^\d+$/.test(name) && name.toLowerCase() !== 'select_many';

export const getByName: OperationModule = {
	option: {
		name: 'Get by Name',
		value: OPERATION,
		action: 'Get an adcode by name',
		description: 'Retrieve one adcode by its name',
	},
	// By name when it fits the route, else the list filtered by name (a name like an ID or with a separator).
	endpoints: [
		{ method: 'GET', path: '/adcodes/{name}' },
		{ method: 'GET', path: '/adcodes' },
	],
	description: forOperation(adcodeSpec.value, OPERATION, properties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const name = readLookupText(this, i, 'adcodeName', 'Name');
			let matches: CartComRecord[];
			if (fitsNameRoute(name)) {
				const answer = await cartComRequest.call(this, {
					method: 'GET',
					path: `${adcodeSpec.path}/${encodeURIComponent(name)}`,
					itemIndex: i,
					allowNotFound: true,
				});
				matches = answer ? [answer] : [];
			} else {
				matches = await cartComGetMany.call(this, {
					path: adcodeSpec.path,
					recordsKey: adcodeSpec.recordsKey,
					query: exactMatchQuery(this, i, 'name', name, 'Name'),
					limit: LOOKUP_LIMIT,
					itemIndex: i,
				});
				matches = keepExact(this, i, matches, LOOKUP_LIMIT, 'name', name, 'Name');
			}
			// The answer is passed on only when it is the adcode asked for, never a loose match.
			const exact = matches.filter((record) => sameCode(record.name, name));
			if (exact.length === 1) return exact[0];
			if (exact.length > 1) {
				throw inputError(
					this,
					i,
					'Name',
					`${exact.length} adcodes are named "${name}" (IDs ${exact.map((record) => String(record.id)).join(', ')})`,
					'Use Adcode → Get with the ID you mean.',
				);
			}
			throw inputError(
				this,
				i,
				'Name',
				matches.length
					? `the store answered with the adcode "${String(matches[0].name ?? '')}", not "${name}"`
					: `no adcode is named "${name}"`,
				'Check the name, or use Adcode → Get Many to find it.',
			);
		});
	},
};
