import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RESOURCES } from './resources';

/** Dispatches to the chosen resource's operation; the operation loops over the items itself. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = RESOURCES.find((candidate) => candidate.value === resource);
	const handler = module?.operations.find((candidate) => candidate.option.value === operation);
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for resource "${resource}"`,
			{
				description:
					'Pick the resource and operation again; the workflow may come from a newer version of this node.',
			},
		);
	}
	return [await handler.execute.call(this, this.getInputData())];
}
