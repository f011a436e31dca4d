/**
 * Runs the Cart.com Webhook Trigger inside n8n-core's real HookContext (checkExists / create /
 * delete, as n8n calls them on activation and deactivation) and WebhookContext (webhook(), as n8n
 * calls it for each request), against the store simulator. A local HTTP server stands in for n8n's
 * webhook endpoint, so the simulator's own deliveries reach the node's webhook() method.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CartComWebhookTrigger } from '../../nodes/CartCom/CartComWebhookTrigger.node';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { additionalDataFor, prepareContainer } from '../helpers/n8n';

export const NODE_NAME = 'Cart.com Webhook Trigger';
export const WEBHOOK_ID = '5d7f1d8e-0c1a-4a43-9f2e-7c2b7d0e1a11';

/** What one request to the n8n webhook endpoint produced. */
export interface Received {
	status: number;
	/** The items webhook() emitted; empty when it refused the request. */
	items: IDataObject[];
	query: IDataObject;
}

export interface Instance {
	sim: Simulator;
	nodeType: CartComWebhookTrigger;
	workflow: Workflow;
	node: INode;
	/** Base of the local stand-in for n8n's webhook endpoint, e.g. http://127.0.0.1:PORT. */
	receiverBase: string;
	received: Received[];
	/** Runs a webhook method as n8n does: 'production' (activation) or 'test' (the editor's listen). */
	hook(method: 'checkExists' | 'create' | 'delete', url?: 'production' | 'test'): Promise<boolean>;
	/** n8n's activation: checkExists, then create when it said false. */
	activate(url?: 'production' | 'test'): Promise<void>;
	/** n8n's webhook URL of the node (production or test). */
	webhookUrl(url?: 'production' | 'test'): string;
	/** POSTs to the stand-in endpoint (path and query as given) and returns what the node did. */
	post(pathAndQuery: string, body: IDataObject): Promise<Received>;
	/** The node's static data as n8n would save it (JSON). */
	nodeState(): IDataObject;
	stop(): Promise<void>;
}

function workflowFor(
	nodeType: CartComWebhookTrigger,
	parameters: INodeParameters,
	credentialTypes: string[],
) {
	prepareContainer();
	const description = nodeType.description;
	const node: INode = {
		id: 'webhook-trigger',
		name: NODE_NAME,
		type: `n8n-nodes-cartcom.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters:
			NodeHelpers.getNodeParameters(
				description.properties,
				parameters,
				true,
				false,
				null,
				description,
			) ?? {},
		credentials: Object.fromEntries(
			credentialTypes.map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'wf-webhook',
		name: 'webhook test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	return { workflow, node };
}

async function readBody(request: import('node:http').IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startInstance(
	parameters: INodeParameters,
	options: { sim?: Simulator; credentials?: Record<string, ICredentialDataDecryptedObject> } = {},
): Promise<Instance> {
	const sim = options.sim ?? (await startStore());
	const credentials = options.credentials ?? tokenCredentials(sim);
	const nodeType = new CartComWebhookTrigger();
	const { workflow, node } = workflowFor(nodeType, parameters, Object.keys(credentials));
	const received: Received[] = [];
	let receiverBase = '';

	const additionalData = (httpRequest?: unknown, httpResponse?: unknown) =>
		({
			...additionalDataFor({ parameters, credentials }),
			webhookBaseUrl: `${receiverBase}/webhook`,
			webhookTestBaseUrl: `${receiverBase}/webhook-test`,
			httpRequest,
			httpResponse,
		}) as unknown as IWorkflowExecuteAdditionalData;

	const webhookData = (url: 'production' | 'test'): IWebhookData =>
		({
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData(),
			isTest: url === 'test',
			webhookId: WEBHOOK_ID,
		}) as IWebhookData;

	/** n8n's webhook endpoint: builds the express-like request and response webhook() uses. */
	async function handle(pathAndQuery: string, bodyText: string): Promise<Received> {
		const url = new URL(pathAndQuery, 'http://receiver');
		const query = Object.fromEntries(url.searchParams.entries());
		const isTest = url.pathname.startsWith('/webhook-test/');
		let body: IDataObject = {};
		try {
			body = bodyText ? (JSON.parse(bodyText) as IDataObject) : {};
		} catch {
			body = {};
		}
		let status = 200;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json() {
				return response;
			},
			end() {
				return response;
			},
			send() {
				return response;
			},
		};
		const request = { body, query, headers: {}, params: {}, method: 'POST' };
		const context = new WebhookContext(
			workflow,
			node,
			additionalData(request, response),
			isTest ? 'manual' : 'webhook',
			webhookData(isTest ? 'test' : 'production'),
			[],
			null,
		);
		const result = await nodeType.webhook.call(context);
		const items = (result.workflowData?.[0] ?? []).map((item: INodeExecutionData) => item.json);
		const outcome: Received = { status, items, query };
		received.push(outcome);
		return outcome;
	}

	const server: Server = createServer((request, response) => {
		void (async () => {
			const outcome = await handle(request.url ?? '/', await readBody(request));
			response.writeHead(outcome.status, { 'Content-Type': 'application/json' });
			response.end(
				JSON.stringify({
					message: outcome.status === 200 ? 'Workflow was started' : 'Unauthorized',
				}),
			);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiverBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const instance: Instance = {
		sim,
		nodeType,
		workflow,
		node,
		receiverBase,
		received,
		async hook(method, url = 'production') {
			const context = new HookContext(
				workflow,
				node,
				additionalData(),
				url === 'test' ? 'manual' : 'trigger',
				url === 'test' ? 'manual' : 'activate',
				webhookData(url),
			);
			const fn = nodeType.webhookMethods.default[method];
			return await fn.call(context);
		},
		async activate(url = 'production') {
			if (!(await instance.hook('checkExists', url))) await instance.hook('create', url);
		},
		webhookUrl(url = 'production') {
			return `${receiverBase}/${url === 'test' ? 'webhook-test' : 'webhook'}/${WEBHOOK_ID}/webhook`;
		},
		async post(pathAndQuery, body) {
			return await handle(pathAndQuery, JSON.stringify(body));
		},
		nodeState() {
			return JSON.parse(
				JSON.stringify(workflow.staticData[`node:${NODE_NAME}`] ?? {}),
			) as IDataObject;
		},
		async stop() {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			if (!options.sim) await sim.stop();
		},
	};
	return instance;
}

/** The store's webhook records, id order. */
export const storeHooks = (sim: Simulator) => sim.store.list('webhooks');

/** The token this activation put into its URLs (from the registered URLs on the store). */
export function tokenOf(url: unknown): string {
	return new URL(String(url)).searchParams.get('token') ?? '';
}
