import type { INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { runPerItem } from '../../helpers/items';
import { requireGiven } from '../../helpers/parameters';
import type { OperationModule } from '../../helpers/types';
import { inputError } from '../../helpers/validation';
import { cartComRequest, explainNotFound } from '../../transport';
import { addressSpec } from './spec';

const OPERATION = 'getStateByPostalCode';

const properties: INodeProperties[] = [
	{
		displayName: 'Postal Code',
		name: 'postalCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 77702',
	},
];

/** `GET /addresses/state_by_postalcode/{postalCode}` → `{id, state, state_code, country_id, is_system_state}` (docs/resources/addresses.md). */
export const getStateByPostalCode: OperationModule = {
	option: {
		name: 'Get State by Postal Code',
		value: OPERATION,
		action: 'Get the state of a postal code',
		description: 'Look up the state or region a postal code belongs to',
	},
	endpoints: [{ method: 'GET', path: '/addresses/state_by_postalcode/{postalCode}' }],
	description: forOperation(addressSpec.value, OPERATION, properties),
	async execute(items) {
		return await runPerItem(this, items, async (i) => {
			const raw = this.getNodeParameter('postalCode', i, '');
			requireGiven(this, i, { 'Postal Code': raw });
			const postalCode = String(raw).trim();
			// Letters, digits, one space or dash between them (US, CA, UK forms): nothing that changes the route.
			if (!/^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)?$/.test(postalCode) || postalCode.length > 10) {
				throw inputError(
					this,
					i,
					'Postal Code',
					`"${postalCode}" is not a postal code`,
					'Enter letters and digits only, e.g. 77702 or K1A 0B1.',
				);
			}
			const answer = await explainNotFound(
				`No state is known for postal code ${postalCode}.`,
				async () =>
					await cartComRequest.call(this, {
						method: 'GET',
						path: `${addressSpec.path}/state_by_postalcode/${encodeURIComponent(postalCode)}`,
						itemIndex: i,
					}),
			);
			return { postal_code: postalCode, ...answer };
		});
	},
};
