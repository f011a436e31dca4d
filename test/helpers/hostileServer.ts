/**
 * A tiny HTTP server whose every answer the test decides: redirects, echoed secrets, trickled
 * bodies, pages that never end. It records what it received, so a test can prove that nothing
 * (no request, no credential) reached it.
 */
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export type HostileHandler = (
	request: ReceivedRequest,
	res: ServerResponse,
) => void | Promise<void>;

export interface HostileServer {
	/** `http://host:port`, usable as a Store Domain. */
	url: string;
	host: string;
	port: number;
	requests: ReceivedRequest[];
	stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startHostileServer(
	host: string,
	handler: HostileHandler,
): Promise<HostileServer> {
	const requests: ReceivedRequest[] = [];
	const server = createServer((req, res) => {
		void (async () => {
			const request = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				headers: req.headers,
				body: await readBody(req),
			};
			requests.push(request);
			try {
				await handler(request, res);
			} catch {
				res.destroy();
			}
		})();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://${host}:${port}`,
		host,
		port,
		requests,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Sends a JSON answer. */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}
