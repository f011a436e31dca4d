/**
 * One poll of the CartRover Trigger: read the settings, claim the trigger (one poll at a time), read
 * every order listed since the stored cursor within the poll's deadline, save the new state only
 * after every request succeeded, and emit one item per transition. A failed request throws: nothing
 * is emitted, the state is untouched, and the next poll reads the same orders again.
 */
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { collectEmissions, itemOf, type Emission } from './emit';
import { claimPoll, pollDeadline, triggerKeyOf, type PollDeadline } from '../../shared/poll';
import { fetchListPage, httpDateSeconds, readList } from './read';
import { readSettings, type TriggerSettings } from './settings';
import {
	EmittedKeys,
	fingerprint,
	nextState,
	readState,
	startState,
	writeState,
	type TriggerState,
} from './state';
import { transitionsOf } from './transitions';

/** A stored cursor this far ahead of this machine's clock cannot come from CartRover: restart. */
export const MAX_CURSOR_LEAD_SECONDS = 24 * 60 * 60;

/** Fetch Test Event looks this far back, smallest window first, for the newest matching transition. */
export const TEST_EVENT_WINDOWS_SECONDS = [3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400];

const nowSeconds = () => Math.floor(Date.now() / 1000);

function warn(ctx: IPollFunctions, message: string): void {
	ctx.logger.warn(`CartRover Trigger "${ctx.getNode().name}": ${message}`, {
		workflowId: ctx.getWorkflow().id,
	});
}

/**
 * Activation: "now" is CartRover's clock (the answer's Date header), not this machine's, which may
 * run ahead and would skip what CartRover stamps in between; without the header, this machine's.
 * The request reads the look-back window before this machine's now, so transitions stamped in the
 * very second of "now" are marked as seen (history) rather than emitted by the next poll.
 */
async function activate(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	k: string,
	deadline: PollDeadline,
): Promise<TriggerState> {
	const localNow = nowSeconds();
	const page = await deadline.track(
		async () => await fetchListPage(ctx, settings, localNow - settings.lookBackSeconds, 1),
	);
	const now = httpDateSeconds(page.serverDate) ?? localNow;
	const keys = new EmittedKeys({ k, f: now, s: [] });
	await collectEmissions({ ctx, settings, keys, from: now }, page.orders);
	return startState(k, now, keys);
}

/** "Fetch Test Event": the newest matching transition of recent orders; the state is left alone. */
async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][] | null> {
	const selected = new Set<string>(settings.events);
	for (const window of TEST_EVENT_WINDOWS_SECONDS) {
		const { orders } = await fetchListPage(ctx, settings, nowSeconds() - window, 1);
		let best: Emission | undefined;
		for (const [index, order] of orders.entries()) {
			for (const transition of transitionsOf(order)?.transitions ?? []) {
				if (!selected.has(transition.status)) continue;
				if (!best || transition.at > best.transition.at) best = { order, transition, index };
			}
		}
		if (best) return [[itemOf(best)]];
	}
	return null;
}

/** The stored state if it can be used; a cursor far in the future is foreign or corrupt. */
function usableState(ctx: IPollFunctions, state: TriggerState | undefined) {
	if (state && state.f > nowSeconds() + MAX_CURSOR_LEAD_SECONDS) {
		warn(
			ctx,
			'the stored cursor is more than a day ahead of this machine’s clock; starting from now',
		);
		return undefined;
	}
	return state;
}

async function pollOnce(
	ctx: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const k = fingerprint({
		level: settings.level,
		...settings.account,
		orderSource: settings.orderSource,
	});
	const state = usableState(ctx, readState(staticData, k));
	const deadline = pollDeadline(ctx);
	if (!state) {
		writeState(staticData, await activate(ctx, settings, k, deadline));
		return null;
	}
	const read = await readList(ctx, settings, state.f, state.p ?? 1, deadline);
	const keys = new EmittedKeys(state);
	const { emissions, newest } = await collectEmissions(
		{ ctx, settings, keys, from: state.f, deadline },
		read.orders,
	);
	const next = nextState(state, keys, { ...read, newest }, settings.lookBackSeconds);
	// Saved only now, after every request succeeded; unchanged state is not rewritten (n8n then
	// has nothing to store for this poll).
	if (JSON.stringify(next) !== JSON.stringify(state)) writeState(staticData, next);
	return emissions.length === 0 ? null : [emissions.map(itemOf)];
}

export async function pollCartRover(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = await readSettings(this);
	if (this.getMode() === 'manual') return await fetchTestEvent(this, settings);
	const release = claimPoll(triggerKeyOf(this));
	if (!release) {
		this.logger.info(
			`CartRover Trigger "${this.getNode().name}": the previous poll is still running; this one is skipped`,
		);
		return null;
	}
	try {
		return await pollOnce(this, settings);
	} finally {
		release();
	}
}
