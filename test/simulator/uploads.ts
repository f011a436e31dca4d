/**
 * File routes: `POST /upload` (docs/uploading_files.md), `POST /import/file` and `POST /import/fetch`
 * (docs/resources/import.md), `POST /products/importMany` (docs/resources/products.md). None is in
 * acapi.yaml; the docs give the requests, and only importMany's answer.
 */
import {
	badRequest,
	conflict,
	methodNotAllowed,
	notFound,
	type RequestContext,
	type SimResponse,
} from './httpTypes';
import type { MemoryStore } from './store';
import type { SimRecord } from './types';

export interface UploadedFile {
	destination: string;
	contentType: string;
	content: Buffer;
	/** How many times this destination was written (a re-sent upload shows as 2). */
	writes: number;
}

export interface ImportJob {
	route: 'file' | 'fetch';
	import_type: string;
	mapping_info: unknown;
	file_url?: string;
	/** The CSV's data lines, parsed (import/file only). */
	rows?: string[][];
	log_errors_to_file?: unknown;
	import_email_address?: unknown;
}

interface FileState {
	files: Map<string, UploadedFile>;
	imports: ImportJob[];
}

const state = new WeakMap<object, FileState>();

function stateOf(store: object): FileState {
	let found = state.get(store);
	if (!found) {
		found = { files: new Map(), imports: [] };
		state.set(store, found);
	}
	return found;
}

/** The files uploaded to a simulator's store, by destination (lower-case: IIS paths ignore case). */
export const uploadedFiles = (store: object): ReadonlyMap<string, UploadedFile> =>
	stateOf(store).files;

/** The imports a simulator's store was asked to run, in order. */
export const importJobs = (store: object): readonly ImportJob[] => stateOf(store).imports;

interface Part {
	headers: Record<string, string>;
	content: Buffer;
}

