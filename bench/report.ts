/**
 * Plain-text tables for the benchmark report. A figure with a target gets PASS or MISS; the
 * benchmark itself always exits 0, because it reports measurements rather than testing.
 */

export type Cell = string | number;

export interface Check {
	what: string;
	measured: string;
	target: string;
	pass: boolean;
}

export interface Section {
	title: string;
	/** Conditions of the measurement (budget, latency, sizes, formula). */
	setup: string[];
	columns: string[];
	rows: Cell[][];
	checks: Check[];
	/** Explanations of the figures, printed under the table. */
	notes?: string[];
}

export const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS  <<<');

export function formatTable(columns: string[], rows: Cell[][]): string {
	const text = rows.map((row) => row.map((cell) => String(cell)));
	const widths = columns.map((column, index) =>
		Math.max(column.length, ...text.map((row) => (row[index] ?? '').length)),
	);
	const isNumeric = (cell: string) => /^[-+]?[\d.,]+\s?(%|s|ms|x|×|KB|MB|B)?$/.test(cell);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, index) => (isNumeric(cell) ? cell.padStart(widths[index]) : cell.padEnd(widths[index]))).join(' | ')} |`;
	return [
		line(columns),
		`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
		...text.map(line),
	].join('\n');
}

export function formatSection(section: Section): string {
	const parts = [
		`## ${section.title}`,
		...section.setup.map((line) => `  ${line}`),
		'',
		formatTable(section.columns, section.rows),
	];
	if (section.checks.length) {
		parts.push(
			'',
			formatTable(
				['check', 'measured', 'target', 'result'],
				section.checks.map((check) => [
					check.what,
					check.measured,
					check.target,
					verdict(check.pass),
				]),
			),
		);
	}
	if (section.notes?.length) parts.push('', ...section.notes.map((note) => `  - ${note}`));
	return parts.join('\n');
}

export function formatSummary(sections: Section[]): string {
	const rows = sections.flatMap((section) =>
		section.checks.map((check) => [
			section.title.split(':')[0],
			check.what,
			check.measured,
			check.target,
			verdict(check.pass),
		]),
	);
	const misses = rows.filter((row) => row[4] !== 'PASS').length;
	return [
		'## Summary',
		formatTable(['scenario', 'check', 'measured', 'target', 'result'], rows),
		'',
		misses === 0
			? `All ${rows.length} targets met.`
			: `${misses} of ${rows.length} targets MISSED (see above).`,
	].join('\n');
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}` : 'n/a');
export const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}x` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
