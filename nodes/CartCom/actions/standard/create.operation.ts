import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	fieldParameter,
	fieldsCollection,
	forOperation,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { readBody } from '../../helpers/parameters';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComWrite } from '../../transport';

/** Create: the spec's required fields as parameters, every other field under Additional Fields. */
function description(spec: ResourceSpec) {
	const required = spec.fields
		.filter((field) => field.required)
		.map((field) => fieldParameter(field, true));
	return forOperation(spec.value, 'create', [
		...required,
		fieldsCollection(
			'additionalFields',
			spec.fields.filter((field) => !field.required),
		),
		writeOptionsCollection(),
	]);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	const resource = spec.name.toLowerCase();
	return await runWritesPerItem(this, items, async (i) => {
		const body = readBody(this, spec, i, 'create');
		if (Object.keys(body).length === 0 && !spec.createsEmpty) {
			// Nothing given at all is a mapping gone wrong, not a wish for a blank record.
			throw inputError(
				this,
				i,
				'Additional Fields',
				'no field given',
				`Add at least one field of the ${resource} to create.`,
			);
		}
		if ('id' in body) {
			// POST with an id is an upsert in Cart.com; Create must never overwrite by accident.
			throw inputError(
				this,
				i,
				'Other Fields (JSON)',
				'must not contain "id"',
				`Use the Update operation to change an existing ${resource}.`,
			);
		}
		return await cartComWrite.call(this, { method: 'POST', path: spec.path, body, itemIndex: i });
	});
}

export const create: StandardOperation = {
	value: 'create',
	option: (spec) => ({
		name: 'Create',
		value: 'create',
		action: `Create ${spec.name.toLowerCase()}`,
		description: `Create a new ${spec.name.toLowerCase()}`,
	}),
	description,
	endpoints: (spec) => [{ method: 'POST', path: spec.path }],
	execute,
};
