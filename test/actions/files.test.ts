/**
 * Files from the workflow (issue 14): File → Upload, Theme → Import and Product Picture → Create from
 * a binary field, Import → From File / From URL, Product → Import Many. Checked against the
 * simulator's store: the bytes that arrived, the theme and picture records, the imported products.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	expectInputError,
	jsonOf,
	pairedIndexes,
	run,
	runFailing,
} from '../helpers/actionKit';
import { importJobs, uploadedFiles } from '../simulator/uploads';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore();
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => sim.clearRequests());

/** Bytes that are not UTF-8, with CR LF and a would-be boundary inside: they must arrive unchanged. */
const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x80, 0x81]),
	Buffer.from('\r\n--n8n-boundary-fake\r\n'),
	Buffer.from([0x00, 0xfe, 0xff, 0xd9]),
]);

function fileItem(
	content: Buffer,
	fileName: string | undefined,
	mimeType: string,
	field = 'data',
): INodeExecutionData {
	return {
		json: { n: 1 },
		binary: {
			[field]: { data: content.toString('base64'), mimeType, ...(fileName && { fileName }) },
		},
	};
}

describe('File: Upload', () => {
	it('sends the JSON options part then the file as multipart; the store holds the exact bytes', async () => {
		const items = await run(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/shared/images/tee-1.jpg' },
			{ inputItems: [fileItem(JPEG, 'tee.jpg', 'image/jpeg')] },
		);
		const stored = uploadedFiles(sim.store).get('/shared/images/tee-1.jpg');
		expect(stored?.content.equals(JPEG)).toBe(true);
		expect(stored?.contentType).toBe('image/jpeg');
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				destination: '/shared/images/tee-1.jpg',
				overwrite: false,
				file_name: 'tee.jpg',
				file_size: JPEG.length,
				success: true,
			}),
		]);
		expect(pairedIndexes(items)).toEqual([0]);
		const [request] = sim.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/upload`);
		expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
	});

	it('a destination ending in / is a folder: the file keeps its name', async () => {
		await run(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/shared/images/folder/' },
			{ inputItems: [fileItem(JPEG, 'logo.jpg', 'image/jpeg')] },
		);
		expect(uploadedFiles(sim.store).has('/shared/images/folder/logo.jpg')).toBe(true);
	});

	it('an existing file is refused unless Overwrite is on, and the upload is sent once', async () => {
		const params = {
			resource: 'file',
			operation: 'upload',
			destination: '/shared/images/twice.jpg',
		};
		await run(sim, params, { inputItems: [fileItem(JPEG, 'a.jpg', 'image/jpeg')] });
		sim.clearRequests();
		const error = await runFailing(sim, params, {
			inputItems: [fileItem(JPEG, 'a.jpg', 'image/jpeg')],
		});
		expect(error.httpCode).toBe('409');
		expect(error.description).toMatch(/turn on Overwrite/);
		expect(sim.requests).toHaveLength(1);
		await run(
			sim,
			{ ...params, overwrite: true },
			{ inputItems: [fileItem(Buffer.from('new'), 'a.jpg', 'image/jpeg')] },
		);
		expect(uploadedFiles(sim.store).get('/shared/images/twice.jpg')?.content.toString()).toBe(
			'new',
		);
	});

	it('a reset after the store wrote the file is reported, not re-sent', async () => {
		sim.scriptFaults([{ match: { path: /\/upload$/ }, reset: true, applyWrite: true }]);
		const error = await runFailing(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/shared/images/reset.jpg' },
			{ inputItems: [fileItem(JPEG, 'r.jpg', 'image/jpeg')] },
		);
		expect(error.description).toMatch(/may already have been applied/);
		expect(sim.requests.filter((r) => r.path.endsWith('/upload'))).toHaveLength(1);
		expect(uploadedFiles(sim.store).get('/shared/images/reset.jpg')?.writes).toBe(1);
	});

	it('a missing binary field or a bad path fails naming the parameter, before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/x.jpg', binaryPropertyName: 'photo' },
			'Input Binary Field',
			{ inputItems: [fileItem(JPEG, 'x.jpg', 'image/jpeg')] },
		);
		await expectInputError(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/shared/../web.config' },
			'Destination',
			{ inputItems: [fileItem(JPEG, 'x.jpg', 'image/jpeg')] },
		);
	});

	it('continue on fail: a bad item becomes an error item paired to it, the others go on', async () => {
		const items = await run(
			sim,
			{ resource: 'file', operation: 'upload', destination: '/shared/images/' },
			{
				continueOnFail: true,
				inputItems: [
					fileItem(JPEG, 'ok-1.jpg', 'image/jpeg'),
					{ json: {} },
					fileItem(JPEG, 'ok-2.jpg', 'image/jpeg'),
				],
			},
		);
		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[1].json.error).toMatch(/Input Binary Field/);
		expect(uploadedFiles(sim.store).has('/shared/images/ok-2.jpg')).toBe(true);
	});
});

describe('Theme: Import from a binary file', () => {
	it('uploads the .zip, then imports it by the uploaded path; the store has the theme', async () => {
		const zip = Buffer.from('PK\u0003\u0004theme');
		const items = await run(
			sim,
			{ resource: 'theme', operation: 'import', themeName: 'Summer', fileSource: 'binary' },
			{ inputItems: [fileItem(zip, 'summer.zip', 'application/zip')] },
		);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${API}/upload`,
			`POST ${API}/themes/import`,
		]);
		expect(sim.requests[1].body).toEqual({
			theme_name: 'Summer',
			file_path: '/shared/themes/summer.zip',
		});
		expect(uploadedFiles(sim.store).get('/shared/themes/summer.zip')?.content.equals(zip)).toBe(
			true,
		);
		expect(items[0].json).toMatchObject({
			theme_name: 'Summer',
			uploaded: { destination: '/shared/themes/summer.zip' },
		});
		expect(sim.store.list('themes').map((t) => t.name)).toContain('Summer');
	});

	it('by default still takes a path (existing workflows unchanged)', async () => {
		await run(
			sim,
			{
				resource: 'theme',
				operation: 'import',
				themeName: 'Again',
				filePath: 'shared/themes/summer.zip',
			},
			{},
		);
		expect(sim.requests.map((r) => r.path)).toEqual([`${API}/themes/import`]);
	});

	it('a missing theme name fails before the upload', async () => {
		await expectInputError(
			sim,
			{ resource: 'theme', operation: 'import', themeName: '', fileSource: 'binary' },
			'Theme Name',
			{ inputItems: [fileItem(Buffer.from('PK'), 'x.zip', 'application/zip')] },
		);
	});
});

