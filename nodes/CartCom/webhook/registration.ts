/**
 * The webhook methods n8n runs on activation and deactivation (checkExists, create, delete), as
 * n8n's own ShopifyTrigger and WooCommerceTrigger do: one Cart.com webhook record per event, its
 * id kept in static data, and only those records ever deleted.
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	cartComGetMany,
	cartComRequest,
	getConnection,
	isAmbiguousWriteFailure,
	redact,
	type CartComRecord,
	type ConnectionInfo,
} from '../transport';
import { readSettings, settingsKey } from './settings';
import {
	readSubscriptions,
	subscriberUrl,
	writeSubscription,
	type Registration,
	type Subscription,
} from './state';

const PATH = '/webhooks';

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this node');
	return url;
}

/** The connection with the token among its secrets, so no transport error or log shows it. */
async function connectionFor(ctx: IHookFunctions, token: string): Promise<ConnectionInfo> {
	const conn = await getConnection(ctx);
	return { ...conn, secrets: [...conn.secrets, token] };
}

const messageOf = (error: unknown): string =>
	error instanceof Error ? error.message : String(error);

/** A failure's message and, for Cart.com's refusals, its details (they name the field). */
function failureText(error: unknown): string {
	const description = (error as { description?: unknown }).description;
	const details = typeof description === 'string' && description !== '' ? ` (${description})` : '';
	return `${messageOf(error)}${details}.`;
}

const sameId = (record: CartComRecord, id: number) => Number(record.id) === id;

/** Whether a record is the one this node registered: same id, event and URL (with its token). */
function isOurs(record: CartComRecord | undefined, registration: Registration, url: string) {
	return (
		record !== undefined &&
		sameId(record, registration.id) &&
		record.event_type === registration.event &&
		record.url === url
	);
}

async function readRecord(
	ctx: IHookFunctions,
	conn: ConnectionInfo,
	id: number,
): Promise<CartComRecord | undefined> {
	return await cartComRequest.call(
		ctx,
		{ method: 'GET', path: `${PATH}/${id}`, allowNotFound: true },
		conn,
	);
}

/** The records whose URL is exactly `url` (the filter narrows the read; equality is checked here). */
async function findByUrl(
	ctx: IHookFunctions,
	url: string,
	event: string,
): Promise<CartComRecord[]> {
	const records = await cartComGetMany.call(ctx, {
		path: PATH,
		query: { url: `eq:${url}` },
		recordsKey: 'webhooks',
	});
	return records.filter((record) => record.url === url && record.event_type === event);
}

const idsOf = (records: CartComRecord[]) =>
	records.map((record) => Number(record.id)).filter((id) => Number.isInteger(id) && id > 0);

/**
 * Creates one webhook record and returns the ids it made. An answer that leaves open whether the
 * store applied the POST (a reset, a 5xx, no answer in time, an empty 2xx) is settled by reading the
 * store for the URL, which carries this activation's fresh token; the POST is never sent again.
 */
async function createOne(
	ctx: IHookFunctions,
	conn: ConnectionInfo,
	event: string,
	url: string,
	fields: IDataObject,
): Promise<number[] | { failure: string }> {
	let answer: CartComRecord | undefined;
	try {
		answer = await cartComRequest.call(
			ctx,
			{ method: 'POST', path: PATH, body: { event_type: event, url, ...fields } },
			conn,
		);
	} catch (error) {
		if (!isAmbiguousWriteFailure(error)) return { failure: failureText(error) };
		const found = idsOf(await findByUrl(ctx, url, event));
		if (found.length > 0) return found;
		return {
			failure: `${failureText(error)} The store was read again and holds no such subscription, so the request was not sent again.`,
		};
	}
	const id = Number(answer?.id);
	if (answer !== undefined && Number.isInteger(id) && id > 0) return [id];
	const found = idsOf(await findByUrl(ctx, url, event));
	if (found.length > 0) return found;
	return { failure: `Cart.com POST ${PATH} answered without the subscription it created.` };
}

/**
 * Deletes the registrations whose record still carries our URL; a record already gone or changed
 * by someone else is left alone. Returns the registrations that could not be removed.
 */
