/** The multipart body the transport sends for `POST /upload` and `POST /import/file`. */
import { multipartBody } from '../../nodes/shared/http';
import { parseMultipart } from '../simulator/uploads';

describe('multipartBody', () => {
	it('keeps the parts in order with their types, and binary bytes unchanged', () => {
		const bytes = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80]);
		const { body, contentType } = multipartBody([
			{ contentType: 'application/json', content: '{"destination":"/a.jpg"}' },
			{ contentType: 'image/jpeg', content: bytes },
		]);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=n8n-boundary-[0-9a-f]{32}$/);
		const parts = parseMultipart(contentType, body)!;
		expect(parts.map((part) => part.headers['content-type'])).toEqual([
			'application/json',
			'image/jpeg',
		]);
		// docs/uploading_files.md: a bare "form-data" disposition on both parts.
		expect(parts.map((part) => part.headers['content-disposition'])).toEqual([
			'form-data',
			'form-data',
		]);
		expect(parts[0].content.toString()).toBe('{"destination":"/a.jpg"}');
		expect(parts[1].content.equals(bytes)).toBe(true);
	});

	it('header values cannot inject header lines', () => {
		const { body } = multipartBody([{ contentType: 'text/plain\r\nX-Evil: 1', content: 'x' }]);
		expect(body.toString()).not.toMatch(/\r\nX-Evil/);
	});

	it('chooses a new boundary for every body', () => {
		const a = multipartBody([{ contentType: 'text/plain', content: 'x' }]).contentType;
		const b = multipartBody([{ contentType: 'text/plain', content: 'x' }]).contentType;
		expect(a).not.toBe(b);
	});
});
