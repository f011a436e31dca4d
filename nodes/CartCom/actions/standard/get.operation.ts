import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	expandParameter,
	forOperation,
	recordLocator,
	simplifyParameter,
} from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { recordNoun } from '../../helpers/naming';
import { commaList, readCollection, readRecordId } from '../../helpers/parameters';
import { simplifyIfAsked } from '../../helpers/simplify';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { cartComRequest } from '../../transport';

/** Get: one record by ID, `GET /{path}/{id}` (docs/common_usage.md). */
function description(spec: ResourceSpec): INodeProperties[] {
	const properties: INodeProperties[] = [recordLocator(spec), ...simplifyParameter(spec)];
	if (spec.nested?.length) {
		properties.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				expandParameter(spec),
				{
					displayName: 'Fields',
					name: 'fields',
					type: 'string',
					default: '',
					placeholder: 'e.g. order_number,updated_at',
					description: 'Comma-separated fields to return; empty returns all',
				},
			],
		});
	}
	return forOperation(spec.value, 'get', properties);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	return await runPerItem(this, items, async (i) => {
		const id = readRecordId(this, i);
		const options = spec.nested?.length ? readCollection(this, 'options', i) : {};
		const record = await cartComRequest.call(this, {
			method: 'GET',
			path: `${spec.path}/${id}`,
			query: { expand: commaList(options.expand), fields: commaList(options.fields) },
			itemIndex: i,
		});
		// A GET resolves to a record unless it allows a 404, which Get does not.
		return simplifyIfAsked(this, spec, i, record ? [record] : []);
	});
}

export const get: StandardOperation = {
	value: 'get',
	option: (spec) => ({
		name: 'Get',
		value: 'get',
		action: `Get ${recordNoun(spec)}`,
		description: `Retrieve one ${recordNoun(spec)} by ID`,
	}),
	description,
	endpoints: (spec) => [{ method: 'GET', path: `${spec.path}/{id}` }],
	execute,
};
