import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** One Cart.com webhook record this node created. */
export interface Registration {
	id: number;
	event: string;
}

/** What one activation registered for one n8n webhook URL (production and test URLs differ). */
export interface Subscription {
	token: string;
	/** settingsKey() of the parameters registered. */
	settings: string;
	registrations: Registration[];
}

type Subscriptions = Record<string, Subscription>;

const KEY = 'subscriptions';

/**
 * Kept per n8n webhook URL, so a test-URL registration never touches the production one (n8n runs
 * the webhook methods for both, on copies of the same static data).
 */
export function readSubscriptions(ctx: IHookFunctions | IWebhookFunctions): Subscriptions {
	const stored = ctx.getWorkflowStaticData('node')[KEY];
	return typeof stored === 'object' && stored !== null ? (stored as Subscriptions) : {};
}

/** Replaces the top-level key, which is what n8n's static data observer notices and saves. */
export function writeSubscription(
	ctx: IHookFunctions,
	webhookUrl: string,
	subscription: Subscription | undefined,
): void {
	const next: Subscriptions = { ...readSubscriptions(ctx) };
	if (subscription) next[webhookUrl] = subscription;
	else delete next[webhookUrl];
	const data: IDataObject = ctx.getWorkflowStaticData('node');
	data[KEY] = next as unknown as IDataObject;
}

/** The address Cart.com posts to: n8n's webhook URL plus the event and the secret token. */
export function subscriberUrl(webhookUrl: string, event: string, token: string): string {
	const separator = webhookUrl.includes('?') ? '&' : '?';
	return `${webhookUrl}${separator}event=${encodeURIComponent(event)}&token=${token}`;
}
