const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons, and each node's codex file
// (X.node.json: categories, search aliases, documentation links; n8n-core's DirectoryLoader reads
// `${nodeFile}on`), from dist/ next to the compiled files.
task('build:icons', copyAssets);

// Both copies finish before the task does (npm pack runs right after the build).
const copy = (from, to) =>
	new Promise((resolve, reject) =>
		src(from, { encoding: false }).pipe(dest(to)).on('finish', resolve).on('error', reject),
	);

function copyAssets() {
	return Promise.all([
		copy(path.resolve('nodes', '**', '*.{png,svg,node.json}'), path.resolve('dist', 'nodes')),
		copy(path.resolve('credentials', '**', '*.{png,svg}'), path.resolve('dist', 'credentials')),
	]);
}
