/**
 * Webhook engine: keeps a cache of the deliverable subscriptions, turns store changes into the
 * documented notify events (docs/webhooks.md) and delivers them after the API answer, and runs
 * the synchronous flows (GetPrice, generic sync) with the 3 s deadline and the failure_type.
 */
import { copyRecord, type MemoryStore, type StoreChangeListener } from '../store';
import type { SimRecord } from '../types';
import { type Inflight, isReservedHost, postJson } from './deliver';
import { EVENT_TYPES, NOTIFY_EVENT_SET, recordTableOf, SYNC_EVENT_SET } from './events';
import type {
	GetPriceRequest,
	GetPriceResult,
	SimWebhooks,
	SyncOutcome,
	SyncResult,
	WebhookDelivery,
	WebhookTimeouts,
} from './types';

/** A control-route error: status and message for the caller. */
export class WebhookControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

interface Subscription {
	id: number;
	event_type: string;
	url: string;
	store_id: number | null;
	failure_type: string;
	fallback_url: string;
}

interface PendingEvent {
	eventType: string;
	body: unknown;
}

/** Events each table's changes can raise: a table is watched only while one of them is subscribed. */
const TABLE_EVENTS: Record<string, string[]> = {
	orders: [
		'NewOrder',
		'NewValidOrder',
		'OrderPlaced',
		'OrderUpdated',
		'OrderStatusChanged',
		'OrderShipped',
		'OrderCanceled',
		'OrderDeclined',
	],
	products: ['ProductCreated', 'ProductUpdated', 'ProductStatusChanged'],
	variant_inventory: ['ProductStatusChanged'],
	customers: ['CustomerCreated', 'CustomerUpdated', 'CustomerEmailUpdated'],
};

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const positiveId = (value: unknown): number | null =>
	typeof value === 'number' && value > 0 ? value : null;

export class WebhookEngine implements SimWebhooks, StoreChangeListener {
	readonly timeouts: WebhookTimeouts;
	private subs: Map<string, Subscription[]> | null = null;
	private watched = new Set<string>();
	private readonly log: WebhookDelivery[] = [];
	private readonly pending = new Set<Promise<void>>();
	private readonly inflight: Inflight = new Set();
	private readonly waiters = new Set<() => void>();
	private stopped = false;

	constructor(
		private readonly store: MemoryStore,
		timeouts: Partial<WebhookTimeouts> = {},
	) {
		this.timeouts = { notifyMs: 10_000, syncMs: 3_000, ...timeouts };
		store.changeListener = this;
	}

	// ---- store changes -> notify events ---------------------------------------------------------

	wants(resource: string): boolean {
		if (resource === 'webhooks') return true;
		this.subscriptions();
		return this.watched.has(resource);
	}

