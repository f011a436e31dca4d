/**
 * The workflows the end-to-end run imports into n8n besides examples/*.json: each but one starts with
 * a Manual Trigger (so `n8n execute` can run it) and does a read and a write on one resource, half of
 * them through the access-token credential and half through the Central API Router credential; the
 * other one is an Order Updated trigger the run activates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { TOKEN_CREDENTIAL, ROUTER_CREDENTIAL } =
	require('../../scripts/demo/simulator-credentials.js') as {
		TOKEN_CREDENTIAL: CredentialRef & { type: string };
		ROUTER_CREDENTIAL: CredentialRef & { type: string };
	};

interface CredentialRef {
	id: string;
	name: string;
}

export type Auth = 'token' | 'router';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	executeOnce?: boolean;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	settings: { executionOrder: 'v1' };
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
}

export const PACKAGE = 'n8n-nodes-cartcom';

/** By-ID value of a resource-locator parameter (may be an expression). */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

let nodeCounter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++nodeCounter).padStart(12, '0')}`;

/** A Cart.com action node using one of the two credentials. */
export function cartCom(
	name: string,
	auth: Auth,
	parameters: Record<string, unknown>,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	const credential = auth === 'token' ? TOKEN_CREDENTIAL : ROUTER_CREDENTIAL;
	return {
		id: uuid(),
		name,
		type: `${PACKAGE}.cartCom`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			...(auth === 'router' ? { authentication: 'centralApiRouter' } : {}),
			...parameters,
		},
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		...extra,
	};
}

/** Manual Trigger → nodes[0] → nodes[1] → … */
export function chain(id: string, name: string, nodes: WorkflowNode[]): Workflow {
	const start: WorkflowNode = {
		id: uuid(),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [start, ...nodes].map((node, index) => ({
		...node,
		position: [index * 240, 0] as [number, number],
	}));
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

export const WORKFLOW_IDS = {
	orders: 'e2eOrdersToken01',
	products: 'e2eProductsRoutr',
	inventory: 'e2eInventoryRtr1',
	shipments: 'e2eShipmentsTok1',
	orderUpdates: 'e2eOrderUpdTrg01',
	cartRoverRerun: 'e2eCartRoverRun1',
} as const;

export const ORDER_UPDATED_TRIGGER = 'Order Updated';

/**
 * An active workflow (activated by the run) polling Order Updated every minute with the access-token
 * credential; raw records, so the check can tell versions (id, updated_at) apart. A No Op follows,
 * as a workflow needs a node after its trigger to do anything.
 */
export function orderUpdatesWorkflow(): Workflow {
	const trigger: WorkflowNode = {
		id: uuid(),
		name: ORDER_UPDATED_TRIGGER,
		type: `${PACKAGE}.cartComTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			event: 'orderUpdated',
			simplify: false,
		},
		credentials: {
			[TOKEN_CREDENTIAL.type]: { id: TOKEN_CREDENTIAL.id, name: TOKEN_CREDENTIAL.name },
		},
	};
	const noOp: WorkflowNode = {
		id: uuid(),
		name: 'Received',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [240, 0],
		parameters: {},
	};
	return {
		id: WORKFLOW_IDS.orderUpdates,
		name: 'e2e: Order Updated trigger (access token)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, noOp],
		connections: {
			[ORDER_UPDATED_TRIGGER]: { main: [[{ node: noOp.name, type: 'main', index: 0 }]] },
		},
	};
}

export interface E2eInputs {
	/** An order whose items are not shipped yet. */
	orderToShip: number;
	productId: number;
	newPrice: number;
	sku: string;
	stock: number;
	trackingNumber: string;
}

/**
 * examples/cartcom-new-order-to-cartrover.json as `n8n execute` can run it (the CLI cannot start at
 * a polling trigger): a Manual Trigger and Get Many of the newest order stand in for the Cart.com
 * Trigger; every other node and connection is the example's own.
 */
export function cartRoverRerunWorkflow(): Workflow {
	const example = JSON.parse(
		readFileSync(
			join(__dirname, '..', '..', 'examples', 'cartcom-new-order-to-cartrover.json'),
			'utf8',
		),
	) as Workflow;
	const trigger = example.nodes.find((node) => node.type === `${PACKAGE}.cartComTrigger`);
	if (!trigger) throw new Error('the example has no Cart.com Trigger');
	const newest = cartCom(trigger.name, 'token', {
		resource: 'order',
		operation: 'getAll',
		limit: 1,
		options: { sort: '-id' },
	});
	const rest = example.nodes.filter(
		(node) => node !== trigger && node.type !== 'n8n-nodes-base.stickyNote',
	);
	const run = chain(WORKFLOW_IDS.cartRoverRerun, 'e2e: Cart.com newest order → CartRover, again', [
		newest,
	]);
	return {
		...run,
		nodes: [...run.nodes, ...rest],
		connections: { ...run.connections, ...example.connections },
	};
}

export function e2eWorkflows(inputs: E2eInputs): Workflow[] {
	return [
		orderUpdatesWorkflow(),
		cartRoverRerunWorkflow(),
		chain(WORKFLOW_IDS.orders, 'e2e: orders (access token)', [
			cartCom('Get Orders', 'token', {
				resource: 'order',
				operation: 'getAll',
				limit: 2,
				options: { sort: '-id' },
			}),
			cartCom('Update Orders', 'token', {
				resource: 'order',
				operation: 'update',
				recordId: byId('={{ $json.id }}'),
				updateFields: { adminComments: '=e2e checked order {{ $json.id }}' },
			}),
		]),
		chain(WORKFLOW_IDS.products, 'e2e: products (Central API Router)', [
			cartCom('Get Product', 'router', {
				resource: 'product',
				operation: 'get',
				recordId: byId(inputs.productId),
			}),
			cartCom('Update Product', 'router', {
				resource: 'product',
				operation: 'update',
				recordId: byId('={{ $json.id }}'),
				updateFields: { price: inputs.newPrice },
			}),
		]),
		chain(WORKFLOW_IDS.inventory, 'e2e: inventory (Central API Router)', [
			cartCom('Set Stock', 'router', {
				resource: 'inventory',
				operation: 'set',
				identifierType: 'item_number',
				identifierValue: inputs.sku,
				quantity: inputs.stock,
			}),
			cartCom('Get Stock', 'router', {
				resource: 'inventory',
				operation: 'get',
				identifierType: 'item_number',
				identifierValue: inputs.sku,
			}),
		]),
		chain(WORKFLOW_IDS.shipments, 'e2e: shipments (access token)', [
			cartCom('Create Shipment', 'token', {
				resource: 'order',
				operation: 'createShipment',
				recordId: byId(inputs.orderToShip),
				trackingNumbers: inputs.trackingNumber,
				carrier: 'UPS',
			}),
			cartCom('Get Shipments', 'token', {
				resource: 'orderShipment',
				operation: 'getAll',
				returnAll: true,
				filters: { orderId: '={{ $json.order_id }}' },
			}),
		]),
	];
}
