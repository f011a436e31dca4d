import type { INodeProperties } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import {
	binaryPropertyParameter,
	pathInFolder,
	readWorkflowFile,
	storePath,
	uploadFile,
} from '../../helpers/files';
import { runWritesPerItem } from '../../helpers/items';
import { requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';

const properties: INodeProperties[] = [
	binaryPropertyParameter,
	{
		displayName: 'Destination',
		name: 'destination',
		type: 'string',
		required: true,
		default: '/shared/images/',
		placeholder: 'e.g. /shared/images/products/logo-tee.jpg',
		description:
			'Where to put the file in the store, from the site’s root. Ending in / it is a folder, and the file keeps its name.',
	},
	{
		displayName: 'Overwrite',
		name: 'overwrite',
		type: 'boolean',
		default: false,
		description: 'Whether to replace a file that is already at that path',
	},
	writeOptionsCollection(),
];

export const uploadStoreFile: OperationModule = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a file',
		description: 'Put a file from the workflow into the store’s files (images, theme .zip, …)',
	},
	endpoints: [{ method: 'POST', path: '/upload' }],
	description: forOperation('file', 'upload', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const destinationText = String(this.getNodeParameter('destination', i, '')).trim();
			requireGiven(this, i, { Destination: destinationText });
			const file = await readWorkflowFile(this, i);
			const destination = destinationText.endsWith('/')
				? pathInFolder(destinationText, file.fileName)
				: storePath(destinationText);
			if (destination === undefined)
				throw inputError(
					this,
					i,
					'Destination',
					destinationText.endsWith('/') && !file.fileName
						? 'is a folder, and the file has no name'
						: `"${destinationText}" is not a path in the store`,
					'Enter a path from the site’s root with the file name, e.g. /shared/images/logo.jpg (no "..", no backslashes).',
				);
			const overwrite = this.getNodeParameter('overwrite', i, false) === true;
			return await uploadFile(this, i, file, destination, overwrite);
		});
	},
};
