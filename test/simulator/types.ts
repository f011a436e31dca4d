/**
 * Public types of the Cart.com API simulator. Other test suites and benchmarks code
 * against these names, so changes here must stay backwards compatible.
 */
import type { DateTime } from 'luxon';
import type { OAuthOptions, SimOAuth } from './oauth';
import type { SimWebhooks, WebhookTimeouts } from './webhooks/types';

/** One stored record: a plain snake_case JSON object with a numeric `id`. */
export type SimRecord = Record<string, unknown>;

export interface RateLimitOptions {
	/** Calls allowed per rolling window (the real API: 5..50 per 10 s by plan). */
	limit: number;
	windowMs: number;
	/** Format of the `Retry-After` header on 429: delay in seconds (default) or an HTTP-date. */
	retryAfter?: 'seconds' | 'http-date';
}

export interface FaultOptions {
	/** Probability of a 500 or 503 (JSON error body) per request. */
	errorRate?: number;
	/** Probability that the socket is destroyed without any response. */
	resetRate?: number;
	/** Probability of a 200 whose body is truncated, invalid JSON. */
	malformedRate?: number;
	/** Probability of a spurious 429 with Retry-After (not counted as a served call). */
	rateLimitRate?: number;
	/**
	 * For POST/PUT/DELETE: apply the write first and THEN return the fault, so that a test can
	 * detect a client that blindly retries a write (writeCount goes up twice).
	 */
	applyWritesBeforeFault?: boolean;
}

export interface ScriptedFault {
	/** Which request the fault applies to; omitted = the next request. `path` is tested against the pathname. */
	match?: { method?: string; path?: RegExp };
	/** HTTP status of the JSON error response (default 500 when neither reset nor malformed is set). */
	status?: number;
	/** Retry-After header value, sent verbatim (default '1' for 429). */
	retryAfter?: string;
	/** Destroy the socket without responding. */
	reset?: boolean;
	/** Respond 200 with a truncated JSON body. */
	malformed?: boolean;
	/** For writes: apply the write (if the request is authorised and valid) before returning the fault. */
	applyWrite?: boolean;
	/**
	 * Answer with exactly this status, body text (none when omitted) and headers: a 204, an empty
	 * 200, `null`, a redirect. With applyWrite the write happens first, as on a store that applied it.
	 */
	respond?: { status: number; body?: string; headers?: Record<string, string> };
}

export interface RecordedRequest {
	method: string;
	/** Pathname as received, e.g. '/api/v1/orders'. */
	path: string;
	/** Exactly the query string received after '?', '' if none. */
	rawQuery: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
	body: unknown;
	/** Status sent; 0 while in flight and for connection resets. */
	status: number;
	/** Wall-clock arrival time (Date.now()), not the simulated clock. */
	at: number;
	/** The caller's TCP port: with `ss -tnp`, which process sent it (queue-mode e2e: main or a worker). */
	remotePort?: number;
}

export interface SeedSizes {
	customers: number;
	/** Maximum addresses per customer: each customer gets 1..addresses of them. */
	addresses: number;
	products: number;
	/** How many of the products have variants (Color x Size and variant_inventory rows). Default ≈ 27% of products. */
	variantProducts: number;
	orders: number;
	/** Maximum line items per order (1..N). */
	maxItemsPerOrder: number;
	categories: number;
	manufacturers: number;
	warehouses: number;
	storeLocations: number;
	giftCertificates: number;
	couponCodes: number;
	webhooks: number;
}

export type RecordsKeyStyle = 'collection' | 'path';

/**
 * How timestamps appear in list responses (they are stored and filtered as instants either way):
 * 'offset' (the documented form, default) `2024-05-14T11:09:20.16-05:00`; 'local' the same without
 * the offset; 'sql' `2024-05-14 11:09:20.16`; 'dotnet' `/Date(1715702960160-0500)/`; 'epoch-ms' and
 * 'epoch-s' numbers (epoch-s truncates to the second).
 */