describe('Product Picture: Create from a binary file', () => {
	it('uploads the image, then creates the picture with the uploaded path', async () => {
		const product = sim.store.list('products')[0];
		const items = await run(
			sim,
			{
				resource: 'productPicture',
				operation: 'create',
				fileSource: 'binary',
				productId: product.id,
				additionalFields: { isPrimary: true },
			},
			{ inputItems: [fileItem(JPEG, 'front.jpg', 'image/jpeg')] },
		);
		const picture = sim.store.get('product_pictures', items[0].json.id as number);
		expect(picture).toMatchObject({
			product_id: product.id,
			image_file: '/shared/images/products/front.jpg',
			is_primary: true,
		});
		expect(
			uploadedFiles(sim.store).get('/shared/images/products/front.jpg')?.content.equals(JPEG),
		).toBe(true);
	});

	it('a missing product ID is named before anything is uploaded', async () => {
		await expectInputError(
			sim,
			{ resource: 'productPicture', operation: 'create', fileSource: 'binary', productId: '' },
			'Product ID',
			{ inputItems: [fileItem(JPEG, 'front.jpg', 'image/jpeg')] },
		);
	});
});

describe('Import: From File and From URL', () => {
	const mapping = {
		columns: [
			{ sourceColumn: 'SKU', destinationColumn: 'ItemID' },
			{ sourceColumn: 'Cost', destinationColumn: 'Cost' },
		],
	};

	it('sends the mapping as the JSON part and the CSV as the second; the store queues the rows', async () => {
		const csv = Buffer.from('SKU,Cost\nTSHIRT,9.25\nMUG,3.10\n');
		const items = await run(
			sim,
			{
				resource: 'import',
				operation: 'importFromFile',
				mapping,
				writeOptions: { importEmailAddress: 'ops@example.com' },
			},
			{ inputItems: [fileItem(csv, 'products.csv', 'text/csv')] },
		);
		const job = importJobs(sim.store).at(-1);
		expect(job).toMatchObject({
			route: 'file',
			import_type: 'Product',
			import_email_address: 'ops@example.com',
			mapping_info: [
				{ destination_column: 'ItemID', source_column: 'SKU' },
				{ destination_column: 'Cost', source_column: 'Cost' },
			],
			rows: [
				['TSHIRT', '9.25'],
				['MUG', '3.10'],
			],
		});
		expect(items[0].json).toMatchObject({
			import_type: 'Product',
			file_name: 'products.csv',
			success: true,
		});
	});

	it('From URL posts file_url with the mapping', async () => {
		await run(
			sim,
			{
				resource: 'import',
				operation: 'importFromUrl',
				fileUrl: 'https://example.com/p.csv',
				mapping,
			},
			{},
		);
		expect(importJobs(sim.store).at(-1)).toMatchObject({
			route: 'fetch',
			file_url: 'https://example.com/p.csv',
		});
	});

	it('every missing parameter is named in one error, before any request', async () => {
		const error = await expectInputError(
			sim,
			{ resource: 'import', operation: 'importFromUrl', fileUrl: '', importType: '', mapping: {} },
			'File URL, Import Type, Column Mapping',
		);
		expect(error.message).toMatch(/are required/);
		await expectInputError(
			sim,
			{ resource: 'import', operation: 'importFromUrl', fileUrl: 'file:///etc/passwd', mapping },
			'File URL',
		);
	});
});

