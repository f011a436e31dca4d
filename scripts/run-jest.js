#!/usr/bin/env node
// Runs jest and ends with the plain summary line `N passed, N failed` that CI reads,
// because jest's own summary ("Tests: 3 passed, 3 total") is not in that form.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const summaryFile = path.join(os.tmpdir(), `jest-summary-${process.pid}.json`);
const jestBin = require.resolve('jest/bin/jest');
const result = spawnSync(
	process.execPath,
	[jestBin, '--json', `--outputFile=${summaryFile}`, ...process.argv.slice(2)],
	{
		stdio: 'inherit',
	},
);
let passed = 0;
let failed = 0;
try {
	const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
	passed = summary.numPassedTests;
	failed = summary.numFailedTests + (summary.numRuntimeErrorTestSuites || 0);
	fs.rmSync(summaryFile, { force: true });
} catch {
	failed = Math.max(failed, 1);
}
console.log(`jest: ${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : result.status || 1);
