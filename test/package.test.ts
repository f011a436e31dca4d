import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { credentials: string[]; nodes: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};

/** `dist/nodes/X/Y.node.js` → `nodes/X/Y.node.ts`: what tsc compiles into that file. */
const sourceOf = (distPath: string) =>
	join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe('package.json n8n section', () => {
	it('points at a compiled file for every node and credential we ship', () => {
		const paths = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		expect(paths.filter((path) => !existsSync(sourceOf(path)))).toEqual([]);
		expect(pkg.n8n.nodes.map((path) => path.split('/').pop())).toEqual([
			'CartCom.node.js',
			'CartComTrigger.node.js',
			'CartComWebhookTrigger.node.js',
			'CartRover.node.js',
			'CartRoverTrigger.node.js',
		]);
		expect(pkg.n8n.credentials.map((path) => path.split('/').pop())).toEqual([
			'CartComApi.credentials.js',
			'CartComRouterApi.credentials.js',
			'CartRoverApi.credentials.js',
		]);
	});

	it('has no runtime dependencies and n8n-workflow as the only peer (luxon and zod come from n8n)', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});

describe('examples', () => {
	const examplesDir = join(root, 'examples');
	const examples = readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as {
				id: string;
				nodes: Array<{ credentials?: Record<string, { id: string }> }>;
			},
		}));

	// n8n saves neither the static data nor the executions of a workflow whose id is longer than 16
	// characters (isWorkflowIdValid in n8n's utils): its polling triggers would never keep a cursor.
	it('every workflow and credential id fits the 16 characters n8n keeps state for', () => {
		expect(examples.length).toBeGreaterThan(3);
		const ids = examples.flatMap(({ file, workflow }) => [
			`${file}: ${workflow.id}`,
			...workflow.nodes.flatMap((node) =>
				Object.values(node.credentials ?? {}).map((credential) => `${file}: ${credential.id}`),
			),
		]);
		expect(ids.filter((entry) => entry.split(': ')[1].length > 16)).toEqual([]);
	});
});
