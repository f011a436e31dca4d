#!/usr/bin/env node
/**
 * Adds lock entries for unrs-resolver's platform bindings that the npm registry reachable here
 * does not serve (darwin, win32, android, ... builds). `npm install` leaves them out because it
 * cannot fetch their metadata, and `npm ci` then refuses the lock as out of sync. Each entry
 * carries the binding's os/cpu, so npm skips it on other platforms without downloading anything,
 * exactly as with a lock written on a machine that could see them. Run after `npm install`
 * changes the lock: `node scripts/lock-platform-bindings.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));

/** `@unrs/resolver-binding-linux-arm-gnueabihf` → os linux, cpu arm (libc from the suffix). */
function platformOf(name) {
	const [os, cpu, abi] = name.replace('@unrs/resolver-binding-', '').split('-');
	const platform = { os: [os === 'win32' ? 'win32' : os], cpu: [cpu] };
	if (os === 'linux' && abi) platform.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
	return platform;
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
	if (!key.endsWith('node_modules/unrs-resolver') || !entry.optionalDependencies) continue;
	const base = key.slice(0, -'unrs-resolver'.length);
	for (const [name, version] of Object.entries(entry.optionalDependencies)) {
		const bindingKey = `${base}${name}`;
		if (lock.packages[bindingKey] || name.endsWith('wasm32-wasi')) continue;
		lock.packages[bindingKey] = { version, dev: entry.dev, optional: true, ...platformOf(name) };
		added++;
	}
}
// npm keeps lock entries sorted by path.
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
	),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-bindings: ${added} entries added`);
