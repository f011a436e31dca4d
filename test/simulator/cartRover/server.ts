/**
 * HTTP front of the CartRover simulator. Per request: control routes (no auth), record, hooks,
 * latency, then auth (HTTP Basic, the keys' level), the route's level check, the leaky bucket
 * (rate-limited routes only), the handler. Every answer carries `X-CartRover-Process-ID`; rate
 * limited routes also `X-CartRover-Api-Minute-Hits-Remaining` (spec page, "Rate Limit").
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { advanceOrder, formatUtc, orderJson } from './orders';
import { ROUTES, type HandlerResult, type SimState } from './routes';
import { CART_SOURCE, seedData } from './seed';
import type {
	AdvanceTarget,
	CartRoverErrorCode,
	CartRoverKeys,
	CartRoverLevel,
	CartRoverRecordedRequest,
	CartRoverShipment,
	CartRoverSimOptions,
	CartRoverSimulator,
} from './types';

const DEFAULT_KEYS: Record<CartRoverLevel, CartRoverKeys> = {
	cart: { user: 'cart-user', key: 'cart-key' },
	merchant: { user: 'merchant-user', key: 'merchant-key' },
	wms: { user: 'wms-user', key: 'wms-key' },
};
const LEVELS: readonly CartRoverLevel[] = ['cart', 'merchant', 'wms'];
const ADVANCE_TARGETS: readonly AdvanceTarget[] = [
	'at_wms',
	'shipped',
	'confirmed',
	'error',
	'canceled',
];

/** HTTP statuses for `errorStatus: 'http'` (the real API most likely answers 200, reference §1). */
const HTTP_STATUS: Record<CartRoverErrorCode, number> = {
	Invalid: 400,
	Failure: 409,
	RateLimit: 429,
};

const RATE_LIMIT_MESSAGE = 'Over API Limit. Please slow down requests.';

/** A leaky bucket per API user, drained continuously on the wall clock (performance.now). */
class SimBucket {
	private level = 0;
	private at = performance.now();

	constructor(
		private readonly capacity: number,
		private readonly leakMs: number,
	) {}

	/** Takes one call; false when the bucket is full. */
	take(): boolean {
		this.drain();
		if (this.level + 1 > this.capacity) return false;
		this.level += 1;
		return true;
	}

	remaining(): number {
		this.drain();
		return Math.max(0, Math.floor(this.capacity - this.level));
	}

