/**
 * The layering docs/architecture.md describes, checked on the import lines of every source file:
 * credentials and nodes/shared never reach into a service's folder, and node code outside a
 * service's transport imports it through the transport's index only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The repository-relative targets of a file's relative imports (`import … from './x'`, `export … from`). */
function relativeImports(file: string): string[] {
	const text = readFileSync(join(root, file), 'utf8');
	const specifiers = [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']*|\.{1,2})'/g)].map(
		(match) => match[1],
	);
	return specifiers.map((specifier) =>
		relative(root, resolve(join(root, dirname(file)), specifier)),
	);
}

function violations(
	files: string[],
	isForbidden: (target: string, file: string) => boolean,
): string[] {
	return files.flatMap((file) =>
		relativeImports(file)
			.filter((target) => isForbidden(target, file))
			.map((target) => `${file} → ${target}`),
	);
}

/** Each service's folder under nodes/: its own protocol in transport/, everything else its node code. */
const SERVICES = ['CartCom', 'CartRover'] as const;

describe('source layout', () => {
	const credentials = sourceFiles('credentials');
	const shared = sourceFiles('nodes/shared');

	it('has files to check', () => {
		expect(credentials.length).toBeGreaterThan(2);
		expect(shared.length).toBeGreaterThan(2);
		for (const service of SERVICES)
			expect(sourceFiles(`nodes/${service}`).length).toBeGreaterThan(5);
	});

	it('credentials never import a service: a credential loads no transport', () => {
		expect(
			violations(
				credentials,
				(target) => target.startsWith('nodes/') && !target.startsWith('nodes/shared'),
			),
		).toEqual([]);
	});

	it('nodes/shared stays service-neutral: it imports nothing of a service or its credentials', () => {
		expect(violations(shared, (target) => !target.startsWith('nodes/shared'))).toEqual([]);
	});

	describe.each(SERVICES)('%s', (service) => {
		const root = `nodes/${service}`;
		const transport = `${root}/transport/`;
		const files = sourceFiles(root);
		const outsideTransport = files.filter((file) => !file.startsWith(transport));

		it('node code imports the transport through its index, never a file inside it', () => {
			expect(violations(outsideTransport, (target) => target.startsWith(transport))).toEqual([]);
		});

		it('node code reaches the HTTP loop and credentials only through the transport', () => {
			expect(
				violations(
					outsideTransport,
					(target) => target.startsWith('nodes/shared/http') || target.startsWith('credentials'),
				),
			).toEqual([]);
		});

		it('imports nothing from another service', () => {
			const others = SERVICES.filter((other) => other !== service).map((other) => `nodes/${other}`);
			expect(
				violations(files, (target) => others.some((other) => target.startsWith(other))),
			).toEqual([]);
		});
	});
});
