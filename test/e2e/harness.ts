/**
 * Small helpers for the end-to-end run in real n8n: run n8n's CLI and the scripts/n8n toolkit
 * without blocking the event loop (the store simulator runs in this same process and must keep
 * answering n8n's requests), read n8n's sqlite database, and count checks.
 *
 * The environment comes from scripts/n8n/env.sh, sourced by scripts/e2e/run.sh before this runs.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const N8N_SCRIPTS = path.join(REPO_ROOT, 'scripts', 'n8n');

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to completion; never throws for a non-zero exit (callers decide). */
export async function run(
	command: string,
	args: string[],
	timeoutMs = 180_000,
): Promise<CommandResult> {
	const started = Date.now();
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/** Like run(), but a non-zero exit is an error carrying the command's last output lines. */
export async function mustRun(
	command: string,
	args: string[],
	timeoutMs?: number,
): Promise<CommandResult> {
	const result = await run(command, args, timeoutMs);
	if (result.code !== 0) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
		throw new Error(`${path.basename(command)} ${args.join(' ')} exited ${result.code}:\n${tail}`);
	}
	return result;
}

export const n8nScript = (name: string) => path.join(N8N_SCRIPTS, name);

export async function n8nCli(args: string[]): Promise<CommandResult> {
	return await mustRun('n8n', args);
}

/** One item of a node's output in an execution (the `json` part). */
export type ItemJson = Record<string, unknown>;

/** The parts of n8n's IRun (`n8n execute --rawOutput`) the checks read. */
export interface ExecutionRun {
	status?: string;
	data: {
		resultData: {
			error?: { message?: string; description?: string };
			runData: Record<
				string,
				Array<{
					data?: { main?: Array<Array<{ json: ItemJson }> | null> };
					error?: { message?: string };
				}>
			>;
		};
	};
}

/** `n8n execute --id --rawOutput` through scripts/n8n/run-workflow.sh; throws unless it succeeded. */
export async function executeWorkflow(workflowId: string): Promise<ExecutionRun & { ms: number }> {
	const result = await run(n8nScript('run-workflow.sh'), [workflowId]);
	let parsed: ExecutionRun | undefined;
	try {
		parsed = JSON.parse(result.stdout) as ExecutionRun;
	} catch {
		parsed = undefined;
	}
	if (result.code !== 0 || !parsed) {
		const error = parsed?.data?.resultData?.error;
		const detail = error
			? `${error.message ?? ''} ${error.description ?? ''}`
			: result.stderr.split('\n').slice(-20).join('\n');
		throw new Error(`workflow ${workflowId} failed (exit ${result.code}): ${detail}`);
	}
	return { ...parsed, ms: result.ms };
}

/** The items a node put on its first output in the first run of an execution. */
export function nodeItems(execution: ExecutionRun, nodeName: string): ItemJson[] {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run`);
	if (runs[0].error) throw new Error(`node "${nodeName}" failed: ${runs[0].error.message ?? ''}`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/** Rows of a SELECT on n8n's sqlite database, JSON text columns decoded. */
export async function sqlite<T = Record<string, unknown>>(
	sql: string,
	...params: string[]
): Promise<T[]> {
	const dbFile = process.env.N8N_DB_FILE;
	if (!dbFile) throw new Error('N8N_DB_FILE is not set: source scripts/n8n/env.sh first');
	const result = await mustRun(n8nScript('sqlite-query.py'), [
		'--json-cols',
		dbFile,
		sql,
		...params,
	]);
	return JSON.parse(result.stdout) as T[];
}

/**
 * n8n stores execution data in the "flatted" format: a JSON array whose first entry is the root and
 * in which every string value inside an object or array is the index of another entry.
 */
export function unflatten(flatted: string | unknown[]): unknown {
	const entries = (typeof flatted === 'string' ? JSON.parse(flatted) : flatted) as unknown[];
	const built = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (built.has(index)) return built.get(index);
		const entry = entries[index];
		if (entry === null || typeof entry !== 'object') return entry;
		const copy: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		built.set(index, copy);
		for (const [key, value] of Object.entries(entry)) {
			(copy as Record<string, unknown>)[key] =
				typeof value === 'string' ? resolve(Number(value)) : value;
		}
		return copy;
	};
	return resolve(0);
}

export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 60_000,
	intervalMs = 500,
): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export function assertEqual(actual: unknown, expected: unknown, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Counts checks and prints TAP-like lines; the summary line is the one CI reads. */
export class Checks {
	passed = 0;
	failed = 0;
	private readonly timings: string[] = [];

	constructor(private readonly label: string) {}

	/** A check: failures are counted and the run goes on. */
	async check(name: string, body: () => Promise<void> | void): Promise<boolean> {
		const started = Date.now();
		try {
			await body();
			this.passed++;
			this.log(
				`ok ${this.passed + this.failed} - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
			);
			return true;
		} catch (error) {
			this.failed++;
			const message = error instanceof Error ? error.message : String(error);
			this.log(
				`not ok ${this.passed + this.failed} - ${name}\n  ${message.split('\n').join('\n  ')}`,
			);
			return false;
		}
	}

	/** A step the rest depends on: a failure is counted and ends the run. */
	async step(name: string, body: () => Promise<void> | void): Promise<void> {
		if (!(await this.check(name, body))) throw new StopRun(name);
	}

	time(label: string, ms: number): void {
		this.timings.push(`${label}: ${(ms / 1000).toFixed(1)} s`);
	}

	log(line: string): void {
		process.stderr.write(`[e2e ${this.label}] ${line}\n`);
	}

	summary(): string {
		for (const timing of this.timings) this.log(`time ${timing}`);
		return `e2e ${this.label}: ${this.passed} passed, ${this.failed} failed`;
	}
}

export class StopRun extends Error {
	constructor(step: string) {
		super(`stopped after failed step: ${step}`);
	}
}

/** An execution of a workflow as n8n's database keeps it. */
export interface ExecutionRow {
	id: number;
	status: string;
	mode: string;
	data: unknown[] | string;
}

/** A workflow's finished executions (success, error, crashed), oldest first. */
export async function finishedExecutions(workflowId: string): Promise<ExecutionRow[]> {
	return await sqlite<ExecutionRow>(
		'select e.id, e.status, e.mode, d.data from execution_entity e join execution_data d on d.executionId = e.id ' +
			"where e.workflowId = ? and e.status in ('success', 'error', 'crashed') order by e.id",
		workflowId,
	);
}

/** The items a node output in its first run of an execution. */
export function executionItems(row: ExecutionRow, nodeName: string): ItemJson[] {
	const data = unflatten(row.data) as {
		resultData: {
			runData: Record<string, Array<{ data: { main: Array<Array<{ json: ItemJson }>> } }>>;
		};
	};
	const runs = data.resultData.runData[nodeName];
	assert(runs?.length, `node "${nodeName}" did not run in execution ${row.id}`);
	return (runs[0].data.main[0] ?? []).map((item) => item.json);
}
