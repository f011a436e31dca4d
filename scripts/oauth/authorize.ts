/**
 * `npm run oauth:authorize -- --store mystore.com --client-id 123 --scope read_orders,write_orders`
 *
 * Gets the first refresh token of the "Cart.com OAuth API" credential through Cart.com's OAuth
 * web flow (docs/authentication.md of AmeriCommerce/rest-api): listens on the loopback redirect
 * URI, prints the store's authorize URL, receives `auth_id` and `code` when the merchant approved
 * the app, makes the signed exchange and prints the refresh token (stdout, alone; everything else
 * goes to stderr). The client secret comes from CARTCOM_CLIENT_SECRET or a hidden prompt; it and
 * the code are never printed. The redirect URI must be registered for the app in the store admin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CredentialInputError, normalizeApiBase } from '../../credentials/common/cartComAuth';
import {
	authorizeUrl,
	exchangeSignature,
	oauthEndpoint,
	OAuthTokenError,
	readTokenAnswer,
} from '../../credentials/common/cartComOAuth';

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8765/callback';
const DEFAULT_TIMEOUT_S = 600;
const EXCHANGE_TIMEOUT_MS = 30_000;

export interface AuthorizeOptions {
	store: string;
	clientId: string;
	clientSecret: string;
	scope: string;
	/** A loopback http URL (127.0.0.1, localhost, [::1]); the listener serves exactly its path. */
	redirectUri: string;
	/** How long to wait for the merchant's approval. */
	timeoutMs: number;
}

export interface AuthorizeIo {
	/** Called once the listener is up: show the URL to the merchant (or, in tests, visit it). */
	onAuthorizeUrl(url: string): void;
	log(line: string): void;
}

export class AuthorizeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuthorizeError';
	}
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

/** The redirect URI's listener address; only plain http on a loopback host is served here. */
function listenAddress(redirectUri: string): { host: string; port: number; path: string } {
	let url: URL;
	try {
		url = new URL(redirectUri);
	} catch {
		throw new AuthorizeError(`--redirect-uri is not a URL: ${redirectUri}`);
	}
	if (url.protocol !== 'http:' || !LOOPBACK.test(url.hostname) || url.search || url.hash)
		throw new AuthorizeError(
			'--redirect-uri must be http://127.0.0.1:PORT/path (or localhost), without a query: this helper receives the callback itself',
		);
	const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
	return { host, port: Number(url.port || 80), path: url.pathname };
}

const page = (res: ServerResponse, status: number, text: string): void => {
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Cache-Control': 'no-store',
		'Referrer-Policy': 'no-referrer',
	});
	res.end(text);
};

/** Cart.com's error parameters, shortened; they describe the refusal and hold no secret. */
const errorText = (query: URLSearchParams): string =>
	['error', 'error_reason', 'error_description']
		.map((key) => query.get(key))
		.filter((value): value is string => Boolean(value))
		.map((value) => value.replace(/[^\x20-\x7e]/g, ' ').slice(0, 200))
		.join(' — ');

interface Callback {
	authId: string;
	code: string;
	/** The redirect URI as sent to the store (port 0 replaced by the port bound). */
	redirectUri: string;
}

/**
 * Listens on the redirect URI, then shows the authorize URL built for it, and waits for the one
 * callback: resolves to its auth_id and code, or rejects with Cart.com's error parameters.
 */
async function receiveCallback(
	options: AuthorizeOptions,
	io: AuthorizeIo,
	urlFor: (redirectUri: string) => string,
): Promise<Callback> {
	const { host, port, path } = listenAddress(options.redirectUri);
	let redirectUri = options.redirectUri;
	return await new Promise((resolve, reject) => {
		let settled = false;
		const finish = (error: Error | undefined, value?: Omit<Callback, 'redirectUri'>) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			server.close();
			server.closeAllConnections();
			if (error) reject(error);
			else resolve({ ...value!, redirectUri });
		};
		const server = createServer((req: IncomingMessage, res: ServerResponse) => {
			const target = new URL(req.url ?? '/', 'http://callback.invalid');
			if (req.method !== 'GET' || target.pathname !== path || settled)
				return page(res, 404, 'Not found');
			const query = target.searchParams;
			if (query.has('error')) {
				page(res, 400, 'Cart.com did not authorize the app. See the terminal.');
				return finish(
					new AuthorizeError(`Cart.com did not authorize the app: ${errorText(query)}`),
				);
			}
			const authId = query.get('auth_id');
			const code = query.get('code');
			if (!authId || !code) return page(res, 400, 'auth_id and code are missing.');
			page(res, 200, 'The app is authorized. You can close this tab and go back to the terminal.');
			finish(undefined, { authId, code });
		});
		const timer = setTimeout(
			() =>
				finish(
					new AuthorizeError(
						`No answer from the store within ${Math.ceil(options.timeoutMs / 1000)} s`,
					),
				),
			options.timeoutMs,
		);
		server.once('error', (error) =>
			finish(new AuthorizeError(`Cannot listen on ${host}:${port}: ${error.message}`)),
		);
		server.listen(port, host, () => {
			if (port === 0) {
				const url = new URL(options.redirectUri);
				url.port = String((server.address() as AddressInfo).port);
				redirectUri = url.toString();
			}
			io.log(`Listening on ${redirectUri}`);
			io.onAuthorizeUrl(urlFor(redirectUri));
		});
	});
}

