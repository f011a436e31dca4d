// Checks of scripts/e2e/check-tarball.sh (see there). Arguments: scannerDir packageDir repoDir.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerDir, packageDir, repoDir] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function report(ok, name, details = '') {
	if (ok) passed++;
	else failed++;
	const detailText = !ok && details ? `\n  ${String(details).trim().split('\n').join('\n  ')}` : '';
	console.error(
		`[check-tarball] ${ok ? 'ok' : 'not ok'} ${passed + failed} - ${name}${detailText}`,
	);
}

function listFiles(dir, base = dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
	});
}

const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const files = listFiles(packageDir);

report(/^(@[^/]+\/)?n8n-nodes-/.test(pkg.name), `package name "${pkg.name}" follows n8n-nodes-*`);
report(
	(pkg.keywords ?? []).includes('n8n-community-node-package'),
	'keyword n8n-community-node-package',
);
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});
report(
	runtimeDependencies.length === 0,
	'no runtime dependencies (n8n provides n8n-workflow, luxon and zod)',
	`dependencies: ${runtimeDependencies.join(', ')}`,
);
const peers = Object.keys(pkg.peerDependencies ?? {});
report(
	peers.every((name) => name === 'n8n-workflow'),
	'peerDependencies: n8n-workflow only',
	`peerDependencies: ${peers.join(', ')}`,
);

const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
const missing = declared.filter((file) => !files.includes(file));
report(
	pkg.n8n?.n8nNodesApiVersion === 1 && declared.length > 0 && missing.length === 0,
	`package.json n8n section: ${pkg.n8n?.nodes?.length ?? 0} nodes, ${pkg.n8n?.credentials?.length ?? 0} credentials, all shipped`,
	`missing: ${missing.join(', ')}`,
);

// n8n loads icons relative to the compiled file that names them ("file:cartcom.svg").
const missingIcons = [];
for (const file of declared.filter((f) => files.includes(f))) {
	const source = fs.readFileSync(path.join(packageDir, file), 'utf8');
	for (const [, icon] of source.matchAll(/['"]file:([^'"]+)['"]/g)) {
		if (!files.includes(path.join(path.dirname(file), icon)))
			missingIcons.push(`${file} → ${icon}`);
	}
}
report(
	missingIcons.length === 0,
	'every icon the nodes and credentials name is shipped next to them',
	missingIcons.join('\n'),
);

// n8n reads each node's codex (categories, search aliases, docs links) from `<node file>on`
// (n8n-core DirectoryLoader.getCodex); without it the node panel finds the node by its name only.
const codexProblems = [];
for (const file of pkg.n8n?.nodes ?? []) {
	const codexFile = `${file}on`;
	if (!files.includes(codexFile)) {
		codexProblems.push(`${codexFile} missing`);
		continue;
	}
	const codex = JSON.parse(fs.readFileSync(path.join(packageDir, codexFile), 'utf8'));
	const className = path.basename(file).split('.')[0];
	const nodeName = `${pkg.name}.${className[0].toLowerCase()}${className.slice(1)}`;
	if (codex.node !== nodeName)
		codexProblems.push(`${codexFile}: node "${codex.node}", expected "${nodeName}"`);
	if (!codex.categories?.length) codexProblems.push(`${codexFile}: no categories`);
	if (!codex.alias?.length) codexProblems.push(`${codexFile}: no alias`);
	if (!codex.resources?.primaryDocumentation?.[0]?.url)
		codexProblems.push(`${codexFile}: no resources.primaryDocumentation`);
}
report(
	codexProblems.length === 0,
	'every node ships its codex file (X.node.json: node, categories, alias, primaryDocumentation) next to it',
	codexProblems.join('\n'),
);

const unexpected = files.filter(
	(file) => !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(file) && !file.startsWith('dist/'),
);
const sources = files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'));
report(
	unexpected.length === 0 && sources.length === 0,
	`only dist/, package.json, README and LICENSE are shipped (${files.length} files)`,
	[...unexpected, ...sources].join('\n'),
);

const scanner = await import(
	pathToFileURL(
		path.join(
			scannerDir,
			'node_modules',
			'@n8n',
			'scan-community-package',
			'scanner',
			'scanner.mjs',
		),
	).href
);
const scannerPkg = JSON.parse(
	fs.readFileSync(
		path.join(scannerDir, 'node_modules', '@n8n', 'scan-community-package', 'package.json'),
		'utf8',
	),
);
const label = `@n8n/scan-community-package ${scannerPkg.version}`;

const distResult = await scanner.analyzePackage(packageDir, ['**/*.js', 'package.json']);
report(
	distResult.passed,
	`${label} rules on the tarball (**/*.js, package.json): no findings`,
	distResult.details ?? distResult.message,
);

const sourceResult = await scanner.analyzePackage(repoDir, scanner.SOURCE_FILE_PATTERNS);
report(
	sourceResult.passed,
	`${label} rules on the source (${scanner.SOURCE_FILE_PATTERNS.join(', ')}): no findings`,
	sourceResult.details ?? sourceResult.message,
);

console.log(`check-tarball: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
