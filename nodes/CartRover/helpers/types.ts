import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { CartRoverLevel } from '../transport';

/** An operation's entry in the Operation dropdown. */
export type OperationOption = INodePropertyOptions & { value: string; action: string };

/** Runs one operation over all input items with the credential's level; output items carry pairedItem. */
export type OperationExecutor = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	level: CartRoverLevel,
) => Promise<INodeExecutionData[]>;

/** The CartRover call an operation makes, as the README's operations table shows it. */
export interface Endpoint {
	method: 'GET' | 'POST';
	/** Below /v1; `{level}` is the credential's level where both Cart and Merchant paths exist. */
	path: string;
}

/** One operation: its dropdown entry, parameters, the levels whose keys can do it, and its behaviour. */
export interface OperationModule {
	option: OperationOption;
	description: INodeProperties[];
	/** Credential levels whose keys can run it; the router refuses the others before any request. */
	levels: readonly CartRoverLevel[];
	endpoints: Endpoint[];
	execute: OperationExecutor;
}

/** A resource as the node offers it. */
export interface ResourceModule {
	value: string;
	name: string;
	description: string;
	operations: OperationModule[];
}