/** The signed exchange of `code` for the tokens; resolves to the refresh token. */
async function exchange(
	options: AuthorizeOptions,
	apiBase: string,
	received: Callback,
): Promise<string> {
	const signature = exchangeSignature({
		...options,
		code: received.code,
		redirectUri: received.redirectUri,
	});
	let response: Response;
	try {
		response = await fetch(oauthEndpoint(apiBase, 'access_token'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({
				client_id: options.clientId,
				auth_id: received.authId,
				signature,
			}),
			redirect: 'manual',
			signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: unknown } }).cause?.code;
		throw new AuthorizeError(
			`The store could not be reached for the token exchange${typeof cause === 'string' ? ` (${cause})` : ''}`,
		);
	}
	const text = await response.text();
	const answer = readTokenAnswer('exchange', { statusCode: response.status, body: text }, [
		options.clientSecret,
		received.code,
		signature,
	]);
	return answer.refreshToken;
}

/** The whole flow: listen, show the URL, receive the callback, exchange. Resolves to the refresh token. */
export async function authorize(options: AuthorizeOptions, io: AuthorizeIo): Promise<string> {
	let apiBase: string;
	try {
		apiBase = normalizeApiBase(options.store, '--store');
	} catch (error) {
		throw new AuthorizeError(error instanceof CredentialInputError ? error.message : String(error));
	}
	const missing = (['clientId', 'clientSecret', 'scope'] as const).filter(
		(key) => !options[key]?.trim(),
	);
	if (missing.length)
		throw new AuthorizeError(
			`Missing ${missing.map((key) => ({ clientId: '--client-id', clientSecret: 'the client secret (CARTCOM_CLIENT_SECRET)', scope: '--scope' })[key]).join(', ')}`,
		);
	const received = await receiveCallback(options, io, (redirectUri) =>
		authorizeUrl(apiBase, { ...options, redirectUri }),
	);
	try {
		return await exchange(options, apiBase, received);
	} catch (error) {
		if (error instanceof OAuthTokenError) throw new AuthorizeError(error.message);
		throw error;
	}
}

const USAGE = `Usage: npm run oauth:authorize -- --store <domain> --client-id <app id> --scope <scopes>
       [--redirect-uri ${DEFAULT_REDIRECT_URI}] [--timeout <seconds>]
The client secret is read from CARTCOM_CLIENT_SECRET, or asked for (hidden) when it is not set.
Register the redirect URI for the app in the store admin first. The refresh token is printed on stdout.`;

export function parseArgs(
	argv: string[],
	env: NodeJS.ProcessEnv,
): Omit<AuthorizeOptions, 'clientSecret'> & { clientSecret?: string } {
	const values: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--help' || flag === '-h') throw new AuthorizeError(USAGE);
		const known = ['--store', '--client-id', '--scope', '--redirect-uri', '--timeout'];
		if (!known.includes(flag)) throw new AuthorizeError(`Unknown argument ${flag}\n${USAGE}`);
		const value = argv[++i];
		if (value === undefined) throw new AuthorizeError(`${flag} needs a value`);
		values[flag] = value;
	}
	const timeout = Number(values['--timeout'] ?? DEFAULT_TIMEOUT_S);
	if (!Number.isFinite(timeout) || timeout <= 0)
		throw new AuthorizeError('--timeout must be a number of seconds');
	return {
		store: values['--store'] ?? '',
		clientId: values['--client-id'] ?? '',
		scope: values['--scope'] ?? '',
		redirectUri: values['--redirect-uri'] ?? DEFAULT_REDIRECT_URI,
		timeoutMs: timeout * 1000,
		clientSecret: env.CARTCOM_CLIENT_SECRET,
	};
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(question: string): Promise<string> {
	const stdin = process.stdin;
	if (!stdin.isTTY) throw new AuthorizeError('Set CARTCOM_CLIENT_SECRET (no terminal to ask on)');
	process.stderr.write(question);
	stdin.setRawMode(true);
	stdin.resume();
	stdin.setEncoding('utf8');
	return await new Promise((resolve, reject) => {
		let text = '';
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.off('data', onData);
					process.stderr.write('\n');
					return resolve(text);
				}
				if (char === '\u0003') {
					stdin.setRawMode(false);
					return reject(new AuthorizeError('Cancelled'));
				}
				if (char === '\u007f') text = text.slice(0, -1);
				else text += char;
			}
		};
		stdin.on('data', onData);
	});
}

async function main(): Promise<void> {
	const parsed = parseArgs(process.argv.slice(2), process.env);
	const clientSecret = parsed.clientSecret || (await askHidden('Client secret of the app: '));
	const log = (line: string) => process.stderr.write(`${line}\n`);
	const refreshToken = await authorize(
		{ ...parsed, clientSecret },
		{
			log,
			onAuthorizeUrl: (url) => {
				log(
					`The app's redirect URI must be registered in the store admin as: ${parsed.redirectUri}`,
				);
				log(
					'Open this URL in a browser where you can log in to the store admin, and approve the app:',
				);
				log(`\n  ${url}\n`);
			},
		},
	);
	log(
		'Authorized. The refresh token follows on stdout: paste it into the "Refresh Token" field of the',
	);
	log('"Cart.com OAuth API" credential in n8n, then keep it out of shell history and files.');
	process.stdout.write(`${refreshToken}\n`);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(
			`${error instanceof AuthorizeError ? error.message : 'Failed: ' + String((error as Error)?.message ?? error)}\n`,
		);
		process.exit(1);
	});
}
