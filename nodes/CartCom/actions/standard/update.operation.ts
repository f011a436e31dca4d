import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	fieldsCollection,
	forOperation,
	recordLocator,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { recordNoun, withArticle } from '../../helpers/naming';
import { readBody, readRecordId } from '../../helpers/parameters';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComWrite } from '../../transport';

/** Update: `PUT /{path}/{id}` with the fields chosen under Update Fields. */
function description(spec: ResourceSpec) {
	return forOperation(spec.value, 'update', [
		recordLocator(spec),
		fieldsCollection('updateFields', spec.fields),
		writeOptionsCollection(),
	]);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	return await runWritesPerItem(this, items, async (i) => {
		const id = readRecordId(this, i);
		const body = readBody(this, spec, i, 'update');
		delete body.id;
		if (Object.keys(body).length === 0) {
			throw inputError(
				this,
				i,
				'Update Fields',
				'no field to update',
				'Add at least one field under Update Fields.',
			);
		}
		return await cartComWrite.call(
			this,
			{ method: 'PUT', path: `${spec.path}/${id}`, body, itemIndex: i },
			{ id },
		);
	});
}

export const update: StandardOperation = {
	value: 'update',
	option: (spec) => ({
		name: 'Update',
		value: 'update',
		action: `Update ${recordNoun(spec)}`,
		description: `Change fields of ${withArticle(recordNoun(spec))}`,
	}),
	description,
	endpoints: (spec) => [{ method: 'PUT', path: `${spec.path}/{id}` }],
	execute,
};
