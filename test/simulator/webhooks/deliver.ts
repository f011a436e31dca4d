/**
 * One JSON POST to a subscriber: no auth header, no redirects followed (a 3xx is an answer, not
 * a hop), a hard deadline over the whole exchange (connect, send, answer), one attempt.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryOutcome } from './types';

export interface PostResult {
	status: number;
	outcome: DeliveryOutcome;
	response: string;
	error?: string;
	duration_ms: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/** RFC 2606 names: the seed's subscriptions point there, and nothing may leave the machine for them. */
export function isReservedHost(url: string): boolean {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return false;
	}
	return (
		host === 'example.com' ||
		host.endsWith('.example.com') ||
		host === 'example.net' ||
		host.endsWith('.example.net') ||
		host === 'example.org' ||
		host.endsWith('.example.org') ||
		/\.(test|example|invalid)$/.test(host)
	);
}

/** In-flight requests, so that stopping the simulator can end them. */
export type Inflight = Set<ClientRequest>;

export function postJson(
	url: string,
	body: unknown,
	timeoutMs: number,
	inflight: Inflight,
): Promise<PostResult> {
	const started = Date.now();
	const elapsed = (): number => Date.now() - started;
	return new Promise<PostResult>((resolve) => {
		let settled = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const finish = (result: Omit<PostResult, 'duration_ms'>): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve({ ...result, duration_ms: elapsed() });
		};
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({
				status: 0,
				outcome: 'network_error',
				response: '',
				error: `invalid URL ${url}`,
				duration_ms: 0,
			});
			return;
		}
		if (isReservedHost(url)) {
			resolve({
				status: 0,
				outcome: 'network_error',
				response: '',
				error: `reserved host ${target.hostname} is not called`,
				duration_ms: 0,
			});
			return;
		}
		const payload = Buffer.from(JSON.stringify(body ?? null), 'utf8');
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(target, {
			method: 'POST',
			agent: false,
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(payload.length),
				'User-Agent': 'cartcom-simulator-webhooks',
			},
		});
		inflight.add(req);
		req.on('close', () => inflight.delete(req));
		timer = setTimeout(() => {
			finish({
				status: 0,
				outcome: 'timeout',
				response: '',
				error: `no complete answer within ${timeoutMs} ms`,
			});
			req.destroy();
		}, timeoutMs);
		req.on('error', (error) => {
			finish({ status: 0, outcome: 'network_error', response: '', error: error.message });
		});
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (chunk: Buffer) => {
				if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
				size += chunk.length;
			});
			res.on('error', (error) => {
				finish({ status: 0, outcome: 'network_error', response: '', error: error.message });
			});
			res.on('end', () => {
				const status = res.statusCode ?? 0;
				const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES);
				finish({
					status,
					outcome: status >= 200 && status < 300 ? 'delivered' : 'http_error',
					response: text,
				});
			});
		});
		req.end(payload);
	});
}