	changed(resource: string, record: SimRecord, previous: SimRecord | undefined): void {
		if (resource === 'webhooks') {
			this.subs = null;
			return;
		}
		if (this.stopped) return;
		const events = this.eventsFor(resource, record, previous);
		const jobs: Array<{ sub: Subscription; event: PendingEvent }> = [];
		for (const event of events) {
			for (const sub of this.matching(event.eventType, record)) jobs.push({ sub, event });
		}
		if (jobs.length === 0) return;
		// After the API answer: the handler is synchronous and the server writes its answer in this tick.
		const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
			if (this.stopped) return;
			await Promise.all(
				jobs.map(({ sub, event }) =>
					this.deliver(sub, event.eventType, 'notify', sub.url, event.body, this.timeouts.notifyMs),
				),
			);
		});
		this.track(run);
	}

	private eventsFor(
		resource: string,
		live: SimRecord,
		previous: SimRecord | undefined,
	): PendingEvent[] {
		const created = previous === undefined;
		const changedField = (field: string): boolean =>
			!created && field in previous && previous[field] !== live[field];
		// One snapshot per change: later writes must not alter what this change delivers.
		const record = copyRecord(live);
		const events: PendingEvent[] = [];
		const add = (eventType: string, body: () => unknown): void => {
			if (this.subs?.has(eventType)) events.push({ eventType, body: body() });
		};
		if (resource === 'orders') {
			const order = { order: record };
			if (created) {
				const status = this.orderStatus(record.order_status_id);
				add('NewOrder', () => order);
				if (!status?.is_cancelled && !status?.is_declined) add('NewValidOrder', () => order);
				add('OrderPlaced', () => order);
				return events;
			}
			add('OrderUpdated', () => order);
			if (changedField('order_status_id')) {
				const status = this.orderStatus(record.order_status_id);
				add('OrderStatusChanged', () => ({
					order: record,
					old_status: this.orderStatus(previous?.order_status_id) ?? null,
					new_status: status ?? null,
				}));
				if (status?.is_shipped) add('OrderShipped', () => order);
				if (status?.is_cancelled) add('OrderCanceled', () => order);
				if (status?.is_declined) add('OrderDeclined', () => order);
			}
		} else if (resource === 'products') {
			add(created ? 'ProductCreated' : 'ProductUpdated', () => ({ product: record }));
			if (changedField('product_status_id'))
				add('ProductStatusChanged', () => ({ item: this.statusItem(record, null) }));
		} else if (resource === 'variant_inventory') {
			if (changedField('product_status_id')) {
				const product = this.store.raw('products', record.product_id as number);
				if (product)
					add('ProductStatusChanged', () => ({
						item: this.statusItem(copyRecord(product), record),
					}));
			}
		} else if (resource === 'customers') {
			add(created ? 'CustomerCreated' : 'CustomerUpdated', () => ({ customer: record }));
			if (changedField('email'))
				add('CustomerEmailUpdated', () => ({
					old_email: previous?.email ?? null,
					new_email: record.email ?? null,
					customer: record,
				}));
		}
		return events;
	}

	private orderStatus(id: unknown): SimRecord | undefined {
		const status = typeof id === 'number' ? this.store.raw('order_statuses', id) : undefined;
		return status ? copyRecord(status) : undefined;
	}

	/** The documented ProductStatusChanged `item`. */
	private statusItem(product: SimRecord, row: SimRecord | null): SimRecord {
		const source = row ?? product;
		const statusId = source.product_status_id;
		const status =
			typeof statusId === 'number' ? this.store.raw('product_statuses', statusId) : undefined;
		return {
			product_id: product.id,
			variant_inventory_id: row ? row.id : null,
			product_status_id: statusId ?? null,
			product,
			variant_inventory: row,
			product_status: status ? copyRecord(status) : null,
			inventory: row ? (row.inventory ?? null) : (product.quantity_on_hand ?? null),
			item_number: source.item_number ?? null,
			manufacturer_item_number: row
				? (row.manufacturer_item_number ?? null)
				: (product.manufacturer_part_number ?? null),
		};
	}

	// ---- subscriptions --------------------------------------------------------------------------

	/** Deliverable subscriptions by event type (rebuilt after any webhooks write). */
	private subscriptions(): Map<string, Subscription[]> {
		if (this.subs) return this.subs;
		const subs = new Map<string, Subscription[]>();
		for (const row of this.store.rows('webhooks')) {
			const eventType = row.event_type;
			const url = row.url;
			if (typeof eventType !== 'string' || !EVENT_TYPES.has(eventType)) continue;
			if (typeof url !== 'string' || url === '' || isReservedHost(url)) continue;
			const list = subs.get(eventType) ?? [];
			list.push({
				id: row.id as number,
				event_type: eventType,
				url,
				store_id: positiveId(row.store_id),
				failure_type: typeof row.failure_type === 'string' ? row.failure_type : 'Ignore',
				fallback_url: typeof row.fallback_url === 'string' ? row.fallback_url : '',
			});
			subs.set(eventType, list);
		}
		this.watched = new Set(
			Object.keys(TABLE_EVENTS).filter((table) => TABLE_EVENTS[table].some((e) => subs.has(e))),
		);
		this.subs = subs;
		return subs;
	}

	/** Subscriptions of `eventType` for the record's store; a record without store_id is in every store. */
	private matching(eventType: string, record: SimRecord): Subscription[] {
		const list = this.subscriptions().get(eventType);
		if (!list) return [];
		const storeId = positiveId(record.store_id);
		return list.filter(
			(sub) => sub.store_id === null || storeId === null || sub.store_id === storeId,
		);
	}

	// ---- deliveries -----------------------------------------------------------------------------

	private track(run: Promise<void>): void {
		const tracked = run.catch(() => undefined).finally(() => this.pending.delete(tracked));
		this.pending.add(tracked);
	}

	private async deliver(
		sub: Subscription,
		eventType: string,
		kind: WebhookDelivery['kind'],
		url: string,
		body: unknown,
		timeoutMs: number,
	): Promise<WebhookDelivery> {
		const at = Date.now();
		const result = await postJson(url, body, timeoutMs, this.inflight);
		const delivery: WebhookDelivery = {
			at,
			event_type: eventType,
			webhook_id: sub.id,
			kind,
			url,
			body,
			status: result.status,
			duration_ms: result.duration_ms,
			outcome: result.outcome,
			response: result.response,
			...(result.error === undefined ? {} : { error: result.error }),
		};
		this.log.push(delivery);
		for (const waiter of [...this.waiters]) waiter();
		return delivery;
	}

	async fire(eventType: string, recordId: number): Promise<WebhookDelivery[]> {
		if (!NOTIFY_EVENT_SET.has(eventType)) {
			throw new WebhookControlError(
				400,
				SYNC_EVENT_SET.has(eventType)
					? `${eventType} is a synchronous event: use get_price or sync`
					: `event_type ${JSON.stringify(eventType)} is not a documented webhook type`,
			);
		}
		const target = recordTableOf(eventType)!;
		const live = this.store.has(target.table) ? this.store.raw(target.table, recordId) : undefined;
		if (!live) throw new WebhookControlError(404, `${target.table} ${recordId} does not exist`);
		const record = copyRecord(live);
		let body: unknown;
		if (eventType === 'OrderStatusChanged' || eventType === 'QuoteStatusChanged') {
			body = {
				[target.key]: record,
				old_status: this.orderStatus(record.previous_order_status_id) ?? null,
				new_status: this.orderStatus(record.order_status_id) ?? null,
			};
		} else if (eventType === 'CustomerEmailUpdated') {
			// The previous address is not stored: both carry the current one.
			body = { old_email: record.email ?? null, new_email: record.email ?? null, customer: record };
		} else if (eventType === 'ProductStatusChanged') {
			body = { item: this.statusItem(record, null) };
		} else {
			body = { [target.key]: record };
		}
		const run = Promise.all(
			this.matching(eventType, record).map((sub) =>
				this.deliver(sub, eventType, 'notify', sub.url, body, this.timeouts.notifyMs),
			),
		);
		this.track(run.then(() => undefined));
		return (await run).map((delivery) => structuredClone(delivery));
	}

	deliveries(): WebhookDelivery[] {
		return this.log.map((delivery) => structuredClone(delivery));
	}

	clearDeliveries(): void {
		this.log.length = 0;
	}

	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	waitForDeliveries(
		predicate: (delivery: WebhookDelivery) => boolean,
		count = 1,
		timeoutMs = 15_000,
	): Promise<WebhookDelivery[]> {
		return new Promise((resolve, reject) => {
			const check = (): boolean => {
				const found = this.log.filter(predicate);
				if (found.length < count) return false;
				cleanup();
				resolve(found.map((delivery) => structuredClone(delivery)));
				return true;
			};
			const timer = setTimeout(() => {
				cleanup();
				const seen = this.log.map((d) => `${d.event_type}->${d.url} ${d.outcome}`).join('; ');
				reject(
					new Error(
						`waited ${timeoutMs} ms for ${count} matching deliveries; seen: ${seen || 'none'}`,
					),
				);
			}, timeoutMs);
			const cleanup = (): void => {
				clearTimeout(timer);
				this.waiters.delete(waiter);
			};
			const waiter = (): void => {
				check();
			};
			this.waiters.add(waiter);
			check();
		});
	}

	// ---- synchronous flows ----------------------------------------------------------------------

	/**
	 * One synchronous call: the store's oldest subscription of `eventType` (Cart.com does not say
	 * what happens with several), the sync deadline, then the failure_type on a missing, late,
	 * failed or invalid answer; Fallback asks fallback_url under the same deadline.
	 */
	private async callSync<T>(
		eventType: string,
		body: unknown,
		storeId: number,
		parse: (answer: unknown) => Parsed<T>,
	): Promise<{
		outcome: SyncOutcome;
		value: T | null;
		answer: unknown;
		webhook_id: number | null;
		reason?: string;
		attempts: WebhookDelivery[];
	}> {
		const sub = this.subscriptions()
			.get(eventType)
			?.find((candidate) => candidate.store_id === null || candidate.store_id === storeId);
		if (!sub) {
			return {
				outcome: 'ignored',
				value: null,
				answer: null,
				webhook_id: null,
				reason: `no ${eventType} subscription for store ${storeId}`,
				attempts: [],
			};
		}
		const attempts: WebhookDelivery[] = [];
		const ask = async (
			kind: 'sync' | 'fallback',
			url: string,
		): Promise<{ parsed: Parsed<T>; answer: unknown }> => {
			const delivery = await this.deliver(sub, eventType, kind, url, body, this.timeouts.syncMs);
			attempts.push(structuredClone(delivery));
			if (delivery.outcome !== 'delivered') {
				const detail = delivery.error ?? `HTTP ${delivery.status}`;
				return {
					parsed: { ok: false, reason: `${kind}: ${delivery.outcome} (${detail})` },
					answer: null,
				};
			}
			let answer: unknown;
			try {
				answer = JSON.parse(delivery.response);
			} catch {
				return { parsed: { ok: false, reason: `${kind}: the answer is not JSON` }, answer: null };
			}
			const parsed = parse(answer);
			return {
				parsed: parsed.ok
					? parsed
					: { ok: false, reason: `${kind}: invalid answer: ${parsed.reason}` },
				answer,
			};
		};
		const first = await ask('sync', sub.url);
		const base = { webhook_id: sub.id, attempts };
		if (first.parsed.ok)
			return { ...base, outcome: 'answered', value: first.parsed.value, answer: first.answer };
		const reason = first.parsed.reason;
		if (sub.failure_type === 'Error')
			return { ...base, outcome: 'error', value: null, answer: null, reason };
		if (sub.failure_type === 'Fallback') {
			if (!sub.fallback_url) {
				return {
					...base,
					outcome: 'error',
					value: null,
					answer: null,
					reason: `${reason}; no fallback_url`,
				};
			}
			const second = await ask('fallback', sub.fallback_url);
			if (second.parsed.ok)
				return {
					...base,
					outcome: 'fallback',
					value: second.parsed.value,
					answer: second.answer,
					reason,
				};
			return {
				...base,
				outcome: 'error',
				value: null,
				answer: null,
				reason: `${reason}; ${second.parsed.reason}`,
			};
		}
		return { ...base, outcome: 'ignored', value: null, answer: null, reason };
	}

	async sync(eventType: string, body: unknown, storeId = 1): Promise<SyncResult> {
		if (!SYNC_EVENT_SET.has(eventType)) {
			throw new WebhookControlError(
				400,
				`event_type ${JSON.stringify(eventType)} is not a synchronous webhook type`,
			);
		}
		const started = Date.now();
		const result = await this.callSync(eventType, body, storeId, (answer) =>
			answer !== null && typeof answer === 'object' && !Array.isArray(answer)
				? { ok: true, value: answer }
				: { ok: false, reason: 'not a JSON object' },
		);
		return {
			outcome: result.outcome,
			answer: result.answer,
			elapsed_ms: Date.now() - started,
			webhook_id: result.webhook_id,
			...(result.reason === undefined ? {} : { reason: result.reason }),
			attempts: result.attempts,
		};
	}

	async getPrice(request: GetPriceRequest): Promise<GetPriceResult> {
		const items = checkPriceRequest(request);
		const started = Date.now();
		const body = {
			items: items.map((item) => ({
				item_number: item.item_number,
				quantity: item.quantity ?? 1,
				variant_ids: item.variant_ids ?? [],
				variant_inventory_id:
					item.variant_inventory_id !== undefined
						? item.variant_inventory_id
						: ((this.store.lookup('variant_inventory', 'item_number', item.item_number)[0]?.id as
								| number
								| undefined) ?? null),
			})),
			customer_type_id: request.customer_type_id ?? 0,
		};
		const asked = new Set(items.map((item) => item.item_number));
		const result = await this.callSync('GetPrice', body, request.store_id ?? 1, (answer) =>
			parsePrices(answer, asked),
		);
		const source: 'fallback' | 'webhook' = result.outcome === 'fallback' ? 'fallback' : 'webhook';
		const prices =
			result.outcome === 'error'
				? []
				: items.map((item) => {
						const answered = result.value?.get(item.item_number);
						return answered === undefined
							? {
									item_number: item.item_number,
									price: this.storePrice(item.item_number),
									source: 'store' as const,
								}
							: { item_number: item.item_number, price: answered, source };
					});
		return {
			outcome: result.outcome,
			prices,
			elapsed_ms: Date.now() - started,
			webhook_id: result.webhook_id,
			...(result.reason === undefined ? {} : { reason: result.reason }),
			attempts: result.attempts,
		};
	}

	/** The store's own price: the variant row's price when it has one, else its product's. */
	private storePrice(itemNumber: string): number | null {
		const row = this.store.lookup('variant_inventory', 'item_number', itemNumber)[0];
		if (row && typeof row.price === 'number') return row.price;
		const product = row
			? this.store.raw('products', row.product_id as number)
			: this.store.lookup('products', 'item_number', itemNumber)[0];
		return product && typeof product.price === 'number' ? product.price : null;
	}

	/** Ends in-flight requests; nothing new is delivered afterwards. */
	stop(): void {
		this.stopped = true;
		for (const req of this.inflight) req.destroy(new Error('simulator stopped'));
	}
}