describe('Product: Import Many', () => {
	it('updates by SKU and creates the new ones in one request; one output item per line', async () => {
		const existing = sim.store
			.list('products')
			.find((p) => typeof p.item_number === 'string' && p.item_number !== '')!;
		const before = sim.store.count('products');
		const items = await run(
			sim,
			{
				resource: 'product',
				operation: 'importMany',
				importLines: JSON.stringify([
					{ product: { item_number: existing.item_number, cost: 4.56 } },
					{
						product: { item_number: 'NEW-IMPORT-1', item_name: 'Imported', price: 3 },
						manufacturer: { name: 'Acme Imports' },
					},
				]),
			},
			{},
		);
		expect(sim.requests).toHaveLength(1);
		expect(Array.isArray(sim.requests[0].body)).toBe(true);
		expect(sim.store.get('products', existing.id as number)?.cost).toBe(4.56);
		expect(sim.store.count('products')).toBe(before + 1);
		const created = sim.store.list('products').find((p) => p.item_number === 'NEW-IMPORT-1')!;
		const maker = sim.store.get('manufacturers', created.manufacturer_id as number);
		expect(maker?.name).toBe('Acme Imports');
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				line_item: 0,
				status_code: 200,
				entity_id: existing.id,
				success: true,
			}),
			expect.objectContaining({
				line_item: 1,
				status_code: 201,
				entity_id: created.id,
				success: true,
			}),
		]);
		expect(pairedIndexes(items)).toEqual([0, 0]);
	});

	it('rejected lines fail the item, saying the others were imported', async () => {
		const error = await runFailing(sim, {
			resource: 'product',
			operation: 'importMany',
			lookupBySku: false,
			importLines: JSON.stringify([
				{ product: { id: 999999, cost: 1 } },
				{ product: { item_name: 'Ok', item_number: 'OK-1' } },
			]),
		});
		expect(error.message).toMatch(/rejected 1 of 2 lines \(line 0: 404/);
		expect(error.description).toMatch(/other lines were imported/);
	});

	it('a line without a SKU to match on is named before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'product',
				operation: 'importMany',
				importLines: '[{"product": {"item_name": "x"}}]',
			},
			'Products (JSON) [0].product.item_number',
		);
	});
});
