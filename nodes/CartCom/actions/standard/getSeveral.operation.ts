import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation, simplifyParameter } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { simplifyIfAsked } from '../../helpers/simplify';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { inputError, toRecordIdList } from '../../helpers/validation';
import { cartComGetMany } from '../../transport';

/** Get Several by ID: `GET /{path}/select_many?ids=…`, many records in one call. */
function description(spec: ResourceSpec) {
	return forOperation(spec.value, 'selectMany', [
		{
			displayName: 'IDs',
			name: 'ids',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 100231,100232',
			description: 'Comma-separated IDs',
		},
		...simplifyParameter(spec),
	]);
}

async function execute(this: IExecuteFunctions, items: INodeExecutionData[], spec: ResourceSpec) {
	return await runPerItem(this, items, async (i) => {
		const raw = String(this.getNodeParameter('ids', i, '') ?? '');
		const ids = toRecordIdList(this, raw, 'IDs', i);
		if (ids.length === 0)
			throw inputError(this, i, 'IDs', 'is empty', 'Enter at least one ID, e.g. 100231,100232.');
		const records = await cartComGetMany.call(this, {
			path: `${spec.path}/select_many`,
			recordsKey: spec.recordsKey,
			query: { ids: ids.join(',') },
			itemIndex: i,
		});
		return simplifyIfAsked(this, spec, i, records);
	});
}

export const getSeveral: StandardOperation = {
	value: 'selectMany',
	option: (spec) => ({
		name: 'Get Several by ID',
		value: 'selectMany',
		action: `Get several ${spec.plural} by ID`,
		description: `Retrieve up to hundreds of ${spec.plural} in one call by their IDs`,
	}),
	description,
	endpoints: (spec) => [{ method: 'GET', path: `${spec.path}/select_many` }],
	execute,
};
