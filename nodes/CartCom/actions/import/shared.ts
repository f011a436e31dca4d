/**
 * What both import routes take (docs/resources/import.md): the import type, the column mapping,
 * and two options. The docs show `"Product"` as the only type; others are passed on as typed.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../helpers/parameters';
import { inputError } from '../../helpers/validation';

export const importProperties: INodeProperties[] = [
	{
		displayName: 'Import Type',
		name: 'importType',
		type: 'string',
		required: true,
		default: 'Product',
		placeholder: 'e.g. Product',
		description: 'What the file holds, as Cart.com’s import names it (its docs show Product)',
	},
	{
		displayName: 'Column Mapping',
		name: 'mapping',
		type: 'fixedCollection',
		required: true,
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Column',
		description: 'Which column of the file fills which Cart.com column',
		options: [
			{
				displayName: 'Column',
				name: 'columns',
				values: [
					{
						displayName: 'File Column',
						name: 'sourceColumn',
						type: 'string',
						default: '',
						placeholder: 'e.g. SKU',
					},
					{
						displayName: 'Cart.com Column',
						name: 'destinationColumn',
						type: 'string',
						default: '',
						placeholder: 'e.g. ItemID',
					},
				],
			},
		],
	},
];

export const importOptions: INodeProperties[] = [
	{
		displayName: 'Log Errors to File',
		name: 'logErrorsToFile',
		type: 'boolean',
		default: false,
		description: 'Whether Cart.com writes the rows it rejects to an error file',
	},
	{
		displayName: 'Notify Email',
		name: 'importEmailAddress',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Who Cart.com e-mails when the import is done',
	},
];

/**
 * The JSON options of an import: type, mapping, and the options the user set. `alsoRequired`
 * (display name → value) are the operation's own required parameters, named in the same error.
 */
export function readImportOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	alsoRequired: Record<string, string> = {},
): IDataObject {
	const importType = String(ctx.getNodeParameter('importType', itemIndex, '')).trim();
	const mapping = ctx.getNodeParameter('mapping', itemIndex, {}) as {
		columns?: Array<{ sourceColumn?: unknown; destinationColumn?: unknown }>;
	};
	const rows = (mapping.columns ?? []).map((row) => ({
		source: String(row.sourceColumn ?? '').trim(),
		destination: String(row.destinationColumn ?? '').trim(),
	}));
	const problems = Object.entries(alsoRequired)
		.filter(([, value]) => value.trim() === '')
		.map(([label]) => label);
	if (importType === '') problems.push('Import Type');
	if (rows.length === 0) problems.push('Column Mapping');
	if (problems.length > 0)
		throw inputError(
			ctx,
			itemIndex,
			problems.join(', '),
			problems.length === 1 ? 'is required' : 'are required',
			`Fill in ${problems.join(', ')}: what the file holds (e.g. Product) and at least one column to map.`,
		);
	const incomplete = rows.findIndex((row) => row.source === '' || row.destination === '');
	if (incomplete >= 0)
		throw inputError(
			ctx,
			itemIndex,
			`Column Mapping [${incomplete}]`,
			'needs both a file column and a Cart.com column',
			'Fill in both names of every mapped column, or remove the empty row.',
		);
	const options = readCollection(ctx, 'writeOptions', itemIndex);
	const body: IDataObject = {
		import_type: importType,
		mapping_info: rows.map((row) => ({
			destination_column: row.destination,
			source_column: row.source,
		})),
	};
	if (typeof options.logErrorsToFile === 'boolean')
		body.log_errors_to_file = options.logErrorsToFile;
	const email =
		typeof options.importEmailAddress === 'string' ? options.importEmailAddress.trim() : '';
	if (email !== '') body.import_email_address = email;
	return body;
}
