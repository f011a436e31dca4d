/**
 * Files from the workflow: the "Input Binary Field" parameter as n8n's own nodes name it, reading
 * the file through n8n's binary-data helpers, and `POST /upload` (docs/uploading_files.md), which the
 * upload operation, Theme → Import and Product Picture → Create share.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartComWrite } from '../transport';
import { asNodeError } from './errors';
import { inputError } from './validation';

export const BINARY_PROPERTY = 'binaryPropertyName';

export const binaryPropertyParameter: INodeProperties = {
	displayName: 'Input Binary Field',
	name: BINARY_PROPERTY,
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field containing the file to be uploaded',
};

export interface WorkflowFile {
	content: Buffer;
	mimeType: string;
	fileName: string | undefined;
}

/** The item's file in the named binary field; a missing field fails naming the parameter. */
export async function readWorkflowFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<WorkflowFile> {
	const field = String(ctx.getNodeParameter(BINARY_PROPERTY, itemIndex, 'data')).trim();
	if (field === '')
		throw inputError(
			ctx,
			itemIndex,
			'Input Binary Field',
			'is required',
			'Enter the name of the binary field that holds the file, e.g. data.',
		);
	let binary;
	try {
		binary = ctx.helpers.assertBinaryData(itemIndex, field);
	} catch {
		throw inputError(
			ctx,
			itemIndex,
			'Input Binary Field',
			`the item has no binary field "${field}"`,
			'Read or download the file in an earlier node (e.g. Read/Write Files from Disk, HTTP Request), and enter the name of its binary field.',
		);
	}
	const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
	if (content.length === 0)
		throw inputError(
			ctx,
			itemIndex,
			'Input Binary Field',
			`the file in "${field}" is empty`,
			'Check the node that produced the file.',
		);
	return {
		content,
		mimeType: binary.mimeType || 'application/octet-stream',
		fileName: binary.fileName,
	};
}

/**
 * A store path as `POST /upload` takes it: from the site's root, forward slashes, no `..`, no
 * control characters. Undefined when it is not one.
 */
export function storePath(value: string): string | undefined {
	const path = value.trim();
	if (!path.startsWith('/') || path.endsWith('/')) return undefined;
	const hasControl = [...path].some(
		(char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f,
	);
	if (path.includes('\\') || hasControl) return undefined;
	if (path.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
	return path;
}

/** A folder plus the file's name: `/shared/images/` + `tee.jpg`. Undefined when either is unusable. */
export function pathInFolder(folder: string, fileName: string | undefined): string | undefined {
	const name = (fileName ?? '').trim();
	if (name === '' || name.includes('/') || name.includes('\\')) return undefined;
	const base = folder.trim().replace(/\/+$/, '');
	return storePath(`${base}/${name}`);
}

/**
 * `POST /upload`: the JSON options part, then the file, exactly as docs/uploading_files.md shows
 * (both parts with a bare `Content-Disposition: form-data`). 204 on success: the result says what
 * was uploaded. Never re-sent after an ambiguous failure (a POST); the transport marks it.
 */
export async function uploadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	file: WorkflowFile,
	destination: string,
	overwrite: boolean,
): Promise<IDataObject> {
	const options = { destination, overwrite };
	const written: IDataObject = {
		destination,
		overwrite,
		file_name: file.fileName ?? null,
		mime_type: file.mimeType,
		file_size: file.content.length,
	};
	let answer;
	try {
		answer = await cartComWrite.call(
			ctx,
			{
				method: 'POST',
				path: '/upload',
				multipart: [
					{ contentType: 'application/json', content: JSON.stringify(options) },
					{ contentType: file.mimeType, content: file.content },
				],
				itemIndex,
			},
			written,
		);
	} catch (error) {
		// Assumed: Cart.com refuses an existing file without `overwrite` (409, its validation status).
		const status = (error as { httpCode?: unknown }).httpCode;
		if (!overwrite && status === '409' && error instanceof Error) {
			const withDescription = error as Error & { description?: string | null };
			withDescription.description = [
				withDescription.description,
				`If a file is already at ${destination}, turn on Overwrite, or upload under another name.`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw asNodeError(ctx, error, itemIndex);
	}
	// A store that answers with a body: keep what it says, and what was sent.
	return { ...written, ...answer };
}

/** Where a file an operation needs comes from; existing workflows keep the store path (the default). */
export const SOURCE = 'fileSource';

export function fileSourceParameters(
	noun: string,
	defaultFolder: string,
	placeholderFolder: string,
): INodeProperties[] {
	const fromWorkflow = { show: { [SOURCE]: ['binary'] } };
	return [
		{
			displayName: 'Source',
			name: SOURCE,
			type: 'options',
			default: 'path',
			options: [
				{
					name: 'File Path in Store',
					value: 'path',
					description: `The ${noun} is already in the store’s files`,
				},
				{
					name: 'Binary File From Workflow',
					value: 'binary',
					description: `Upload the ${noun} from the input item first, then use it`,
				},
			],
		},
		{ ...binaryPropertyParameter, displayOptions: fromWorkflow },
		{
			displayName: 'Upload Folder',
			name: 'uploadFolder',
			type: 'string',
			default: defaultFolder,
			required: true,
			placeholder: `e.g. ${placeholderFolder}`,
			description: 'Folder in the store’s files the file is uploaded to, under its own name',
			displayOptions: fromWorkflow,
		},
		{
			displayName: 'Overwrite',
			name: 'uploadOverwrite',
			type: 'boolean',
			default: false,
			description: 'Whether to replace a file of the same name in that folder',
			displayOptions: fromWorkflow,
		},
	];
}

export const fileSourceOf = (ctx: IExecuteFunctions, itemIndex: number): 'path' | 'binary' =>
	ctx.getNodeParameter(SOURCE, itemIndex, 'path') === 'binary' ? 'binary' : 'path';

/**
 * Checks everything about the upload before any request: the binary field, the folder and the
 * resulting path. Returns the upload to run, so a caller can validate its own parameters first.
 */
export async function prepareUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ file: WorkflowFile; destination: string; overwrite: boolean }> {
	const folder = String(ctx.getNodeParameter('uploadFolder', itemIndex, '')).trim();
	if (folder === '')
		throw inputError(
			ctx,
			itemIndex,
			'Upload Folder',
			'is required',
			'Enter a folder from the site’s root, e.g. /shared/images/.',
		);
	const file = await readWorkflowFile(ctx, itemIndex);
	const destination = pathInFolder(folder, file.fileName);
	if (destination === undefined)
		throw inputError(
			ctx,
			itemIndex,
			file.fileName ? 'Upload Folder' : 'Input Binary Field',
			file.fileName ? `"${folder}" is not a folder in the store` : 'the file has no name',
			file.fileName
				? 'Enter a folder from the site’s root, e.g. /shared/images/ (no "..", no backslashes).'
				: 'Give the file a name in the node that produced it (its binary field’s fileName).',
		);
	return {
		file,
		destination,
		overwrite: ctx.getNodeParameter('uploadOverwrite', itemIndex, false) === true,
	};
}

/**
 * The second step failed after the upload went through: say where the file is, so the next run can
 * use it by path (or overwrite it) instead of failing on the existing file.
 */
export function withUploadNote(error: unknown, destination: string): unknown {
	if (error instanceof Error) {
		const note = `The file was uploaded to ${destination}; to retry without uploading again, choose Source: File Path in Store and enter that path.`;
		const withDescription = error as Error & { description?: string | null };
		withDescription.description = [withDescription.description, note].filter(Boolean).join(' ');
	}
	return error;
}
