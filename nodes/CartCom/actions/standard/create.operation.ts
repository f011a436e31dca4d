import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	fieldParameter,
	fieldsCollection,
	forOperation,
	writeOptionsCollection,
} from '../../helpers/descriptions';
import {
	fileSourceOf,
	fileSourceParameters,
	prepareUpload,
	SOURCE,
	uploadFile,
	withUploadNote,
} from '../../helpers/files';
import { runWritesPerItem } from '../../helpers/items';
import { readBody } from '../../helpers/parameters';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComWrite } from '../../transport';

/** Create: the spec's required fields as parameters, every other field under Additional Fields. */
function description(spec: ResourceSpec) {
	const source = spec.fileSource;
	const required = spec.fields
		.filter((field) => field.required)
		.map((field) => {
			const parameter = fieldParameter(field, true);
			// The path field is asked for only when the file is already in the store.
			return source?.field === field.name
				? { ...parameter, displayOptions: { show: { [SOURCE]: ['path'] } } }
				: parameter;
		});
	return forOperation(spec.value, 'create', [
		...(source ? fileSourceParameters(source.noun, source.folder, source.folder) : []),
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
		const source = spec.fileSource;
		const fromWorkflow = source !== undefined && fileSourceOf(this, i) === 'binary';
		// From the workflow, the path field is filled by the upload: every other field is checked first.
		const fields = fromWorkflow
			? spec.fields.filter((field) => field.name !== source.field)
			: spec.fields;
		const body = readBody(this, { ...spec, fields }, i, 'create');
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
		if (!fromWorkflow)
			return await cartComWrite.call(this, { method: 'POST', path: spec.path, body, itemIndex: i });
		if (body[source.field] !== undefined)
			throw inputError(
				this,
				i,
				'Other Fields (JSON)',
				`must not contain "${source.field}" when the file comes from the workflow`,
				'The uploaded file’s path is used; remove the key, or choose Source: File Path in Store.',
			);
		const upload = await prepareUpload(this, i);
		const uploaded = await uploadFile(this, i, upload.file, upload.destination, upload.overwrite);
		try {
			const record = await cartComWrite.call(this, {
				method: 'POST',
				path: spec.path,
				body: { ...body, [source.field]: upload.destination },
				itemIndex: i,
			});
			return { ...record, uploaded };
		} catch (error) {
			throw withUploadNote(error, upload.destination);
		}
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
	// A resource with a file field uploads a file given from the workflow first.
	endpoints: (spec) => [
		...(spec.fileSource ? [{ method: 'POST' as const, path: '/upload' }] : []),
		{ method: 'POST', path: spec.path },
	],
	execute,
};