export type TimestampStyle = 'offset' | 'local' | 'sql' | 'dotnet' | 'epoch-ms' | 'epoch-s';

/**
 * Ways a server could differ from the documented API, to prove clients survive them. All off by
 * default; they apply to list responses (`GET /{res}` and nested lists).
 */
export interface ListQuirks {
	/** Serve page 1 whatever `page` asks for. */
	ignorePage?: boolean;
	/** Send `next_page` on every page, the last one included. */
	endlessNextPage?: boolean;
	/** Ignore every filter param (`field=op:value`); sort, count and page still apply. */
	ignoreFilters?: boolean;
	/** Ignore `sort`: records come in id order. */
	ignoreSort?: boolean;
	/** Timestamp form in list responses (see TimestampStyle). Default 'offset'. */
	timestampStyle?: TimestampStyle;
	/** Fields the timestamp style applies to. Default: created_at and updated_at. */
	timestampFields?: string[];
}

export interface RouterCredentials {
	userName: string;
	userSecret: string;
	siteId: string;
}

export interface SimulatorOptions {
	/** 0 = random free port (default). */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Value expected in X-AC-Auth-Token. Default 'sim-token'. */
	accessToken?: string;
	/** Central API Router credentials. Default {userName:'sim-user', userSecret:'sim-secret', siteId:'1'}. */
	router?: RouterCredentials;
	/** PRNG seed, default 42: data and random faults are deterministic given the seed. */
	seed?: number;
	sizes?: Partial<SeedSizes>;
	/** IANA zone of the timestamps in responses. Default 'America/Chicago'. */
	timeZone?: string;
	/** Simulated clock for created_at/updated_at and the seed anchor. Default DateTime.now. */
	now?: () => DateTime;
	/**
	 * Seed timestamps lie in the ~400 days before this instant (ISO string). Default: the start of
	 * the current day (store zone) of `now()` at start-up, so equal seeds give equal data that day.
	 */
	seedAnchor?: string;
	/** Rolling-window call limit; false disables it (and the X-AC-Call-Limit header). */
	rateLimit?: RateLimitOptions | false;
	/** Delay added before every request is served. Default 0. */
	latencyMs?: number;
	faults?: FaultOptions;
	/** Default 1000; a larger `count` is clamped to it. */
	maxPageSize?: number;
	/**
	 * Records key of the endpoints whose key is unknown (acapi.yaml and its older restapi.json disagree):
	 * 'collection' => order_shipments->shipments, order_addresses->addresses, product_variants->variants,
	 * product_pictures->pictures; 'path' => the path name. order_items->items and order_payments->payments always.
	 */
	recordsKeys?: RecordsKeyStyle;
	/** Whether next_page/previous_page repeat the request's filters. Default false: `?page=N&count=C` only. */
	nextPageKeepsFilters?: boolean;
	/**
	 * How conditions combine across params (see FilterPrecedence in filters.ts). Default 'flat':
	 * the docs' "no parentheses" reading, where `a=eq:1 OR eq:2&b=eq:3` is `a=1 OR (a=2 AND b=3)`.
	 */
	filterPrecedence?: 'flat' | 'per-field';
	/** Whether creating/updating/deleting a shipment bumps the parent order's updated_at. Default true. */
	shipmentBumpsOrder?: boolean;
	/**
	 * A server that matches lookups loosely, to prove a client never lets such an answer decide
	 * which record it writes. 'exact' (default): filters as documented. 'contains': every `eq`
	 * (or bare) filter condition is read as `like` (contains), and /inventory finds SKUs and GTINs
	 * by contains. 'ignored': list filters are ignored (every record comes back) and /inventory
	 * answers with the first variant row for any SKU or GTIN.
	 */
	lookupMatching?: LookupMatching;
	/** Deviations from the documented API (see ListQuirks). Default: none. */
	quirks?: ListQuirks;
	/** Webhook delivery timeouts (default notify 10 s, sync 3 s as documented); lower them in tests only. */
	webhookTimeouts?: Partial<WebhookTimeouts>;
	/** The OAuth web flow's app and token behaviour (oauth.ts; README "OAuth"). */
	oauth?: Partial<OAuthOptions>;
}

