/**
 * Which documented Cart.com routes the Cart.com node calls: acapi.yaml's routes
 * (test/fixtures/acapi-routes.json, from scripts/acapi-routes.ts) plus the docs-only ones
 * (test/fixtures/docsOnlyRoutes.ts), against what every operation declares it sends
 * (OperationModule.endpoints; test/helpers/actionKit.ts holds each test run to them).
 * test/actions/apiCoverage.test.ts fails on any gap not in test/fixtures/known-missing-routes.json,
 * and on any entry there the node now serves: that list can only shrink.
 *
 *   npx ts-node --transpile-only scripts/api-coverage.ts          # the counts and the gaps
 *   npx ts-node --transpile-only scripts/api-coverage.ts --prune  # drop served entries from the list
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { operationEndpoints } from '../nodes/CartCom/actions/resources';
import { DOCS_ONLY_ROUTES, type DocumentedRoute } from '../test/fixtures/docsOnlyRoutes';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
export const KNOWN_MISSING_FILE = join(FIXTURES, 'known-missing-routes.json');

interface AcapiFile {
	source: { repository: string; file: string; commit?: string; sha256: string };
	routes: Array<{ method: string; path: string; summary?: string }>;
}

export interface KnownMissingFile {
	about: string;
	routes: string[];
}

/** `METHOD /path` below /api/v1, the name a route goes by in every list and message. */
export const routeName = (route: { method: string; path: string }) =>
	`${route.method} ${route.path}`;

export function readAcapi(): AcapiFile {
	return JSON.parse(readFileSync(join(FIXTURES, 'acapi-routes.json'), 'utf8')) as AcapiFile;
}

export function readKnownMissing(): KnownMissingFile {
	return JSON.parse(readFileSync(KNOWN_MISSING_FILE, 'utf8')) as KnownMissingFile;
}

export function writeKnownMissing(file: KnownMissingFile) {
	writeFileSync(KNOWN_MISSING_FILE, `${JSON.stringify(file, null, '\t')}\n`);
}

/** Where a documented route comes from, and what kind it is. */
export interface Documented {
	name: string;
	source: string;
	kind: DocumentedRoute['kind'] | 'acapi.yaml';
}

export interface Coverage {
	/** acapi.yaml's routes, then the docs-only ones, by name. */
	documented: Map<string, Documented>;
	acapiCount: number;
	docsOnlyCount: number;
	/** Every route some operation sends, by name, with the operations sending it. */
	served: Map<string, string[]>;
	knownMissing: string[];
	/** Documented, not served, not in the known-missing list: the test fails naming them. */
	unlistedGaps: string[];
	/** In the known-missing list but served now: to delete from the list. */
	nowServed: string[];
	/** In the known-missing list but not documented (a typo or a route gone from the docs). */
	listedUndocumented: string[];
	/** Served but in neither acapi.yaml nor the docs-only list. */
	undocumentedServed: string[];
}

export function coverage(knownMissing = readKnownMissing().routes): Coverage {
	const acapi = readAcapi();
	const documented = new Map<string, Documented>();
	for (const route of acapi.routes)
		documented.set(routeName(route), {
			name: routeName(route),
			source: `acapi.yaml${route.summary ? `, ${route.summary}` : ''}`,
			kind: 'acapi.yaml',
		});
	const acapiCount = documented.size;
	for (const route of DOCS_ONLY_ROUTES)
		if (!documented.has(routeName(route)))
			documented.set(routeName(route), {
				name: routeName(route),
				source: `docs/${route.source}`,
				kind: route.kind,
			});
	const served = new Map<string, string[]>();
	for (const endpoint of operationEndpoints()) {
		const name = routeName(endpoint);
		served.set(name, [...(served.get(name) ?? []), `${endpoint.resource} → ${endpoint.operation}`]);
	}
	const listed = new Set(knownMissing);
	return {
		documented,
		acapiCount,
		docsOnlyCount: documented.size - acapiCount,
		served,
		knownMissing,
		unlistedGaps: [...documented.keys()].filter((name) => !served.has(name) && !listed.has(name)),
		nowServed: knownMissing.filter((name) => served.has(name)),
		listedUndocumented: knownMissing.filter((name) => !documented.has(name)),
		undocumentedServed: [...served.keys()].filter((name) => !documented.has(name)),
	};
}

/** Documented routes the node serves, by kind (acapi.yaml first). */
export function servedByKind(result: Coverage) {
	const kinds = new Map<Documented['kind'], { documented: number; served: number }>();
	for (const route of result.documented.values()) {
		const entry = kinds.get(route.kind) ?? { documented: 0, served: 0 };
		entry.documented++;
		if (result.served.has(route.name)) entry.served++;
		kinds.set(route.kind, entry);
	}
	return kinds;
}

/**
 * Drops the entries the node now serves (and those no longer documented) from the known-missing
 * list; never adds one. Returns the dropped names.
 */
export function pruneKnownMissing(): string[] {
	const file = readKnownMissing();
	const result = coverage(file.routes);
	const drop = new Set([...result.nowServed, ...result.listedUndocumented]);
	if (drop.size > 0)
		writeKnownMissing({ ...file, routes: file.routes.filter((name) => !drop.has(name)) });
	return [...drop];
}

if (require.main === module) {
	if (process.argv.includes('--prune')) {
		const dropped = pruneKnownMissing();
		console.log(
			dropped.length
				? `Removed from known-missing-routes.json:\n${dropped.join('\n')}\nThen: npx ts-node --transpile-only scripts/operations-table.ts --write`
				: 'Nothing to remove.',
		);
	} else {
		const result = coverage();
		const served = [...result.documented.keys()].filter((name) => result.served.has(name)).length;
		console.log(
			`documented ${result.documented.size} (acapi.yaml ${result.acapiCount}, docs only ${result.docsOnlyCount}); served ${served}; known missing ${result.knownMissing.length}`,
		);
		for (const [label, names] of [
			['not served and not in the known-missing list', result.unlistedGaps],
			['served now, remove from the known-missing list', result.nowServed],
			['in the known-missing list but not documented', result.listedUndocumented],
			['served but not documented', result.undocumentedServed],
		] as const)
			if (names.length) console.log(`\n${label}:\n${names.join('\n')}`);
	}
}
