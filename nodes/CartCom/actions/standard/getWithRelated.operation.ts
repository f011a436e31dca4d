import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation, recordLocator } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { recordNoun } from '../../helpers/naming';
import { readRecordId } from '../../helpers/parameters';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { cartComRequest } from '../../transport';

/** Get With Related: `GET /{path}/{id}/filled`, the record with every nested collection filled. */
function description(spec: ResourceSpec) {
	return forOperation(spec.value, 'getFilled', [recordLocator(spec)]);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	return await runPerItem(this, items, async (i) => {
		const id = readRecordId(this, i);
		return await cartComRequest.call(this, {
			method: 'GET',
			path: `${spec.path}/${id}/filled`,
			itemIndex: i,
		});
	});
}

export const getWithRelated: StandardOperation = {
	value: 'getFilled',
	option: (spec) => ({
		name: 'Get With Related',
		value: 'getFilled',
		action: `Get ${recordNoun(spec)} with related records`,
		description: `Retrieve one ${recordNoun(spec)} with all nested collections filled (${(spec.nested ?? []).join(', ')})`,
	}),
	description,
	endpoints: (spec) => [{ method: 'GET', path: `${spec.path}/{id}/filled` }],
	execute,
};
