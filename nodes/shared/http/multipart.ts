/**
 * A multipart/form-data body (RFC 7578) built in memory. A Buffer rather than a stream, so that the
 * request loop may send it again where that is safe (a rate-limit refusal, a connection that never
 * opened): a stream would be empty the second time.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartPart {
	/** This part's Content-Type, e.g. `application/json` or the file's MIME type. */
	contentType: string;
	content: Buffer | string;
	/** The form field name; omitted, the part carries a bare `Content-Disposition: form-data`. */
	name?: string;
	/** The file name, for a file part. */
	fileName?: string;
}

export interface MultipartBody {
	body: Buffer;
	/** The request's Content-Type, boundary included. */
	contentType: string;
}

/** Header values must not break the part's header lines, nor its quoted parameters. */
function headerValue(value: string): string {
	return value.replace(/[\r\n"\\]/g, '_');
}

function dispositionOf(part: MultipartPart): string {
	let disposition = 'form-data';
	if (part.name !== undefined) disposition += `; name="${headerValue(part.name)}"`;
	if (part.fileName !== undefined) disposition += `; filename="${headerValue(part.fileName)}"`;
	return disposition;
}

/**
 * The parts in order, each introduced by the boundary, closed by `--boundary--`. The boundary is
 * random and checked against every part's bytes: a file containing it would end the part early.
 */
export function multipartBody(parts: MultipartPart[]): MultipartBody {
	const contents = parts.map((part) =>
		typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content,
	);
	let boundary = '';
	for (let attempt = 0; ; attempt++) {
		boundary = `n8n-boundary-${randomBytes(16).toString('hex')}`;
		if (!contents.some((content) => content.includes(boundary))) break;
		// 128 random bits: a second collision is practically impossible, but never loop unbounded.
		if (attempt >= 3) throw new Error('could not choose a multipart boundary');
	}
	const chunks: Buffer[] = [];
	parts.forEach((part, index) => {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\n` +
					`Content-Type: ${headerValue(part.contentType)}\r\n` +
					`Content-Disposition: ${dispositionOf(part)}\r\n\r\n`,
				'utf8',
			),
			contents[index],
			Buffer.from('\r\n', 'utf8'),
		);
	});
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