async function removeRegistrations(
	ctx: IHookFunctions,
	conn: ConnectionInfo,
	webhookUrl: string,
	subscription: Subscription,
): Promise<Registration[]> {
	const left: Registration[] = [];
	for (const registration of subscription.registrations) {
		const url = subscriberUrl(webhookUrl, registration.event, subscription.token);
		try {
			const record = await readRecord(ctx, conn, registration.id);
			if (!isOurs(record, registration, url)) continue;
			await cartComRequest.call(
				ctx,
				{ method: 'DELETE', path: `${PATH}/${registration.id}`, allowNotFound: true },
				conn,
			);
		} catch (error) {
			ctx.logger.warn(
				redact(
					`Cart.com webhook ${registration.id} (${registration.event}) could not be removed: ${messageOf(error)}`,
					conn.secrets,
				),
			);
			left.push(registration);
		}
	}
	return left;
}

const leftoverText = (left: Registration[]) =>
	left.map((registration) => `${registration.id} (${registration.event})`).join(', ');

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	const subscription = readSubscriptions(this)[webhookUrl];
	if (!subscription) return false;
	const settings = readSettings(this);
	const conn = await connectionFor(this, subscription.token);
	if (subscription.settings === settingsKey(settings)) {
		let intact = subscription.registrations.length === settings.events.length;
		for (const registration of subscription.registrations) {
			if (!intact) break;
			const url = subscriberUrl(webhookUrl, registration.event, subscription.token);
			intact = isOurs(await readRecord(this, conn, registration.id), registration, url);
		}
		if (intact) return true;
	}
	// Changed parameters or a registration gone or altered on the store: start over cleanly.
	const left = await removeRegistrations(this, conn, webhookUrl, subscription);
	writeSubscription(
		this,
		webhookUrl,
		left.length > 0 ? { ...subscription, registrations: left } : undefined,
	);
	if (left.length > 0)
		throw new NodeOperationError(
			this.getNode(),
			`The previous Cart.com webhook subscriptions of this trigger could not all be removed: ${leftoverText(left)}`,
			{
				description: 'Activate the workflow again to retry, or delete them in the Cart.com admin.',
			},
		);
	return false;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	const settings = readSettings(this);
	// A fresh secret per activation: a URL seen before (logs, an old subscription) stops working.
	const token = randomBytes(32).toString('hex');
	const conn = await connectionFor(this, token);
	const subscription: Subscription = {
		token,
		settings: settingsKey(settings),
		registrations: [],
	};
	for (const event of settings.events) {
		const url = subscriberUrl(webhookUrl, event, token);
		let outcome: number[] | { failure: string };
		try {
			outcome = await createOne(this, conn, event, url, settings.fields);
		} catch (error) {
			outcome = { failure: failureText(error) };
		}
		if (Array.isArray(outcome)) {
			for (const id of outcome) subscription.registrations.push({ id, event });
			continue;
		}
		// Never leave half a registration: remove what this activation created.
		const created = subscription.registrations.length;
		const left = await removeRegistrations(this, conn, webhookUrl, subscription);
		writeSubscription(
			this,
			webhookUrl,
			left.length > 0 ? { ...subscription, registrations: left } : undefined,
		);
		const cleanUp =
			created === 0
				? 'No subscription of this activation was left on the store.'
				: left.length === 0
					? `The ${created} subscription(s) this activation had already created were removed again.`
					: `These subscriptions could not be removed: ${leftoverText(left)}; delete them in the Cart.com admin.`;
		throw new NodeOperationError(
			this.getNode(),
			redact(`Cart.com did not register the webhook for ${event}`, conn.secrets),
			{
				description: redact(
					`${outcome.failure} ${cleanUp} Managing webhooks needs an API token with the "Perform system tasks" scope.`,
					conn.secrets,
				),
			},
		);
	}
	writeSubscription(this, webhookUrl, subscription);
	return true;
}

export async function deleteSubscriptions(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	const subscription = readSubscriptions(this)[webhookUrl];
	if (!subscription) return true;
	const conn = await connectionFor(this, subscription.token);
	const left = await removeRegistrations(this, conn, webhookUrl, subscription);
	writeSubscription(
		this,
		webhookUrl,
		left.length > 0 ? { ...subscription, registrations: left } : undefined,
	);
	return left.length === 0;
}