export type LookupMatching = 'exact' | 'contains' | 'ignored';

/** Options after defaults; the object is live: tests may change fields at runtime. */
export interface SimulatorSettings {
	readonly port: number;
	readonly host: string;
	readonly seed: number;
	readonly sizes: Readonly<SeedSizes>;
	accessToken: string;
	router: RouterCredentials;
	timeZone: string;
	now: () => DateTime;
	rateLimit: RateLimitOptions | false;
	latencyMs: number;
	faults: FaultOptions;
	maxPageSize: number;
	recordsKeys: RecordsKeyStyle;
	nextPageKeepsFilters: boolean;
	filterPrecedence: 'flat' | 'per-field';
	shipmentBumpsOrder: boolean;
	lookupMatching: LookupMatching;
	quirks: ListQuirks;
}

export interface InventorySettings {
	track_inventory: boolean;
	remove_from_inventory_when: 'Ordered' | 'Shipped';
	out_of_stock_product_status_id: number | null;
	in_stock_product_status_id: number | null;
	back_order_product_status_id: number | null;
	discontinued_product_status_id: number | null;
	product_hide_no_inventory: boolean;
	[extra: string]: unknown;
}

export interface SimStore {
	/** Snapshot copies of all records, in id order. Throws for an unknown resource. */
	list(resource: string): SimRecord[];
	/** Snapshot copy of one record. */
	get(resource: string, id: number): SimRecord | undefined;
	/**
	 * Creates a record: next id (or `fields.id` when free), created_at/updated_at = clock now
	 * unless `fields` sets them explicitly (handy for timestamp ties in tests).
	 */
	create(resource: string, fields: SimRecord): SimRecord;
	/** Partial update; bumps updated_at = clock now unless the patch sets it. Throws if missing. */
	update(resource: string, id: number, patch: SimRecord): SimRecord;
	remove(resource: string, id: number): boolean;
	/** Only bumps updated_at. Throws if missing. */
	touch(resource: string, id: number): SimRecord;
	/** Applied writes (create/update/delete/touch) of one resource, or of all when omitted. */
	writeCount(resource?: string): number;
	/** Number of records. */
	count(resource: string): number;
	/** Names of all tables. */
	resources(): string[];
	/** State behind GET/PUT /inventory/settings. */
	inventorySettings: InventorySettings;
	/** Store-local ISO timestamp of the clock's now (the format written into records). */
	nowTimestamp(): string;
}

export interface Simulator {
	url: string;
	apiBase: string;
	port: number;
	store: SimStore;
	requests: RecordedRequest[];
	options: SimulatorSettings;
	scriptFaults(faults: ScriptedFault[]): void;
	/**
	 * Runs `hook` for every request, after it was recorded and before it is served (latency, auth,
	 * handler). The server awaits it: a hook can hold a request back, or write to the store so that
	 * the write lands between two requests of a client. Returns a function that removes the hook.
	 */
	onRequest(hook: (req: RecordedRequest) => void | Promise<void>): () => void;
	/**
	 * Runs `action` once, just before the first request for which `match` is true is served: e.g.
	 * writes between page 1 and page 2 of one read. Returns a function that cancels it.
	 */
	beforeRequest(
		match: (req: RecordedRequest) => boolean,
		action: (req: RecordedRequest) => void | Promise<void>,
	): () => void;
	clearRequests(): void;
	/** Webhook deliveries and synchronous flows (README "Webhooks"); same as the /_control/webhooks/* routes. */
	webhooks: SimWebhooks;
	/** The OAuth web flow: app settings, issued tokens, counts (oauth.ts). */
	oauth: SimOAuth;
	stop(): Promise<void>;
}
