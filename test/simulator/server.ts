/**
 * HTTP front of the simulator. Per request, in this order: record it and run onRequest hooks,
 * wait the latency, scripted fault, (non-API path -> 404), auth (401), rate limit (429), random
 * fault, then the handler. Faults with applyWrite run the handler first and discard its answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime, IANAZone } from 'luxon';
import { authenticate } from './auth';
import { FaultPlanner, MALFORMED_BODY, type PlannedFault } from './faults';
import { errorResponse, notFound, type RequestContext, type SimResponse } from './httpTypes';
import { retryAfterValue, RollingWindowLimiter } from './rateLimit';
import { apiSegments, route } from './router';
import { resolveSizes, seedStore } from './seed';
import { MemoryStore } from './store';
import { learnFieldTypes } from './validation';
import { OAuthServer } from './oauth';
import { handleWebhookControl } from './webhooks/control';
import { WebhookEngine } from './webhooks/engine';
import type {
	RecordedRequest,
	ScriptedFault,
	Simulator,
	SimulatorOptions,
	SimulatorSettings,
} from './types';

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const STATUS_MESSAGES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};
const UNAUTHORIZED = errorResponse(401, 'Unauthorized', 'Invalid or missing access token.');

type RequestHook = (req: RecordedRequest) => void | Promise<void>;

export function resolveSettings(options: SimulatorOptions): SimulatorSettings {
	const timeZone = options.timeZone ?? 'America/Chicago';
	if (!IANAZone.isValidZone(timeZone)) throw new Error(`Invalid IANA time zone: ${timeZone}`);
	return {
		port: options.port ?? 0,
		host: options.host ?? '127.0.0.1',
		seed: options.seed ?? 42,
		sizes: resolveSizes(options.sizes),
		accessToken: options.accessToken ?? 'sim-token',
		router: options.router ?? { userName: 'sim-user', userSecret: 'sim-secret', siteId: '1' },
		timeZone,
		now: options.now ?? (() => DateTime.now()),
		rateLimit:
			options.rateLimit === undefined
				? { limit: 1000, windowMs: 10_000, retryAfter: 'seconds' }
				: options.rateLimit,
		latencyMs: options.latencyMs ?? 0,
		faults: options.faults ?? {},
		maxPageSize: options.maxPageSize ?? 1000,
		recordsKeys: options.recordsKeys ?? 'collection',
		nextPageKeepsFilters: options.nextPageKeepsFilters ?? false,
		filterPrecedence: options.filterPrecedence ?? 'flat',
		shipmentBumpsOrder: options.shipmentBumpsOrder ?? true,
		lookupMatching: options.lookupMatching ?? 'exact',
		quirks: { ...options.quirks },
	};
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const settings = resolveSettings(options);
	const store = new MemoryStore({
		nowMs: () => settings.now().toMillis(),
		timeZone: () => settings.timeZone,
	});
	const anchorMs = options.seedAnchor
		? DateTime.fromISO(options.seedAnchor, { zone: settings.timeZone }).toMillis()
		: settings.now().setZone(settings.timeZone).startOf('day').toMillis();
	if (!Number.isFinite(anchorMs))
		throw new Error(`Invalid seedAnchor: ${String(options.seedAnchor)}`);
	seedStore(store, settings.seed, settings.sizes, anchorMs, settings.timeZone);
	learnFieldTypes(store);
	// Attached after seeding: seed records are never delivered.
	const webhooks = new WebhookEngine(store, options.webhookTimeouts);
	const oauth = new OAuthServer(options.oauth, () => settings.timeZone);

	const limiter = new RollingWindowLimiter();
	const faults = new FaultPlanner(settings.seed);
	const requests: RecordedRequest[] = [];
	const hooks = new Set<RequestHook>();
	let baseUrl = '';

	const callLimitHeader = (): Record<string, string> => {
		const limit = settings.rateLimit;
		return limit ? { 'X-AC-Call-Limit': `${limiter.used(limit.windowMs)}/${limit.limit}` } : {};
	};

	const send = (res: ServerResponse, recorded: RecordedRequest, response: SimResponse): void => {
		recorded.status = response.status;
		const headers: Record<string, string> = { ...callLimitHeader(), ...response.headers };
		if (response.body === undefined || response.status === 204) {
			res.writeHead(response.status, headers);
			res.end();
			return;
		}
		res.writeHead(response.status, {
			'Content-Type': 'application/json; charset=utf-8',
			...headers,
		});
		res.end(JSON.stringify(response.body));
	};

	const sendFault = (
		req: IncomingMessage,
		res: ServerResponse,
		recorded: RecordedRequest,
		fault: PlannedFault,
	): void => {
		const action = fault.action;
		if (action.kind === 'reset') {
			recorded.status = 0;
			req.socket.destroy();
			return;
		}
		if (action.kind === 'raw') {
			recorded.status = action.status;
			res.writeHead(action.status, { ...callLimitHeader(), ...(action.headers ?? {}) });
			res.end(action.body ?? '');
			return;
		}
		if (action.kind === 'malformed') {
			recorded.status = 200;
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				...callLimitHeader(),
			});
			res.end(MALFORMED_BODY);
			return;
		}
		const headers: Record<string, string> = {};
		if (action.status === 429) {
			const style = settings.rateLimit ? (settings.rateLimit.retryAfter ?? 'seconds') : 'seconds';
			headers['Retry-After'] = action.retryAfter ?? retryAfterValue(1000, style);
		} else if (action.retryAfter !== undefined) {
			headers['Retry-After'] = action.retryAfter;
		}
		const details = action.status === 429 ? 'API call limit exceeded.' : 'Simulated fault.';
		send(res, recorded, {
			...errorResponse(action.status, STATUS_MESSAGES[action.status] ?? 'Error', details),
			headers,
		});
	};

	/** Test-only control routes: no auth, no faults, not recorded. */
	const serveControl = async (
		res: ServerResponse,
		method: string,
		pathname: string,
		body: unknown,
		bodyInvalid: boolean,
	): Promise<void> => {
		let response: SimResponse;
		try {
			response = await handleWebhookControl(webhooks, method, pathname, body, bodyInvalid);
		} catch (error) {
			response = {
				status: 500,
				body: { error: error instanceof Error ? error.message : String(error) },
			};
		}
		if (response.body === undefined) {
			res.writeHead(response.status);
			res.end();
			return;
		}
		res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(response.body));
	};

	const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		// The bytes as sent, for multipart routes (uploads.ts); everything else reads them as JSON.
		const rawBody = await readBody(req);
		const text = rawBody.toString('utf8');
		let body: unknown;
		let bodyInvalid = false;
		if (text.length > 0) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
				bodyInvalid = true;
			}
		}
		const method = (req.method ?? 'GET').toUpperCase();
		const target = req.url ?? '/';
		const queryStart = target.indexOf('?');
		const pathname = queryStart >= 0 ? target.slice(0, queryStart) : target;
		const rawQuery = queryStart >= 0 ? target.slice(queryStart + 1) : '';
		if (pathname.startsWith('/_control/')) {
			await serveControl(res, method, pathname, body, bodyInvalid);
			return;
		}
		const recorded: RecordedRequest = {
			method,
			path: pathname,
			rawQuery,
			query: new URLSearchParams(rawQuery),
			headers: { ...req.headers },
			body,
			status: 0,
			at: Date.now(),
			remotePort: req.socket.remotePort,
		};
		requests.push(recorded);
		try {
			for (const hook of [...hooks]) await hook(recorded);
			if (settings.latencyMs > 0) await sleep(settings.latencyMs);

			let segments: string[] | null;
			try {
				segments = apiSegments(pathname);
			} catch {
				segments = null; // malformed percent-encoding
			}
			const isAuthorised = (): boolean =>
				authenticate(req.headers, method, target, settings.accessToken, settings.router, (token) =>
					oauth.acceptsAccessToken(token),
				) !== null;
			const runHandler = (): SimResponse => {
				if (!segments) return notFound();
				const ctx: RequestContext = {
					method,
					segments,
					query: recorded.query,
					body,
					bodyInvalid,
					rawBody,
					contentType: String(req.headers['content-type'] ?? ''),
					store,
					settings,
					baseUrl,
				};
				return route(ctx);
			};
			const isWrite = WRITE_METHODS.has(method);

			const scripted = faults.takeScripted(method, pathname);
			if (scripted) {
				if (scripted.applyWrite && isWrite && isAuthorised()) runHandler();
				sendFault(req, res, recorded, scripted);
				return;
			}
			const oauthAnswer = oauth.handle(method, pathname, recorded.query, body, bodyInvalid);
			if (oauthAnswer) return send(res, recorded, oauthAnswer);
			if (!segments) return send(res, recorded, notFound());
			if (!isAuthorised()) return send(res, recorded, UNAUTHORIZED);

			const limit = settings.rateLimit;
			if (limit) {
				const decision = limiter.check(limit.limit, limit.windowMs);
				if (!decision.allowed) {
					const retryAfter = retryAfterValue(decision.retryAfterMs, limit.retryAfter ?? 'seconds');
					return send(res, recorded, {
						...errorResponse(
							429,
							'Too Many Requests',
							`API call limit of ${limit.limit} per ${limit.windowMs / 1000} s exceeded.`,
						),
						headers: { 'Retry-After': retryAfter },
					});
				}
			}
			const randomFault = faults.drawRandom(settings.faults ?? {});
			if (!randomFault || randomFault.countsAsCall) limiter.record();
			if (randomFault) {
				if (randomFault.applyWrite && isWrite) runHandler();
				sendFault(req, res, recorded, randomFault);
				return;
			}
			send(res, recorded, runHandler());
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (!res.headersSent)
				send(res, recorded, errorResponse(500, 'Internal Server Error', message));
			else res.destroy();
		}
	};

	const server = createServer((req, res) => {
		void serve(req, res);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(settings.port, settings.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const hostForUrl = settings.host.includes(':')
		? `[${settings.host}]`
		: settings.host === '0.0.0.0'
			? '127.0.0.1'
			: settings.host;
	baseUrl = `http://${hostForUrl}:${port}`;

	return {
		url: baseUrl,
		apiBase: `${baseUrl}/api/v1`,
		port,
		store,
		requests,
		options: settings,
		scriptFaults(list: ScriptedFault[]) {
			faults.script(list);
		},
		onRequest(hook: RequestHook) {
			hooks.add(hook);
			return () => {
				hooks.delete(hook);
			};
		},
		beforeRequest(match: (req: RecordedRequest) => boolean, action: RequestHook) {
			const once: RequestHook = async (req) => {
				if (!match(req)) return;
				hooks.delete(once);
				await action(req);
			};
			hooks.add(once);
			return () => {
				hooks.delete(once);
			};
		},
		clearRequests() {
			requests.length = 0;
		},
		webhooks,
		oauth,
		stop() {
			webhooks.stop();
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
