import { spawnSync } from 'node:child_process';
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
			'CartComOAuthApi.credentials.js',
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

	describe('store replica in Postgres (replicate + backfill)', () => {
		interface ExampleNode {
			name: string;
			type: string;
			parameters: Record<string, unknown> & {
				query?: string;
				options?: { queryReplacement?: string; expand?: string[] };
			};
			credentials?: Record<string, { id: string }>;
		}
		const load = (file: string) =>
			JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as { nodes: ExampleNode[] };
		const replica = load('replicate-store-to-postgres.json').nodes;
		const backfill = load('backfill-store-to-postgres.json').nodes;
		const node = (nodes: ExampleNode[], name: string) => {
			const found = nodes.find((n) => n.name === name);
			if (!found) throw new Error(`no node "${name}"`);
			return found;
		};

		it('the README shows the DDL the backfill runs (Create Tables)', () => {
			const readme = readFileSync(join(root, 'README.md'), 'utf8');
			const section = readme.slice(readme.indexOf('## Store replica in Postgres'));
			const ddl = /```sql\n([\s\S]*?)\n```/.exec(section)?.[1];
			expect(ddl).toBe(node(backfill, 'Create Tables').parameters.query);
		});

		it('both workflows save with the same queries, the record passed as one parameter, never spliced in', () => {
			for (const name of ['Save Order', 'Save Product', 'Save Customer']) {
				const live = node(replica, name);
				expect(node(backfill, name).parameters).toEqual(live.parameters);
				expect(live.parameters.query).not.toContain('{{');
				expect(live.parameters.query).toMatch(/ON CONFLICT \(id\) DO UPDATE/);
				expect(live.parameters.options?.queryReplacement).toBe('={{ [JSON.stringify($json)] }}');
			}
			// An older version never overwrites a newer one; lines and payments follow their order.
			const order = node(replica, 'Save Order').parameters.query ?? '';
			expect(order).toMatch(/EXCLUDED\.updated_at >= t\.updated_at/);
			expect(order).toMatch(/DELETE FROM cartcom_order_items/);
			expect(order).toMatch(/DELETE FROM cartcom_order_payments/);
		});

		it('the replica polls orders, products and customers every minute, raw, and reads each order with its items and payments', () => {
			const triggers = replica.filter((n) => n.type === 'n8n-nodes-cartcom.cartComTrigger');
			expect(
				triggers.map((n) => [n.parameters.event, n.parameters.simplify, n.parameters.pollTimes]),
			).toEqual(
				['orderUpdated', 'productUpdated', 'customerUpdated'].map((event) => [
					event,
					false,
					{ item: [{ mode: 'everyMinute' }] },
				]),
			);
			const get = node(replica, 'Order With Items and Payments').parameters;
			expect([get.operation, get.simplify, get.options?.expand]).toEqual([
				'get',
				false,
				['items', 'payments'],
			]);
			const all = node(backfill, 'All Orders With Items and Payments').parameters;
			expect([all.operation, all.returnAll, all.simplify, all.options?.expand]).toEqual([
				'getAll',
				true,
				false,
				['items', 'payments'],
			]);
			for (const pg of [...replica, ...backfill].filter(
				(n) => n.type === 'n8n-nodes-base.postgres',
			))
				expect(pg.credentials?.postgres?.id).toBe('cartcomReplicaPg');
		});
	});
});

/**
 * What the editor shows before anyone runs the node: the codex file beside each node (n8n-core's
 * DirectoryLoader reads `<node file>on`: categories, search aliases, documentation links), the
 * Docs links, the descriptions and the canvas subtitle.
 */
