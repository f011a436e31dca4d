/**
 * Runs our nodes inside n8n-core's real execution contexts (ExecuteContext, PollContext,
 * LoadOptionsContext): real parameter resolution with defaults, real getCredentials, real
 * httpRequestWithAuthentication (axios) calling our credential's real authenticate(). Only the
 * credential store is replaced, by the test's credential data.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import {
	BinaryDataService,
	ExecuteContext,
	InstanceSettings,
	LoadOptionsContext,
	PollContext,
} from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { CartComApi } from '../../credentials/CartComApi.credentials';
import { CartComOAuthApi } from '../../credentials/CartComOAuthApi.credentials';
import { CartComRouterApi } from '../../credentials/CartComRouterApi.credentials';
import { CartRoverApi } from '../../credentials/CartRoverApi.credentials';

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	cartComApi: new CartComApi(),
	cartComOAuthApi: new CartComOAuthApi(),
	cartComRouterApi: new CartComRouterApi(),
	cartRoverApi: new CartRoverApi(),
};

let containerReady = false;
export function prepareContainer() {
	if (containerReady) return;
	const quietLogger = {
		debug() {},
		info() {},
		warn() {},
		error() {},
		scoped() {
			return quietLogger;
		},
	};
	Container.set(Logger, quietLogger as unknown as Logger);
	Container.set(InstanceSettings, {
		n8nFolder: '/tmp/n8n-nodes-cartcom-test',
		instanceId: 'test-instance',
		encryptionKey: 'test',
		isWorker: false,
	} as unknown as InstanceSettings);
	// Items in tests carry their files inline (base64 `data`, no id), as n8n's default mode does.
	Container.set(BinaryDataService, {
		getAsBuffer: async (binary: { data: string }) => Buffer.from(binary.data, 'base64'),
	} as unknown as BinaryDataService);
	containerReady = true;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = CREDENTIAL_TYPES[typeName];
		if (typeof type?.authenticate !== 'function')
			throw new Error(`No authenticate for ${typeName}`);
		return await type.authenticate(credentials, requestOptions);
	}
	/**
	 * As n8n's own CredentialsHelper.preAuthentication (packages/cli credentials-helper.ts, 1.x and
	 * 2.x): only for a type with a hidden `expirable` property, only when that property is empty or
	 * the caller saw a 401; what the type returns is merged into the stored credential.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = CREDENTIAL_TYPES[typeName];
		const expirable = type?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthentications.push(typeName);
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.data[typeName], output);
		return Object.assign(credentials, output);
	}

	/** Types whose preAuthentication ran, in order (tests count refreshes with it). */
	readonly preAuthentications: string[] = [];
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, _n: unknown, type: string) {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// n8n fills in the defaults of fields the stored data lacks: an empty hidden session here.
		const defaults = Object.fromEntries(
			(CREDENTIAL_TYPES[type]?.properties ?? [])
				.filter((property) => property.type === 'hidden' && !(property.name in data))
				.map((property) => [property.name, property.default]),
		) as ICredentialDataDecryptedObject;
		return { ...defaults, ...data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}
}

export interface NodeRun {
	/** The node's parameters as a workflow would hold them (defaults are filled in like n8n does). */
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	/** Input items with binary data; replaces `input` when given. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
	nodeName?: string;
	/** The node's version; the one the editor adds today (defaultVersion, else the newest) when absent. */
	typeVersion?: number;
	/** Called with the execution context after the node ran (or failed): hints, logger calls. */
	inspect?: (context: ExecuteContext) => void;
}

function makeWorkflow(nodeType: INodeType, run: NodeRun): { workflow: Workflow; node: INode } {
	prepareContainer();
	const description = nodeType.description;
	const typeName = `n8n-nodes-cartcom.${description.name}`;
	const versions = [description.version].flat();
	const typeVersion = run.typeVersion ?? description.defaultVersion ?? Math.max(...versions);
	const parameters =
		NodeHelpers.getNodeParameters(
			description.properties,
			run.parameters,
			true,
			false,
			{ typeVersion },
			description,
		) ?? {};
	const node: INode = {
		id: 'node-under-test',
		name: run.nodeName ?? description.defaults.name ?? 'Cart.com',
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			Object.keys(run.credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
		),
		onError: run.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: run.staticData,
		settings: { executionOrder: 'v1' },
	});
	return { workflow, node };
}

export function additionalDataFor(run: NodeRun): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(run.credentials),
		executionId: 'exec-test',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		instanceBaseUrl: 'http://127.0.0.1:5678',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Executes an action node over the input items; returns its first output. */
export async function runNode(nodeType: INodeType, run: NodeRun): Promise<INodeExecutionData[]> {
	const { workflow, node } = makeWorkflow(nodeType, run);
	const items: INodeExecutionData[] =
		run.inputItems ?? (run.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(run),
		run.mode ?? 'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	try {
		const output = await nodeType.execute!.call(context);
		return (output as INodeExecutionData[][])[0];
	} finally {
		run.inspect?.(context);
	}
}

/** Runs one poll of a trigger; static data is read and written through `run.staticData`. */
export async function runPoll(
	nodeType: INodeType,
	run: NodeRun & { activation?: WorkflowActivateMode },
): Promise<INodeExecutionData[][] | null> {
	const { workflow, node } = makeWorkflow(nodeType, run);
	const mode = run.mode ?? 'trigger';
	const context = new PollContext(
		workflow,
		node,
		additionalDataFor(run),
		mode,
		run.activation ?? 'activate',
	);
	const result = await nodeType.poll!.call(context);
	// n8n copies node static data back into the workflow object; tests keep their own reference.
	if (run.staticData) Object.assign(run.staticData, workflow.staticData);
	return result;
}

/** Calls a listSearch / loadOptions method the way the editor does. */
export async function runLoadOptions<T>(
	nodeType: INodeType,
	run: NodeRun,
	call: (context: LoadOptionsContext) => Promise<T>,
): Promise<T> {
	const { workflow, node } = makeWorkflow(nodeType, run);
	const additionalData = additionalDataFor(run);
	// The editor sends the node's current parameters with every load-options / list-search call.
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return await call(context);
}

/** The credential test as n8n runs it: the test request, authenticated by the credential, sent. */
export async function runCredentialTest(
	credentialType: 'cartComApi' | 'cartComRouterApi',
	data: ICredentialDataDecryptedObject,
): Promise<{ statusCode: number; ruleMessage?: string }> {
	const type = CREDENTIAL_TYPES[credentialType];
	const request = type.test!.request;
	const authenticated = await (
		type.authenticate as (
			c: ICredentialDataDecryptedObject,
			r: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>
	)(data, {
		...(request as IHttpRequestOptions),
	});
	const response = await fetch(authenticated.url, {
		method: authenticated.method ?? 'GET',
		headers: authenticated.headers as Record<string, string>,
		// n8n's request helper follows redirects unless the request says otherwise, as axios does.
		redirect:
			authenticated.disableFollowRedirect || request.disableFollowRedirect ? 'manual' : 'follow',
	});
	await response.text();
	const rule = type.test!.rules?.find(
		(candidate) =>
			candidate.type === 'responseCode' && candidate.properties.value === response.status,
	);
	return { statusCode: response.status, ruleMessage: rule?.properties.message };
}
