/**
 * Extracts every route (method + path template) of Cart.com's first-party OpenAPI file into
 * test/fixtures/acapi-routes.json, which test/actions/apiCoverage.test.ts compares with the node:
 *
 *   npx ts-node --transpile-only scripts/acapi-routes.ts path/to/acapi.yaml [--commit <sha>]
 *
 * acapi.yaml is AmeriCommerce/rest-api's file (https://github.com/AmeriCommerce/rest-api). Only its
 * `paths:` section is read, by a small reader of the file's own layout (paths two spaces in, methods
 * four), so no YAML library is needed; the reader refuses anything else it meets there rather than
 * guess. The output records the file's sha256, so a changed file shows in the diff.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ACAPI_ROUTES_FILE = join(__dirname, '..', 'test', 'fixtures', 'acapi-routes.json');

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
/** Keys of a path item that are not operations (OpenAPI 3.1 "Path Item Object"). */
const PATH_ITEM_KEYS = new Set(['parameters', 'summary', 'description', 'servers', '$ref']);

export interface AcapiRoute {
	method: string;
	path: string;
	operationId?: string;
	summary?: string;
}

export interface AcapiRoutes {
	source: { repository: string; file: string; commit?: string; sha256: string };
	generatedBy: string;
	routes: AcapiRoute[];
}

/** A YAML scalar as the file writes it: plain, 'single' or "double" quoted. */
function scalar(text: string): string {
	const value = text.trim();
	if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
	if (value.startsWith('"') && value.endsWith('"')) return JSON.parse(value) as string;
	return value;
}

/** The routes of the `paths:` section, in file order. */
export function extractRoutes(yaml: string): AcapiRoute[] {
	const lines = yaml.split(/\r?\n/);
	const start = lines.findIndex((line) => line === 'paths:');
	if (start < 0) throw new Error('acapi.yaml has no top-level "paths:"');
	const routes: AcapiRoute[] = [];
	let path: string | undefined;
	let current: AcapiRoute | undefined;
	for (let index = start + 1; index < lines.length; index++) {
		const line = lines[index];
		if (/^\S/.test(line)) break; // the next top-level key ends the section
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		const pathKey = /^ {2}(\S.*):\s*$/.exec(line);
		if (pathKey) {
			path = scalar(pathKey[1]);
			if (!path.startsWith('/')) throw new Error(`line ${index + 1}: not a path: ${path}`);
			current = undefined;
			continue;
		}
		const itemKey = /^ {4}([^\s:]+):/.exec(line);
		if (itemKey) {
			if (!path) throw new Error(`line ${index + 1}: a key before any path`);
			const key = itemKey[1];
			if (METHODS.has(key)) {
				current = { method: key.toUpperCase(), path };
				routes.push(current);
			} else if (PATH_ITEM_KEYS.has(key)) current = undefined;
			else throw new Error(`line ${index + 1}: unknown key "${key}" under ${path}`);
			continue;
		}
		const field = /^ {6}(operationId|summary):\s*(.+)$/.exec(line);
		if (field && current) current[field[1] as 'operationId' | 'summary'] = scalar(field[2]);
	}
	return routes;
}

export function acapiRoutes(yaml: string, commit?: string): AcapiRoutes {
	return {
		source: {
			repository: 'https://github.com/AmeriCommerce/rest-api',
			file: 'acapi.yaml',
			...(commit ? { commit } : {}),
			sha256: createHash('sha256').update(yaml).digest('hex'),
		},
		generatedBy: 'npx ts-node --transpile-only scripts/acapi-routes.ts <acapi.yaml> --commit <sha>',
		routes: extractRoutes(yaml),
	};
}

if (require.main === module) {
	const [file, ...rest] = process.argv.slice(2);
	if (!file) throw new Error('usage: scripts/acapi-routes.ts <acapi.yaml> [--commit <sha>]');
	const commitAt = rest.indexOf('--commit');
	const commit = commitAt >= 0 ? rest[commitAt + 1] : undefined;
	const result = acapiRoutes(readFileSync(file, 'utf8'), commit);
	writeFileSync(ACAPI_ROUTES_FILE, `${JSON.stringify(result, null, '\t')}\n`);
	console.log(`${result.routes.length} routes from ${file} → ${ACAPI_ROUTES_FILE}`);
}