describe('findability: codex files, documentation links, descriptions, subtitles', () => {
	const { CartCom } =
		require('../nodes/CartCom/CartCom.node') as typeof import('../nodes/CartCom/CartCom.node');
	const { CartComTrigger } =
		require('../nodes/CartCom/CartComTrigger.node') as typeof import('../nodes/CartCom/CartComTrigger.node');
	const { CartComWebhookTrigger } =
		require('../nodes/CartCom/CartComWebhookTrigger.node') as typeof import('../nodes/CartCom/CartComWebhookTrigger.node');
	const { CartRover } =
		require('../nodes/CartRover/CartRover.node') as typeof import('../nodes/CartRover/CartRover.node');
	const { CartRoverTrigger } =
		require('../nodes/CartRover/CartRoverTrigger.node') as typeof import('../nodes/CartRover/CartRoverTrigger.node');
	const { CartComApi } =
		require('../credentials/CartComApi.credentials') as typeof import('../credentials/CartComApi.credentials');
	const { CartComRouterApi } =
		require('../credentials/CartComRouterApi.credentials') as typeof import('../credentials/CartComRouterApi.credentials');
	const { CartRoverApi } =
		require('../credentials/CartRoverApi.credentials') as typeof import('../credentials/CartRoverApi.credentials');

	const fullPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		name: string;
		homepage: string;
		files: string[];
		n8n: { nodes: string[] };
	};
	const nodes = {
		'CartCom.node.js': new CartCom().description,
		'CartComTrigger.node.js': new CartComTrigger().description,
		'CartComWebhookTrigger.node.js': new CartComWebhookTrigger().description,
		'CartRover.node.js': new CartRover().description,
		'CartRoverTrigger.node.js': new CartRoverTrigger().description,
	};
	interface Codex {
		node: string;
		nodeVersion: string;
		codexVersion: string;
		categories: string[];
		alias: string[];
		resources: {
			primaryDocumentation: Array<{ url: string }>;
			credentialDocumentation: Array<{ url: string }>;
		};
	}
	const codexOf = (distPath: string) =>
		JSON.parse(readFileSync(sourceOf(distPath).replace(/\.ts$/, '.json'), 'utf8')) as Codex;

	/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces → '-'. */
	const readmeAnchors = new Set(
		readFileSync(join(root, 'README.md'), 'utf8')
			.split('\n')
			.filter((line) => /^#{1,6} /.test(line))
			.map((line) =>
				line
					.replace(/^#+ /, '')
					.trim()
					.toLowerCase()
					.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
					.replace(/ /g, '-'),
			),
	);
	const pointsIntoReadme = (url: string) => {
		const [page, anchor] = url.split('#');
		return page === fullPkg.homepage && readmeAnchors.has(anchor) ? 'ok' : url;
	};

	it('every node has a codex file with n8n’s fields, category Sales and the names merchants search for', () => {
		for (const distPath of fullPkg.n8n.nodes) {
			const codex = codexOf(distPath);
			const description = nodes[distPath.split('/').pop() as keyof typeof nodes];
			expect([codex.node, codex.nodeVersion, codex.codexVersion]).toEqual([
				`${fullPkg.name}.${description.name}`,
				'1.0',
				'1.0',
			]);
			expect(codex.categories).toEqual(['Sales']);
			const expected = description.name.startsWith('cartRover')
				? ['Extensiv', 'Integration Manager', 'warehouse', '3PL', 'fulfillment', 'order hub']
				: ['AmeriCommerce', 'Spark Pay', 'store', 'order', 'shipment', 'fulfillment'];
			expect(expected.filter((word) => !codex.alias.includes(word))).toEqual([]);
			expect(
				['inventory', 'SKU', 'ecommerce'].filter((word) => !codex.alias.includes(word)),
			).toEqual([]);
			expect(codex.resources.primaryDocumentation.map((doc) => pointsIntoReadme(doc.url))).toEqual([
				'ok',
			]);
			expect(
				codex.resources.credentialDocumentation.map((doc) => pointsIntoReadme(doc.url)),
			).toEqual(['ok']);
		}
	});

	it('the build copies the codex files next to the compiled nodes, and package.json ships them', () => {
		expect(fullPkg.files).toContain('dist/nodes/**/*.node.json');
		const gulpfile = readFileSync(join(root, 'gulpfile.js'), 'utf8');
		expect(gulpfile).toMatch(/nodes', '\*\*', '\*\.\{png,svg,node\.json\}'/);
	});

	// The NDV "Docs" link takes documentationUrl when it starts with http; without it, the codex's
	// primary documentation with "?utm_…" appended (which would break a #fragment), else the npm page.
	it('every node’s and credential’s documentation link is a section of the README on the repository', () => {
		const urls = [
			...Object.values(nodes).map((description) => description.documentationUrl ?? ''),
			new CartComApi().documentationUrl,
			new CartComRouterApi().documentationUrl,
			new CartRoverApi().documentationUrl,
		];
		expect(urls.map(pointsIntoReadme)).toEqual(urls.map(() => 'ok'));
		expect(new Set(urls).size).toBe(urls.length);
	});

	it('an action node and its trigger each say what they do, and differ', () => {
		const { description: action } = nodes['CartCom.node.js'];
		const { description: trigger } = nodes['CartComTrigger.node.js'];
		expect(action).not.toEqual(trigger);
		expect(action).not.toMatch(/^Starts/);
		expect(action).toMatch(/Ship orders/);
		expect(trigger).toMatch(/^Starts a workflow when .* Cart\.com/);
		expect(nodes['CartRover.node.js'].description).not.toMatch(/^Starts/);
		expect(nodes['CartRoverTrigger.node.js'].description).toMatch(/^Starts a workflow when/);
	});

	it('the canvas subtitle shows the dropdown names of the chosen operation and resource', () => {
		const { Workflow } = require('n8n-workflow') as typeof import('n8n-workflow');
		const subtitleFor = (
			description: (typeof nodes)['CartCom.node.js'],
			parameters: Record<string, string | string[]>,
		) => {
			const node = {
				id: 'n',
				name: 'Node',
				type: `${fullPkg.name}.${description.name}`,
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters,
			};
			const workflow = new Workflow({
				nodes: [node],
				connections: {},
				active: false,
				nodeTypes: {
					getByName: () => undefined,
					getByNameAndVersion: () => undefined,
					getKnownTypes: () => ({}),
				} as never,
			});
			return workflow.expression.getSimpleParameterValue(
				node,
				description.subtitle as string,
				'internal',
				{},
			);
		};
		const cartCom = nodes['CartCom.node.js'];
		expect(subtitleFor(cartCom, { resource: 'order', operation: 'createShipment' })).toBe(
			'Create Shipment: Order',
		);
		expect(subtitleFor(cartCom, { resource: 'orderShipment', operation: 'getAll' })).toBe(
			'Get Many: Order Shipment',
		);
		expect(subtitleFor(cartCom, { resource: 'product', operation: 'findBySku' })).toBe(
			'Find by SKU or GTIN: Product',
		);
		expect(subtitleFor(cartCom, { resource: 'somethingNew', operation: 'doIt' })).toBe(
			'doIt: somethingNew',
		);
		expect(
			subtitleFor(nodes['CartRover.node.js'], { resource: 'order', operation: 'create' }),
		).toBe('Create: Order');
		expect(subtitleFor(nodes['CartComTrigger.node.js'], { event: 'orderCreated' })).toBe(
			'Order Created',
		);
		const roverTrigger = nodes['CartRoverTrigger.node.js'];
		const events = (
			roverTrigger.properties.find((p) => p.name === 'events')?.options as Array<{
				name: string;
				value: string;
			}>
		).slice(0, 2);
		expect(subtitleFor(roverTrigger, { events: events.map((e) => e.value) })).toBe(
			events.map((e) => e.name).join(', '),
		);
	});
});

// The codex file `X.node.json` sits beside `X.node.ts`, and Node resolves `.json` before ts-node's
// `.ts`: without `preferTsExts` (tsconfig.json), `npm run bench` and the simulator CLI would load
// the codex instead of the node.
it('ts-node (bench, scripts) loads each node, not its codex file beside it', () => {
	const fullPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const modules = fullPkg.n8n.nodes.map((distPath) =>
		distPath.replace(/^dist\//, './').replace(/\.js$/, ''),
	);
	const script = modules
		.map((module) => `console.log(typeof Object.values(require(${JSON.stringify(module)}))[0]);`)
		.join('');
	const result = spawnSync(
		process.execPath,
		[require.resolve('ts-node/dist/bin'), '--transpile-only', '-e', script],
		{ cwd: root, encoding: 'utf8', env: { ...process.env, TS_NODE_PREFER_TS_EXTS: '' } },
	);
	expect(result.stderr).toBe('');
	expect(result.stdout.trim().split('\n')).toEqual(modules.map(() => 'function'));
}, 60_000);