function checkPriceRequest(request: GetPriceRequest): GetPriceRequest['items'] {
	if (
		request === null ||
		typeof request !== 'object' ||
		!Array.isArray(request.items) ||
		request.items.length === 0
	)
		throw new WebhookControlError(400, 'items must be a non-empty array');
	for (const [index, item] of request.items.entries()) {
		if (
			item === null ||
			typeof item !== 'object' ||
			typeof item.item_number !== 'string' ||
			item.item_number === ''
		)
			throw new WebhookControlError(400, `items[${index}].item_number must be a non-empty string`);
		if (item.quantity !== undefined && !(Number.isInteger(item.quantity) && item.quantity > 0))
			throw new WebhookControlError(400, `items[${index}].quantity must be a positive integer`);
	}
	if (request.customer_type_id !== undefined && typeof request.customer_type_id !== 'number')
		throw new WebhookControlError(400, 'customer_type_id must be a number');
	if (request.store_id !== undefined && typeof request.store_id !== 'number')
		throw new WebhookControlError(400, 'store_id must be a number');
	return request.items;
}

/** A JSON number, or a decimal string as JSON.NET would read into a decimal; never negative. */
function priceValue(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
	if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return null;
}

/** `{ prices: [{ item_number, price, ... }] }`; entries for items not asked for are skipped. */
function parsePrices(answer: unknown, asked: ReadonlySet<string>): Parsed<Map<string, number>> {
	if (answer === null || typeof answer !== 'object' || Array.isArray(answer))
		return { ok: false, reason: 'not a JSON object' };
	const prices = (answer as SimRecord).prices;
	if (!Array.isArray(prices)) return { ok: false, reason: 'prices is not an array' };
	const applied = new Map<string, number>();
	for (const [index, entry] of prices.entries()) {
		if (entry === null || typeof entry !== 'object')
			return { ok: false, reason: `prices[${index}] is not an object` };
		const itemNumber = (entry as SimRecord).item_number;
		if (typeof itemNumber !== 'string' || !asked.has(itemNumber)) continue;
		const price = priceValue((entry as SimRecord).price);
		if (price === null)
			return {
				ok: false,
				reason: `prices[${index}].price ${JSON.stringify((entry as SimRecord).price)} is not a non-negative number`,
			};
		if (!applied.has(itemNumber)) applied.set(itemNumber, price);
	}
	return { ok: true, value: applied };
}
