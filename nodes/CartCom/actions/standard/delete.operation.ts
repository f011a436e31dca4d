import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation, recordLocator, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { recordNoun, withArticle } from '../../helpers/naming';
import { readRecordId } from '../../helpers/parameters';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { cartComRequest } from '../../transport';

/** Delete: `DELETE /{path}/{id}`; the output is `{id, deleted: true}`, as n8n's nodes answer a delete. */
function description(spec: ResourceSpec) {
	return forOperation(spec.value, 'delete', [recordLocator(spec), writeOptionsCollection()]);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	return await runWritesPerItem(this, items, async (i) => {
		const id = readRecordId(this, i);
		await cartComRequest.call(this, {
			method: 'DELETE',
			path: `${spec.path}/${id}`,
			itemIndex: i,
		});
		return { id, deleted: true };
	});
}

/** Delete, named `remove` because `delete` is a keyword. */
export const remove: StandardOperation = {
	value: 'delete',
	option: (spec) => ({
		name: 'Delete',
		value: 'delete',
		action: `Delete ${recordNoun(spec)}`,
		description: `Delete ${withArticle(recordNoun(spec))} permanently`,
	}),
	description,
	endpoints: (spec) => [{ method: 'DELETE', path: `${spec.path}/{id}` }],
	execute,
};