	private drain(): void {
		const now = performance.now();
		this.level = Math.max(0, this.level - (now - this.at) / this.leakMs);
		this.at = now;
	}
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function basicUser(header: string | undefined): { user: string; key: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon < 0 ? undefined : { user: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/** Form decoding, as PHP reads a query: a literal `+` is a space. The last value of a repeated name wins. */
function readQuery(rawQuery: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(rawQuery).entries());
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCartRoverSimulator(
	options: CartRoverSimOptions = {},
): Promise<CartRoverSimulator> {
	const keys: Record<CartRoverLevel, CartRoverKeys> = { ...DEFAULT_KEYS, ...options.keys };
	const clock = options.now ?? (() => new Date());
	const data = seedData(options.seed ?? 42, options.orders ?? 60, clock());
	const state: SimState = {
		data,
		orders: new Map(data.orders.map((order) => [order.cust_ref, order])),
		nextRecordNo: data.orders.length + 1,
		cartSource: CART_SOURCE,
		quirks: { ...options.quirks },
	};
	const bucketSpec = options.bucket ?? { capacity: 100, leakMs: 600 };
	const buckets = new Map<string, SimBucket>();
	const bucketOf = (user: string): SimBucket | undefined => {
		if (bucketSpec === 'off') return undefined;
		let bucket = buckets.get(user);
		if (!bucket) {
			bucket = new SimBucket(bucketSpec.capacity, bucketSpec.leakMs);
			buckets.set(user, bucket);
		}
		return bucket;
	};
	const requests: CartRoverRecordedRequest[] = [];
	const hooks: Array<{
		match: (request: CartRoverRecordedRequest) => boolean;
		action: (request: CartRoverRecordedRequest) => void | Promise<void>;
	}> = [];
	let processCounter = 0;
	const nowText = (): string => formatUtc(clock());

	const advance = (custRef: string, to: AdvanceTarget, shipment?: Partial<CartRoverShipment>) => {
		const order = state.orders.get(custRef);
		if (!order) throw new Error(`No order ${custRef}`);
		if (!ADVANCE_TARGETS.includes(to)) throw new Error(`Unknown status ${String(to)}`);
		advanceOrder(order, to, nowText(), shipment);
	};

	function send(
		res: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string>,
	): void {
		// The Date header follows the injected clock, so a test sees one clock in dates and header.
		res.writeHead(status, {
			'Content-Type': 'application/json',
			Date: clock().toUTCString(),
			...headers,
		});
		res.end(JSON.stringify(body));
	}

	function errorAnswer(errorCode: CartRoverErrorCode, message: string, status?: number) {
		return {
			status: status ?? (options.errorStatus === 'http' ? HTTP_STATUS[errorCode] : 200),
			body: { success_code: false, error_code: errorCode, message },
			errorCode,
		};
	}

	async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
		try {
			if (req.method === 'GET' && path === '/_control/orders') {
				send(
					res,
					200,
					[...state.orders.values()].map((order) => orderJson(order, { listFields: true })),
					{},
				);
				return;
			}
			if (req.method === 'POST' && path === '/_control/advance') {
				const body = JSON.parse((await readBody(req)) || '{}') as {
					cust_ref?: string;
					to?: AdvanceTarget;
					shipment?: Partial<CartRoverShipment>;
				};
				advance(String(body.cust_ref), body.to as AdvanceTarget, body.shipment);
				send(
					res,
					200,
					orderJson(state.orders.get(String(body.cust_ref))!, { listFields: true }),
					{},
				);
				return;
			}
			send(res, 404, { message: 'Unknown control route' }, {});
		} catch (error) {
			send(res, 400, { message: error instanceof Error ? error.message : String(error) }, {});
		}
	}

	/** Auth, level, bucket and handler: the answer for one API request. */
	function answer(
		record: CartRoverRecordedRequest,
		authorization: string | undefined,
		rawPath: string,
		bodyText: string,
	): {
		status: number;
		body: unknown;
		errorCode?: CartRoverErrorCode;
		headers: Record<string, string>;
	} {
		const headers: Record<string, string> = {};
		const match = /^\/v1\/(.*)$/.exec(rawPath);
		const method = record.method;
		if (method !== 'GET' && method !== 'POST')
			return {
				...errorAnswer(
					'Invalid',
					'Only GET and POST are supported',
					options.errorStatus === 'http' ? 405 : undefined,
				),
				headers,
			};
		const routePath = match ? match[1].replace(/\/+$/, '') : undefined;
		const found =
			routePath === undefined
				? undefined
				: ROUTES.map((route) => ({ route, m: route.pattern.exec(routePath) })).find(
						(candidate) => candidate.m && candidate.route.method === method,
					);
		const signer = basicUser(authorization);
		const level = signer
			? LEVELS.find(
					(candidate) => keys[candidate].user === signer.user && keys[candidate].key === signer.key,
				)
			: undefined;
		if (!signer || !level)
			return {
				...errorAnswer(
					'Invalid',
					'Invalid API User or API Key',
					options.errorStatus === 'http' ? 401 : undefined,
				),
				headers,
			};
		record.apiUser = signer.user;
		if (!found || !found.m)
			return {
				...errorAnswer(
					'Invalid',
					`Unknown endpoint: ${method} ${rawPath}`,
					options.errorStatus === 'http' ? 404 : undefined,
				),
				headers,
			};
		const { route } = found;
		if (!route.levels.includes(level))
			return {
				...errorAnswer(
					'Invalid',
					`These API keys are for the ${level} API, not for this endpoint`,
					options.errorStatus === 'http' ? 403 : undefined,
				),
				headers,
			};
		if (route.rateLimited) {
			const bucket = bucketOf(signer.user);
			if (bucket) {
				const allowed = bucket.take();
				headers['X-CartRover-Api-Minute-Hits-Remaining'] = String(bucket.remaining());
				if (!allowed) return { ...errorAnswer('RateLimit', RATE_LIMIT_MESSAGE), headers };
			}
		}
		let body: unknown;
		let bodyInvalid = false;
		if (bodyText.trim() !== '') {
			try {
				body = JSON.parse(bodyText);
			} catch {
				bodyInvalid = true;
			}
		}
		if (bodyInvalid) return { ...errorAnswer('Invalid', 'Body is not valid JSON'), headers };
		const result: HandlerResult = route.handle({
			state,
			level,
			params: found.m.slice(1).map((segment) => decodeURIComponent(segment)),
			query: record.query,
			body,
			bodyInvalid,
			now: nowText(),
		});
		if (result.kind === 'error')
			return { ...errorAnswer(result.errorCode, result.message, result.status), headers };
		if (result.kind === 'top')
			return { status: 200, body: { success_code: true, ...result.fields }, headers };
		return {
			status: 200,
			body:
				result.response === undefined
					? { success_code: true }
					: { success_code: true, response: result.response },
			headers,
		};
	}

	const server = createServer((req, res) => {
		void (async () => {
			const url = req.url ?? '/';
			const queryAt = url.indexOf('?');
			const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
			const rawQuery = queryAt < 0 ? '' : url.slice(queryAt + 1);
			if (rawPath.startsWith('/_control/')) {
				await control(req, res, rawPath);
				return;
			}
			const bodyText = await readBody(req);
			let parsedBody: unknown = bodyText;
			try {
				parsedBody = bodyText ? JSON.parse(bodyText) : undefined;
			} catch {
				// recorded as text
			}
			const levelMatch = /^\/v1\/(cart|merchant|wms)(\/|$)/.exec(rawPath);
			processCounter++;
			const processId = `crsim${processCounter.toString(16).padStart(8, '0')}`;
			const record: CartRoverRecordedRequest = {
				method: req.method ?? 'GET',
				path: rawPath,
				rawQuery,
				query: readQuery(rawQuery),
				body: parsedBody,
				level: levelMatch ? (levelMatch[1] as CartRoverLevel) : undefined,
				apiUser: undefined,
				status: 0,
				errorCode: undefined,
				processId,
			};
			requests.push(record);
			for (const hook of [...hooks]) {
				if (!hook.match(record)) continue;
				hooks.splice(hooks.indexOf(hook), 1);
				await hook.action(record);
			}
			if (options.latencyMs) await sleep(options.latencyMs);
			const result = answer(record, req.headers.authorization, rawPath, bodyText);
			record.status = result.status;
			record.errorCode = result.errorCode;
			send(res, result.status, result.body, {
				...result.headers,
				'X-CartRover-Process-ID': processId,
			});
		})().catch((error: unknown) => {
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(error instanceof Error ? error.message : String(error));
			}
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const host = options.host ?? '127.0.0.1';
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		keys,
		cartSource: CART_SOURCE,
		requests,
		clearRequests: () => {
			requests.length = 0;
		},
		orders: state.orders,
		orderJson: (custRef) => {
			const order = state.orders.get(custRef);
			if (!order) throw new Error(`No order ${custRef}`);
			return orderJson(order);
		},
		advance,
		beforeRequest(match, action) {
			const hook = { match, action };
			hooks.push(hook);
			return () => {
				const index = hooks.indexOf(hook);
				if (index >= 0) hooks.splice(index, 1);
			};
		},
		resetBuckets: () => buckets.clear(),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
