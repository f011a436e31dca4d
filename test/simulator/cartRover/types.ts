/** Public shapes of the CartRover simulator (see README.md in this folder). */
export type CartRoverLevel = 'cart' | 'merchant' | 'wms';

export type CartRoverStatus = 'new' | 'at_wms' | 'shipped' | 'confirmed' | 'error' | 'canceled';

export type CartRoverErrorCode = 'Invalid' | 'Failure' | 'RateLimit';

export interface CartRoverKeys {
	user: string;
	key: string;
}

export interface CartRoverSimOptions {
	port?: number;
	host?: string;
	/** Defaults: cart-user/cart-key, merchant-user/merchant-key, wms-user/wms-key. */
	keys?: Partial<Record<CartRoverLevel, CartRoverKeys>>;
	/** Seeded orders spread over all statuses, dates in the past. */
	seed?: number;
	orders?: number;
	/** The leaky bucket per API user; default 100 calls, one drained every 600 ms (spec page). */
	bucket?: { capacity: number; leakMs: number } | 'off';
	/** Errors on HTTP 200 (default, as CartRover answers) or with a 4xx status ('http'). */
	errorStatus?: 200 | 'http';
	latencyMs?: number;
	/** Injectable clock for the timestamps it stamps and the seed's dates (not for the bucket). */
	now?: () => Date;
	/** Deviations to prove a client survives them (all off by default). */
	quirks?: {
		/** Lists answer page 1 whatever `page` says. */
		ignorePage?: boolean;
		/** Lists clamp `limit` to this instead of 100. */
		maxLimit?: number;
	};
}

export interface CartRoverShipmentItem {
	item: string;
	quantity: number;
}

export interface CartRoverShipment {
	carrier: string;
	method: string;
	tracking_no: string;
	tracking_url: string;
	/** When the shipment was loaded into CartRover (what `shipped` lists filter on). */
	date: string;
	total_cost: number;
	package_weight_lbs: number;
	items: CartRoverShipmentItem[];
}

export interface CartRoverSimLine {
	line_no: number;
	item: string;
	description: string;
	quantity: number;
	price: number;
	discount: number;
	addl_discount: number;
	tax: number;
	extended_amount: number;
	filtered_sku: 'Y' | 'N';
	line_comment?: string;
	extra_fields?: Record<string, unknown>;
}

/** An order as the simulator stores it; the wire form turns numbers into strings (see wire.ts). */
export interface CartRoverSimOrder {
	record_no: number;
	cust_ref: string;
	cust_po_no: string;
	order_source: string;
	order_number: string;
	order_status: CartRoverStatus;
	order_date: string;
	created_date_time: string;
	updated_date_time: string;
	delivered_to_wms_date: string | null;
	cancel_date: string | null;
	error_reason: string | null;
	confirmed_tracking: string[];
	/** Everything else the client sent (addresses, ship_code, custom fields…), stored as sent. */
	fields: Record<string, unknown>;
	sub_total: number;
	sales_tax: number;
	shipping_handling: number;
	order_discount: number;
	grand_total: number;
	items: CartRoverSimLine[];
	shipments: CartRoverShipment[];
	extra_fields?: Record<string, unknown>;
}

export interface CartRoverRecordedRequest {
	method: string;
	/** Path as received, without the query, e.g. `/v1/cart/orders/A%2B1`. */
	path: string;
	/** The query exactly as sent (before any decoding). */
	rawQuery: string;
	/** The query as the server reads it (form decoding: a literal `+` is a space). */
	query: Record<string, string>;
	body: unknown;
	/** The level of the path (`/v1/{level}/…`), if any. */
	level: CartRoverLevel | undefined;
	/** The API user that signed it, if any (never the key or the Authorization header). */
	apiUser: string | undefined;
	status: number;
	errorCode: CartRoverErrorCode | undefined;
	processId: string;
}

export type AdvanceTarget = 'at_wms' | 'shipped' | 'confirmed' | 'error' | 'canceled';

export interface CartRoverSimulator {
	/** Base for the credential's API URL, e.g. http://127.0.0.1:PORT (no /v1). */
	url: string;
	port: number;
	keys: Record<CartRoverLevel, CartRoverKeys>;
	/** The order source the Cart keys belong to. */
	cartSource: string;
	requests: CartRoverRecordedRequest[];
	clearRequests(): void;
	/** By cust_ref (unique across the merchant's carts in the simulator). */
	orders: Map<string, CartRoverSimOrder>;
	/** The wire form of an order, as GET /merchant/orders/{cust_ref} answers it. */
	orderJson(custRef: string): Record<string, unknown>;
	/** Moves an order along new → at_wms → shipped (adds a shipment with tracking) → confirmed, or to error/canceled, stamping the date that status's list filters on. */
	advance(custRef: string, to: AdvanceTarget, shipment?: Partial<CartRoverShipment>): void;
	/** Runs `action` once, before serving the first request `match` accepts (after it is recorded). */
	beforeRequest(
		match: (request: CartRoverRecordedRequest) => boolean,
		action: (request: CartRoverRecordedRequest) => void | Promise<void>,
	): () => void;
	/** Empties the bucket of every API user (tests). */
	resetBuckets(): void;
	close(): Promise<void>;
}