/** Splits a multipart/form-data body into parts; null when it is not one. */
export function parseMultipart(contentType: string, raw: Buffer): Part[] | null {
	const match = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	if (!match) return null;
	const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts: Part[] = [];
	let start = raw.indexOf(delimiter);
	if (start < 0) return null;
	for (let guard = 0; guard < 100; guard++) {
		const afterDelimiter = start + delimiter.length;
		if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
		const headerStart = afterDelimiter + 2; // CRLF
		const headerEnd = raw.indexOf('\r\n\r\n', headerStart);
		if (headerEnd < 0) return null;
		const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd);
		if (next < 0) return null;
		const headers: Record<string, string> = {};
		for (const line of raw.subarray(headerStart, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		parts.push({ headers, content: raw.subarray(headerEnd + 4, next) });
		start = next + 2;
	}
	return null;
}

/** The JSON options part, then the payload part, as the docs describe both multipart routes. */
function optionsAndPayload(
	ctx: RequestContext,
): { ok: true; options: SimRecord; payload: Part } | { ok: false; response: SimResponse } {
	const parts = parseMultipart(ctx.contentType ?? '', ctx.rawBody ?? Buffer.alloc(0));
	if (!parts)
		return { ok: false, response: badRequest('The request must be multipart/form-data.') };
	const [first, payload] = parts;
	if (parts.length !== 2 || !/^application\/json/i.test(first.headers['content-type'] ?? ''))
		return {
			ok: false,
			response: badRequest('Expected an application/json part followed by the file part.'),
		};
	let options: unknown;
	try {
		options = JSON.parse(first.content.toString('utf8'));
	} catch {
		return { ok: false, response: badRequest('The application/json part is not valid JSON.') };
	}
	if (!options || typeof options !== 'object' || Array.isArray(options))
		return { ok: false, response: badRequest('The application/json part must be an object.') };
	return { ok: true, options: options as SimRecord, payload };
}

/** `POST /upload`: stores the file at `destination`; 204. An existing file needs `overwrite: true`. */
export function handleUpload(ctx: RequestContext): SimResponse {
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	const read = optionsAndPayload(ctx);
	if (!read.ok) return read.response;
	const { destination, overwrite } = read.options;
	if (typeof destination !== 'string' || !destination.startsWith('/'))
		return badRequest('destination is required: a path from the root of the site.');
	if (/(^|\/)\.\.(\/|$)/.test(destination)) return badRequest('destination must not contain "..".');
	if (overwrite !== undefined && typeof overwrite !== 'boolean')
		return conflict('overwrite must be a boolean');
	const files = stateOf(ctx.store).files;
	const key = destination.toLowerCase();
	const existing = files.get(key);
	// Assumed: the docs only say the flag decides whether an existing file is overwritten.
	if (existing && overwrite !== true) return conflict(`A file already exists at ${destination}.`);
	files.set(key, {
		destination,
		contentType: read.payload.headers['content-type'] ?? '',
		content: Buffer.from(read.payload.content),
		writes: (existing?.writes ?? 0) + 1,
	});
	return { status: 204 };
}

function parseCsv(text: string): string[][] {
	return text
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.map((line) => line.split(',').map((cell) => cell.trim()));
}

function checkImportOptions(options: SimRecord): SimResponse | undefined {
	if (typeof options.import_type !== 'string' || options.import_type === '')
		return badRequest('import_type is required');
	const mapping = options.mapping_info;
	if (
		!Array.isArray(mapping) ||
		mapping.length === 0 ||
		!mapping.every(
			(row) =>
				row &&
				typeof row === 'object' &&
				typeof (row as SimRecord).destination_column === 'string' &&
				typeof (row as SimRecord).source_column === 'string',
		)
	)
		return badRequest('mapping_info is required: [{destination_column, source_column}]');
	return undefined;
}

function jobOf(route: ImportJob['route'], options: SimRecord): ImportJob {
	return {
		route,
		import_type: options.import_type as string,
		mapping_info: options.mapping_info,
		...(options.log_errors_to_file !== undefined && {
			log_errors_to_file: options.log_errors_to_file,
		}),
		...(options.import_email_address !== undefined && {
			import_email_address: options.import_email_address,
		}),
	};
}

/**
 * `POST /import/file` (JSON options part + CSV part) and `POST /import/fetch` (JSON with file_url).
 * The docs show no answer: the simulator queues the job and answers 204, the safest reading.
 */
export function handleImport(ctx: RequestContext, route: string | undefined): SimResponse {
	if (route !== 'file' && route !== 'fetch') return notFound();
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	const jobs = stateOf(ctx.store).imports;
	if (route === 'file') {
		const read = optionsAndPayload(ctx);
		if (!read.ok) return read.response;
		const refused = checkImportOptions(read.options);
		if (refused) return refused;
		const [header, ...rows] = parseCsv(read.payload.content.toString('utf8'));
		const columns = new Set(header ?? []);
		const unknown = (read.options.mapping_info as SimRecord[]).find(
			(row) => !columns.has(row.source_column as string),
		);
		if (unknown)
			return badRequest(`source_column ${String(unknown.source_column)} is not in the file`);
		jobs.push({ ...jobOf('file', read.options), rows });
		return { status: 204 };
	}
	const body = ctx.body;
	if (ctx.bodyInvalid || !body || typeof body !== 'object' || Array.isArray(body))
		return badRequest('A JSON object body is required.');
	const options = body as SimRecord;
	const refused = checkImportOptions(options);
	if (refused) return refused;
	if (typeof options.file_url !== 'string' || !/^https?:\/\//i.test(options.file_url))
		return badRequest('file_url is required');
	jobs.push({ ...jobOf('fetch', options), file_url: options.file_url });
	return { status: 204 };
}

function findOrCreateByName(store: MemoryStore, table: string, fields: SimRecord): number | null {
	if (typeof fields.name !== 'string' || fields.name === '') return null;
	const name = fields.name.toLowerCase();
	const found = store.rows(table).find((row) => String(row.name ?? '').toLowerCase() === name);
	if (found) return found.id as number;
	const rest = { ...fields };
	delete rest.id;
	return store.insert(table, rest, { countWrite: true }).id as number;
}

/**
 * `POST /products/importMany`: a bare array of `{lookup_by_sku?, product, category?, manufacturer?}`.
 * A product with an `id` is updated; with lookup_by_sku, matched on item_number (updated, else
 * created); otherwise created. The answer lists one result per line, errors counted.
 */
export function handleImportMany(ctx: RequestContext): SimResponse {
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	if (ctx.bodyInvalid || !Array.isArray(ctx.body))
		return badRequest('The body must be a JSON array of import lines.');
	const results: SimRecord[] = [];
	let errors = 0;
	ctx.body.forEach((line: unknown, index) => {
		const fail = (status: number, message: string) => {
			errors++;
			results.push({ line_item: index, status_code: status, entity_id: null, message });
		};
		if (!line || typeof line !== 'object' || Array.isArray(line))
			return fail(400, 'line must be an object');
		const { product, category, manufacturer, lookup_by_sku: bySku } = line as SimRecord;
		if (!product || typeof product !== 'object' || Array.isArray(product))
			return fail(400, 'product is required');
		const fields: SimRecord = { ...(product as SimRecord) };
		if (category && typeof category === 'object') {
			const categoryId = findOrCreateByName(ctx.store, 'categories', category as SimRecord);
			if (categoryId !== null) fields.primary_category_id = categoryId;
		}
		if (manufacturer && typeof manufacturer === 'object') {
			const manufacturerId = findOrCreateByName(
				ctx.store,
				'manufacturers',
				manufacturer as SimRecord,
			);
			if (manufacturerId !== null) fields.manufacturer_id = manufacturerId;
		}
		let targetId: number | undefined;
		if (typeof fields.id === 'number') {
			if (!ctx.store.raw('products', fields.id)) return fail(404, `product ${fields.id} not found`);
			targetId = fields.id;
		} else if (bySku === true) {
			if (typeof fields.item_number !== 'string' || fields.item_number === '')
				return fail(400, 'item_number is required with lookup_by_sku');
			const sku = fields.item_number.toLowerCase();
			const found = ctx.store
				.rows('products')
				.filter((row) => String(row.item_number ?? '').toLowerCase() === sku);
			if (found.length > 1) return fail(409, `item_number ${fields.item_number} is not unique`);
			targetId = found[0]?.id as number | undefined;
		}
		delete fields.id;
		if (targetId !== undefined) {
			ctx.store.patch('products', targetId, fields, { countWrite: true });
			results.push({ line_item: index, status_code: 200, entity_id: targetId });
			return;
		}
		if (typeof fields.item_name !== 'string' || fields.item_name === '')
			return fail(400, 'item_name is required to create a product');
		const created = ctx.store.insert('products', fields, { countWrite: true });
		results.push({ line_item: index, status_code: 201, entity_id: created.id });
	});
	return { status: 200, body: { total_errors: errors, results } };
}

/**
 * `POST /themes/import` {theme_name, file_path} → {theme_id, theme_name} (acapi.yaml). The file must
 * have been uploaded (path compared without a leading slash, any case); a taken name gets `_1`, `_2`…
 */
export function handleThemeImport(ctx: RequestContext): SimResponse {
	if (ctx.method !== 'POST') return methodNotAllowed(ctx.method);
	const body = ctx.body as SimRecord | undefined;
	if (ctx.bodyInvalid || !body || typeof body !== 'object' || Array.isArray(body))
		return badRequest('A JSON object body is required.');
	const { theme_name: name, file_path: filePath } = body;
	if (typeof name !== 'string' || name === '' || typeof filePath !== 'string' || filePath === '')
		return badRequest('theme_name and file_path are required');
	const wanted = filePath.replace(/^\/+/, '').toLowerCase();
	const file = [...stateOf(ctx.store).files.values()].find(
		(entry) => entry.destination.replace(/^\/+/, '').toLowerCase() === wanted,
	);
	if (!file) return notFound(`No file at ${filePath}.`);
	const taken = new Set(ctx.store.rows('themes').map((row) => String(row.name).toLowerCase()));
	let finalName = name;
	for (let n = 1; taken.has(finalName.toLowerCase()) && n < 1000; n++) finalName = `${name}_${n}`;
	const theme = ctx.store.insert(
		'themes',
		{ name: finalName, file_path: filePath },
		{ countWrite: true },
	);
	return { status: 200, body: { theme_id: theme.id, theme_name: finalName } };
}
