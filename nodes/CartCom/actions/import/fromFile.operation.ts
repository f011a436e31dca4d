import type { INodeProperties } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { binaryPropertyParameter, readWorkflowFile } from '../../helpers/files';
import { runWritesPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { cartComWrite } from '../../transport';
import { importOptions, importProperties, readImportOptions } from './shared';

const properties: INodeProperties[] = [
	binaryPropertyParameter,
	...importProperties,
	writeOptionsCollection(importOptions),
];

export const importFromFile: OperationModule = {
	option: {
		name: 'Import From File',
		value: 'importFromFile',
		action: 'Import a CSV file',
		description: 'Send a CSV file from the workflow to Cart.com’s import',
	},
	endpoints: [{ method: 'POST', path: '/import/file' }],
	description: forOperation('import', 'importFromFile', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const options = readImportOptions(this, i);
			const file = await readWorkflowFile(this, i);
			// docs/resources/import.md: "the first part … json, and the second part … the csv file".
			const answer = await cartComWrite.call(
				this,
				{
					method: 'POST',
					path: '/import/file',
					multipart: [
						{ contentType: 'application/json', content: JSON.stringify(options) },
						{ contentType: 'text/csv', content: file.content },
					],
					itemIndex: i,
				},
				{ ...options, file_name: file.fileName ?? null, file_size: file.content.length },
			);
			return answer;
		});
	},
};
