/**
 * `npm run bench`: runs the Cart.com and CartRover nodes through n8n-core against the simulators
 * and prints a report (markdown tables) with PASS/MISS per target. Always exits 0 unless the
 * benchmark itself breaks: a MISS is a finding to read, not a failed test.
 */
import { budgetLabel, parseConfig, type BenchConfig, type ScenarioName } from './config';
import { progress } from './harness';
import { formatSection, formatSummary, type Section } from './report';
import { cartRoverScenario } from './scenarios/cartRover';
import { faultSoakScenario } from './scenarios/faultSoak';
import { httpRequestScenario } from './scenarios/httpRequest';
import { memoryScenario } from './scenarios/memory';
import { queueModeScenario } from './scenarios/queueMode';
import { queueModeN8nScenario } from './scenarios/queueModeN8n';
import { replicaLagScenario } from './scenarios/replicaLag';
import { returnAllScenario } from './scenarios/returnAll';
import { triggerIdleScenario } from './scenarios/triggerIdle';
import { writesScenario } from './scenarios/writes';

const RUNNERS: Record<ScenarioName, (config: BenchConfig) => Promise<Section>> = {
	returnAll: returnAllScenario,
	triggerIdle: triggerIdleScenario,
	writes: writesScenario,
	memory: memoryScenario,
	faults: faultSoakScenario,
	cartRover: cartRoverScenario,
	httpRequest: httpRequestScenario,
	queueMode: queueModeScenario,
	queueModeN8n: queueModeN8nScenario,
	replicaLag: replicaLagScenario,
};

function failedSection(name: ScenarioName, error: unknown): Section {
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
	return {
		title: `${name}: the benchmark itself failed`,
		setup: message.split('\n').slice(0, 6),
		columns: ['scenario'],
		rows: [[name]],
		checks: [{ what: 'scenario ran', measured: 'error', target: 'ran', pass: false }],
	};
}

async function main(): Promise<void> {
	const config = parseConfig(process.argv.slice(2));
	const started = Date.now();
	console.log('# Cart.com n8n nodes: benchmark report');
	console.log(
		`node ${process.version}, ${config.quick ? 'quick' : 'full'} run; budget ${budgetLabel(config.limit, config.windowMs)}, ` +
			`latency ${config.latencyMs} ms; scenarios: ${config.only.join(', ')}\n`,
	);
	const sections: Section[] = [];
	for (const name of config.only) {
		const scenarioStarted = Date.now();
		let section: Section;
		try {
			section = await RUNNERS[name](config);
		} catch (error) {
			section = failedSection(name, error);
		}
		sections.push(section);
		console.log(
			`${formatSection(section)}\n  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s)\n`,
		);
		progress(`${name} done`);
	}
	console.log(formatSummary(sections));
	console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().then(
	// Keep-alive sockets and timers of n8n-core would hold the process open.
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	},
);
