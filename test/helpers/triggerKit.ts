/**
 * Shared set-up of the Cart.com Trigger suites: a store on a controllable clock in a DST zone, and
 * polls through n8n-core's real PollContext with static data carried between polls.
 */
import { DateTime } from 'luxon';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CartComTrigger } from '../../nodes/CartCom/CartComTrigger.node';
import { startStore, tokenCredentials, type Simulator } from './fixtures';
import { runPoll } from './n8n';
import type { SimRecord, SimulatorOptions } from '../simulator';

/** US Central: -05:00 in summer, -06:00 in winter. 2024-11-03 07:00Z is the fall-back hour. */
export const ZONE = 'America/Chicago';

export class Clock {
	constructor(public ms: number) {}
	readonly now = () => DateTime.fromMillis(this.ms, { zone: 'utc' });
	advance(ms: number): void {
		this.ms += ms;
	}
}

/**
 * A store for trigger tests. It caps pages at 100 records (unless `maxPageSize` says otherwise), so
 * that bulk updates and backlogs of a few hundred records span several pages, as they did when
 * the trigger asked for 100: the keyset paging across pages is what these tests are about. The
 * trigger asks for 1,000 and learns the cap from its first short page.
 */
export async function startTriggerStore(
	clock: Clock,
	options: SimulatorOptions = {},
): Promise<Simulator> {
	return await startStore({
		maxPageSize: 100,
		now: clock.now,
		timeZone: ZONE,
		seedAnchor: '2024-10-01T00:00:00Z',
		...options,
	});
}

export interface PollRun {
	parameters: INodeParameters;
	staticData: IDataObject;
	mode?: WorkflowExecuteMode;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export async function poll(sim: Simulator, run: PollRun): Promise<INodeExecutionData[][] | null> {
	return await runPoll(new CartComTrigger(), {
		parameters: run.parameters,
		credentials: run.credentials ?? tokenCredentials(sim),
		staticData: run.staticData,
		mode: run.mode ?? 'trigger',
	});
}

/** The emitted records (empty for null). */
export const emitted = (result: INodeExecutionData[][] | null): IDataObject[] =>
	result === null ? [] : result[0].map((item) => item.json);

export const instant = (value: unknown): number =>
	DateTime.fromISO(String(value), { setZone: true }).toMillis();

/** A version as the ledger and the node both identify it: id and updated_at as an instant. */
export const versionKeyOf = (record: IDataObject | SimRecord): string =>
	`${String(record.id)}@${instant(record.updated_at)}`;

/** Requests the store answered for a path (e.g. '/api/v1/orders'). */
export const requestsTo = (sim: Simulator, path: string) =>
	sim.requests.filter((request) => request.path === path);

/** The trigger's own part of the workflow static data (n8n keys it by node name). */
export const nodeState = (staticData: IDataObject): IDataObject =>
	(staticData['node:Cart.com Trigger'] ?? {}) as IDataObject;

/** The workflow static data size as n8n would store it. */
export const stateSize = (staticData: IDataObject): number => JSON.stringify(staticData).length;
