import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/descriptions';
import { runWritesPerItem } from '../../helpers/items';
import { isNotGiven, requireGiven, throwIfMissing } from '../../helpers/parameters';
import type { OperationModule, ResourceSpec } from '../../helpers/types';
import { inputError, toJsonObject } from '../../helpers/validation';
import { cartComWrite } from '../../transport';

export const INTEGRATION_OPERATION = 'integrationUpsert';

/** A key parameter of an integration route, e.g. Email for customers; sent as `field`. */
export interface IntegrationKey {
	field: string;
	displayName: string;
	placeholder: string;
	description: string;
}

export interface IntegrationRoute {
	spec: ResourceSpec;
	/** e.g. "customer", for texts. */
	noun: string;
	/** What the store looks the record up by, for the dropdown description. */
	lookup: string;
	/** A key every request must carry, as its own required parameter (customers: email). */
	key?: IntegrationKey;
	/** Placeholder of the JSON parameter: the model's main fields (docs/resources/special_integration_routes.md). */
	example: string;
	/**
	 * Checks the body before anything is sent; returns the names of the missing lookup fields, so
	 * that a body which would make Cart.com add a new record on every run is refused.
	 */
	missingLookup?: (body: IDataObject) => string[];
	/** The error's fix text when missingLookup found something missing. */
	lookupFix?: string;
}

const given = (body: IDataObject, field: string) => !isNotGiven(body[field]);

/** `order_number`, or `customer_email` with `ordered_at`: how the integration routes find an order. */
export function orderLookupMissing(body: IDataObject): string[] {
	if (given(body, 'order_id') || given(body, 'order_number')) return [];
	if (given(body, 'customer_email') && given(body, 'ordered_at')) return [];
	if (given(body, 'customer_email')) return ['ordered_at'];
	if (given(body, 'ordered_at')) return ['customer_email'];
	return ['order_number (or customer_email and ordered_at)'];
}

function readRecordJson(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return toJsonObject(
		ctx,
		ctx.getNodeParameter('recordJson', itemIndex, '{}'),
		'Record (JSON)',
		itemIndex,
	);
}

/**
 * An "ID-less" integration route, `POST /{path}/integration` (2020.3+,
 * docs/resources/special_integration_routes.md): Cart.com finds the record by other data (an
 * e-mail, a SKU, an order number) and updates it, or creates it. The POST is not retried on an
 * ambiguous answer (the transport never repeats a POST): for orders, payments and shipments a
 * second send could add a second record when the lookup data was incomplete.
 */
export function integrationOperation(route: IntegrationRoute): OperationModule {
	const { spec, key } = route;
	const properties: INodeProperties[] = [
		{
			displayName:
				'Cart.com finds the record by the data below and updates it, or creates it when none matches. Needs a store on version 2020.3 or later.',
			name: 'integrationNotice',
			type: 'notice',
			default: '',
		},
	];
	if (key) {
		properties.push({
			displayName: key.displayName,
			name: 'integrationKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: key.placeholder,
			description: key.description,
		});
	}
	properties.push({
		displayName: 'Record (JSON)',
		name: 'recordJson',
		type: 'json',
		required: !key,
		default: '{}',
		placeholder: route.example,
		description: `The ${route.noun} in Cart.com’s integration format: names instead of IDs (e.g. "product_status": "In Stock"), nested lists allowed`,
	});
	const article = /^[aeiou]/i.test(route.noun) ? 'an' : 'a';
	return {
		option: {
			name: 'Create or Update by Lookup',
			value: INTEGRATION_OPERATION,
			action: `Create or update ${article} ${route.noun} by lookup`,
			description: `Create or update ${article} ${route.noun} found by ${route.lookup}, without knowing IDs`,
		},
		endpoints: [{ method: 'POST', path: `${spec.path}/integration` }],
		description: forOperation(spec.value, INTEGRATION_OPERATION, properties),
		async execute(items) {
			return await runWritesPerItem(this, items, async (i) => {
				const body = readRecordJson(this, i);
				if (key) {
					const keyValue = this.getNodeParameter('integrationKey', i, '');
					requireGiven(this, i, { [key.displayName]: keyValue });
					const text = String(keyValue).trim();
					if (given(body, key.field) && String(body[key.field]).trim() !== text) {
						throw inputError(
							this,
							i,
							'Record (JSON)',
							`has ${key.field} "${String(body[key.field])}", but ${key.displayName} is "${text}"`,
							`Remove ${key.field} from the JSON, or make both the same.`,
						);
					}
					body[key.field] = text;
				} else if (Object.keys(body).length === 0) {
					throw inputError(
						this,
						i,
						'Record (JSON)',
						'is empty',
						`Enter the ${route.noun} as a JSON object.`,
					);
				}
				const missing = route.missingLookup?.(body) ?? [];
				throwIfMissing(
					this,
					i,
					missing.map((field) => `Record (JSON) → ${field}`),
					{
						when: `so that Cart.com can find an existing ${route.noun} instead of adding another on every run`,
						fix: route.lookupFix,
					},
				);
				return await cartComWrite.call(this, {
					method: 'POST',
					path: `${spec.path}/integration`,
					body,
					itemIndex: i,
				});
			});
		},
	};
}
