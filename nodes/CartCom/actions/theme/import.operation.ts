import type { INodeProperties } from 'n8n-workflow';

import { forOperation, writeOptionsCollection } from '../../helpers/descriptions';
import {
	fileSourceOf,
	fileSourceParameters,
	prepareUpload,
	uploadFile,
	withUploadNote,
} from '../../helpers/files';
import { runWritesPerItem } from '../../helpers/items';
import { requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { cartComWrite } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Theme Name',
		name: 'themeName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Summer Theme',
		description:
			'Cart.com may append a suffix (e.g. _1) when the name is taken; the output has the final name',
	},
	...fileSourceParameters('theme .zip', '/shared/themes/', '/shared/themes/'),
	{
		displayName: 'File Path',
		name: 'filePath',
		displayOptions: { show: { fileSource: ['path'] } },
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. themes/summer-theme.zip',
		description: 'Path of the theme .zip in the store’s file manager (upload it there first)',
	},
	writeOptionsCollection(),
];

function requiredText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export const importTheme: OperationModule = {
	option: {
		name: 'Import',
		value: 'import',
		action: 'Import theme',
		description: 'Create a theme from a .zip file in the store or from the workflow',
	},
	// From the workflow, the .zip is uploaded to the store first.
	endpoints: [
		{ method: 'POST', path: '/upload' },
		{ method: 'POST', path: '/themes/import' },
	],
	description: forOperation('theme', 'import', properties),
	async execute(items) {
		return await runWritesPerItem(this, items, async (i) => {
			const themeName = requiredText(this.getNodeParameter('themeName', i));
			if (fileSourceOf(this, i) === 'binary') {
				requireGiven(
					this,
					i,
					{ 'Theme Name': themeName },
					{ fix: 'Enter a name for the new theme.' },
				);
				const upload = await prepareUpload(this, i);
				const uploaded = await uploadFile(
					this,
					i,
					upload.file,
					upload.destination,
					upload.overwrite,
				);
				const body = { theme_name: themeName, file_path: upload.destination };
				try {
					const theme = await cartComWrite.call(
						this,
						{ method: 'POST', path: '/themes/import', body, itemIndex: i },
						body,
					);
					return { ...theme, uploaded };
				} catch (error) {
					throw withUploadNote(error, upload.destination);
				}
			}
			const filePath = requiredText(this.getNodeParameter('filePath', i));
			requireGiven(
				this,
				i,
				{ 'Theme Name': themeName, 'File Path': filePath },
				{ fix: 'Enter a name for the new theme and the path of the uploaded theme .zip.' },
			);
			const body = { theme_name: themeName, file_path: filePath };
			return await cartComWrite.call(
				this,
				{ method: 'POST', path: '/themes/import', body, itemIndex: i },
				body,
			);
		});
	},
};
