import type { INodeProperties } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComWrite } from '../../transport';
import { importOptions, importProperties, readImportOptions } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/products.csv',
		description: 'Where Cart.com downloads the CSV file from',
	},
	...importProperties,
	writeOptionsCollection(importOptions),
];

/** An http(s) URL Cart.com can fetch; anything else is refused before the request. */
function fileUrlOf(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
	} catch {
		return undefined;
	}
}

export const importFromUrl: OperationModule = {
	option: {
		name: 'Import From URL',
		value: 'importFromUrl',
		action: 'Import a CSV file from a URL',
		description: 'Have Cart.com download a CSV file and import it',
	},
	endpoints: [{ method: 'POST', path: '/import/fetch' }],
	description: forOperation('import', 'importFromUrl', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const raw = this.getNodeParameter('fileUrl', i, '');
			const text = typeof raw === 'string' ? raw.trim() : '';
			const options = readImportOptions(this, i, { 'File URL': text });
			const fileUrl = fileUrlOf(text);
			if (!fileUrl)
				throw inputError(
					this,
					i,
					'File URL',
					`"${text}" is not an http(s) URL`,
					'Enter the full address, e.g. https://example.com/products.csv.',
				);
			const body = { ...options, file_url: fileUrl };
			return await cartComWrite.call(
				this,
				{ method: 'POST', path: '/import/fetch', body, itemIndex: i },
				body,
			);
		});
	},
};
