/**
 * Public types of the simulator's webhook side (Cart.com docs/webhooks.md): deliveries of
 * notify-only events, and the synchronous flows (GetPrice and the generic sync call).
 */

/** How one POST to a subscriber ended. 3xx counts as http_error: redirects are not followed. */
export type DeliveryOutcome = 'delivered' | 'http_error' | 'timeout' | 'network_error';

/** One POST the simulator made to a subscriber (notify, sync or fallback), kept in order of start. */
export interface WebhookDelivery {
	/** Wall-clock start (Date.now()). */
	at: number;
	event_type: string;
	/** Id of the webhook record (a fallback call carries the id of the record whose fallback_url it is). */
	webhook_id: number;
	/** 'notify' (fire-and-forget), 'sync' (answer awaited, 3 s) or 'fallback' (the fallback_url of a sync call). */
	kind: 'notify' | 'sync' | 'fallback';
	url: string;
	/** The JSON payload that was POSTed. */
	body: unknown;
	/** HTTP status answered; 0 when none (timeout, network error). */
	status: number;
	duration_ms: number;
	outcome: DeliveryOutcome;
	/** Answer text (first 64 KiB), '' when none. */
	response: string;
	/** Error message for timeout/network_error. */
	error?: string;
}

/** One item of a GetPrice request (docs/webhooks.md#getprice). */
export interface GetPriceItem {
	item_number: string;
	/** Default 1. */
	quantity?: number;
	/** Default []. */
	variant_ids?: number[];
	/** Default: the variant_inventory row with this item_number, else null. */
	variant_inventory_id?: number | null;
}

export interface GetPriceRequest {
	items: GetPriceItem[];
	/** Default 0. */
	customer_type_id?: number;
	/** Which store's GetPrice subscriptions are asked (store_id equal or unset). Default 1. */
	store_id?: number;
}

export type SyncOutcome = 'answered' | 'ignored' | 'error' | 'fallback';

export interface GetPriceResult {
	/**
	 * answered: the subscriber's valid answer was applied; ignored: failure_type Ignore (or no
	 * subscription) -> store prices; error: failure_type Error (or the fallback failed too);
	 * fallback: the fallback_url's valid answer was applied.
	 */
	outcome: SyncOutcome;
	/** One entry per requested item, in request order ([] when outcome is 'error'). */
	prices: Array<{
		item_number: string;
		/** null when the store knows no product/variant with this item_number. */
		price: number | null;
		source: 'webhook' | 'store' | 'fallback';
	}>;
	elapsed_ms: number;
	/** The subscription asked; null when the store has none. */
	webhook_id: number | null;
	/** Why the failure path was taken, e.g. 'timeout after 3000 ms', 'invalid answer: prices[0].price'. */
	reason?: string;
	/** The POSTs made for this call (sync, then fallback), also in deliveries(). */
	attempts: WebhookDelivery[];
}

export interface SyncResult {
	outcome: SyncOutcome;
	/** Parsed JSON answer of the subscriber (or fallback) that answered; null otherwise. */
	answer: unknown;
	elapsed_ms: number;
	webhook_id: number | null;
	reason?: string;
	attempts: WebhookDelivery[];
}

/** Timeouts (ms). Defaults are the documented/contracted ones; tests may lower them. */
export interface WebhookTimeouts {
	/** Notify-only deliveries. Default 10000. */
	notifyMs: number;
	/** Synchronous events and their fallback_url (docs: 3 s). Default 3000. */
	syncMs: number;
}

/** `sim.webhooks`: the in-process twin of the /_control/webhooks/* routes. */
export interface SimWebhooks {
	/** Live timeouts; change them in tests only. */
	readonly timeouts: WebhookTimeouts;
	/**
	 * Delivers `eventType` for an existing record now (order, product, customer, order_payment,
	 * quote by event) to every matching subscription; resolves when those deliveries ended.
	 * Throws for an unknown/synchronous event type or a missing record.
	 */
	fire(eventType: string, recordId: number): Promise<WebhookDelivery[]>;
	/** Copies of every delivery recorded so far, in order of start. */
	deliveries(): WebhookDelivery[];
	clearDeliveries(): void;
	/** Resolves when no delivery is queued or in flight. */
	idle(): Promise<void>;
	/**
	 * Resolves with the deliveries (finished) that match `predicate` once there are at least `count`
	 * of them; rejects after `timeoutMs` (default 15000).
	 */
	waitForDeliveries(
		predicate: (delivery: WebhookDelivery) => boolean,
		count?: number,
		timeoutMs?: number,
	): Promise<WebhookDelivery[]>;
	/** The synchronous GetPrice flow (see GetPriceResult). */
	getPrice(request: GetPriceRequest): Promise<GetPriceResult>;
	/** Any synchronous event: POSTs `body` to the subscription(s) of `eventType` with the sync timeout. */
	sync(eventType: string, body: unknown, storeId?: number): Promise<SyncResult>;
}
