/**
 * Prints the README's operation tables from the nodes themselves, so the README cannot drift from
 * the code: `npx ts-node --transpile-only scripts/operations-table.ts [--write]`.
 * test/readme.test.ts fails when README.md holds different tables.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RESOURCES } from '../nodes/CartCom/actions/resources';
import { coverage, readAcapi, servedByKind, type Documented } from './api-coverage';
import { operationRows } from '../nodes/CartRover/actions/resources';
import { ANSWER_EVENTS, NOTIFY_EVENTS } from '../nodes/CartCom/webhook/events';

interface Table {
	start: string;
	end: string;
	render: () => string;
}

export function operationsTable(): string {
	const rows = RESOURCES.map(
		(resource) =>
			`| ${resource.name} | ${resource.operations.map((operation) => operation.option.name).join(', ')} |`,
	);
	const operations = RESOURCES.reduce((total, resource) => total + resource.operations.length, 0);
	// The calls come from each operation's declared endpoints, which the tests hold to what it sends.
	const calls = RESOURCES.flatMap((resource) =>
		resource.operations.map(
			(operation) =>
				`| ${resource.name} | ${operation.option.name} | ${operation.endpoints.map((endpoint) => `\`${endpoint.method} ${endpoint.path}\``).join('<br>')} |`,
		),
	);
	return [
		`${RESOURCES.length} resources, ${operations} operations.`,
		'',
		'| Resource | Operations |',
		'|---|---|',
		...rows,
		'',
		'<details><summary>Method and path of every call each operation can make (below <code>/api/v1</code>)</summary>',
		'',
		'| Resource | Operation | Calls |',
		'|---|---|---|',
		...calls,
		'',
		'</details>',
	].join('\n');
}

/** Kinds of documented route, in the order the README lists them. */
const KIND_NAMES: Record<Documented['kind'], string> = {
	'acapi.yaml': 'in acapi.yaml',
	'single record': 'docs only: `GET /{resource}/{id}`',
	filled: 'docs only: `GET /{resource}/{id}/filled`',
	'nested list': 'docs only: `GET /{resource}/{id}/{collection}`',
	'select many': 'docs only: `GET /{resource}/select_many`',
	special: 'docs only: routes of one resource',
};

/** Documented routes against the node's, as test/actions/apiCoverage.test.ts checks them. */
export function apiCoverageTable(): string {
	const result = coverage();
	const { source } = readAcapi();
	const kinds = servedByKind(result);
	const served = [...kinds.values()].reduce((total, kind) => total + kind.served, 0);
	return [
		`The node calls **${served} of ${result.documented.size}** documented Cart.com routes: ${result.acapiCount} in acapi.yaml ` +
			`(${source.repository.replace('https://github.com/', '')}${source.commit ? ` @ ${source.commit.slice(0, 7)}` : ''}, sha256 \`${source.sha256.slice(0, 12)}…\`) ` +
			`and ${result.docsOnlyCount} described only in its docs. The ${result.knownMissing.length} it does not call are listed by name in ` +
			'[`test/fixtures/known-missing-routes.json`](test/fixtures/known-missing-routes.json).',
		'',
		'| Routes | Documented | Called by the node | Not yet |',
		'|---|---|---|---|',
		...(Object.entries(KIND_NAMES) as Array<[Documented['kind'], string]>).flatMap(
			([kind, name]) => {
				const count = kinds.get(kind);
				return count
					? [
							`| ${name} | ${count.documented} | ${count.served} | ${count.documented - count.served} |`,
						]
					: [];
			},
		),
	].join('\n');
}

const LEVEL_NAMES: Record<string, string> = {
	cart: 'Cart',
	merchant: 'Merchant',
	wms: 'Warehouse',
};

/** One row per CartRover call an operation makes (a Create that re-reads lists both calls). */
export function cartRoverOperationsTable(): string {
	const rows = operationRows();
	const operations = new Set(rows.map((row) => `${row.resource}/${row.operation}`));
	const resources = new Set(rows.map((row) => row.resource));
	return [
		`${resources.size} resources, ${operations.size} operations. Paths are below \`https://api.cartrover.com/v1\`;`,
		'`{level}` is `cart` or `merchant`, as the credential’s API Level.',
		'',
		'| Resource | Operation | Call | API keys |',
		'|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${row.resource} | ${row.operation} | \`${row.method} ${row.path}\` | ${row.levels.map((level) => LEVEL_NAMES[level] ?? level).join(', ')} |`,
		),
	].join('\n');
}

/** The Cart.com Webhook Trigger's events, as its two event parameters offer them. */
export function webhookEventsTable(): string {
	const row = (kind: string, event: (typeof NOTIFY_EVENTS)[number]) =>
		`| ${kind} | ${event.name} | \`${event.value}\` | ${event.description} |`;
	return [
		`${NOTIFY_EVENTS.length} store events, ${ANSWER_EVENTS.length} questions.`,
		'',
		'| Kind | Event | Cart.com `event_type` | When |',
		'|---|---|---|---|',
		...NOTIFY_EVENTS.map((event) => row('store event', event)),
		...ANSWER_EVENTS.map((event) => row('question', event)),
	].join('\n');
}

const TABLES: Table[] = [
	{
		start: '<!-- operations:start (generated by scripts/operations-table.ts) -->',
		end: '<!-- operations:end -->',
		render: operationsTable,
	},
	{
		start: '<!-- api-coverage:start (generated by scripts/operations-table.ts) -->',
		end: '<!-- api-coverage:end -->',
		render: apiCoverageTable,
	},
	{
		start: '<!-- cartrover-operations:start (generated by scripts/operations-table.ts) -->',
		end: '<!-- cartrover-operations:end -->',
		render: cartRoverOperationsTable,
	},
	{
		start: '<!-- webhook-events:start (generated by scripts/operations-table.ts) -->',
		end: '<!-- webhook-events:end -->',
		render: webhookEventsTable,
	},
];

export function withTable(readme: string): string {
	return TABLES.reduce((text, table) => {
		const start = text.indexOf(table.start);
		const end = text.indexOf(table.end);
		if (start < 0 || end < start) throw new Error(`README.md has no markers ${table.start}`);
		return `${text.slice(0, start + table.start.length)}\n${table.render()}\n${text.slice(end)}`;
	}, readme);
}

if (require.main === module) {
	const path = join(__dirname, '..', 'README.md');
	if (process.argv.includes('--write')) writeFileSync(path, withTable(readFileSync(path, 'utf8')));
	else
		console.log(
			`${operationsTable()}\n\n${apiCoverageTable()}\n\n${cartRoverOperationsTable()}\n\n${webhookEventsTable()}`,
		);
}
