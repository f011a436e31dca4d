import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem } from '../../shared/node';
import { LEVEL_NAMES, levelList } from '../helpers/level';
import type { OperationModule } from '../helpers/types';
import { getCartRoverConnection, type CartRoverLevel } from '../transport';
import { RESOURCES } from './resources';

function findOperation(ctx: IExecuteFunctions): OperationModule {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const module = RESOURCES.find((candidate) => candidate.value === resource);
	const handler = module?.operations.find((candidate) => candidate.option.value === operation);
	if (!handler) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not known for resource "${resource}"`,
			{
				description:
					'Pick the resource and operation again; the workflow may come from a newer version of this node.',
			},
		);
	}
	return handler;
}

/** Each API level has its own keys and endpoints (spec page): say which keys the operation needs. */
function levelError(ctx: IExecuteFunctions, handler: OperationModule, level: CartRoverLevel) {
	return new NodeOperationError(
		ctx.getNode(),
		`${handler.option.action} needs ${levelList(handler.levels)}; the credential has ${LEVEL_NAMES[level]} API keys`,
		{
			description: `CartRover gives each API level its own keys and endpoints. Use a CartRover credential with ${levelList(handler.levels)} (CartRover → Settings → API) for this operation.`,
		},
	);
}

/**
 * Dispatches to the chosen operation after checking that the credential's level can run it, before
 * any request; the operation loops over the items itself.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const handler = findOperation(this);
	const items = this.getInputData();
	const { level } = await getCartRoverConnection.call(this);
	if (!handler.levels.includes(level)) {
		const error = levelError(this, handler, level);
		if (!this.continueOnFail()) throw error;
		return [items.map((_item, itemIndex) => errorItem(error, itemIndex))];
	}
	return [await handler.execute.call(this, items, level)];
}
