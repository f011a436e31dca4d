import type { IDataObject } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	expectInputError,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	run,
	standardOperationTests,
} from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 20, products: 5, customers: 10 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

let next = 0;
const pick = () => sim.store.list('order_addresses')[next++] as IDataObject;

describe('Order Address', () => {
	it('offers the standard operations, Get Several by ID and Create From Store Location', () => {
		expect(operationsOf('orderAddress')).toEqual([
			'create',
			'createFromStoreLocation',
			'delete',
			'get',
			'getAll',
			'selectMany',
			'update',
		]);
	});

	standardOperationTests(() => sim, {
		resource: 'orderAddress',
		pick,
		create: {
			parameters: {
				customerId: 4,
				additionalFields: {
					firstName: 'Jane',
					addressLine1: '251 N Bristol Ave',
					postalCode: '77702-1234',
					stateCode: 'TX',
					countryCode: 'US',
				},
			},
			body: {
				customer_id: 4,
				first_name: 'Jane',
				address_line_1: '251 N Bristol Ave',
				postal_code: '77702-1234',
				state_code: 'TX',
				country_code: 'US',
			},
		},
		update: {
			updateFields: { phone: '555-555-0199', city: 'Austin' },
			body: { phone: '555-555-0199', city: 'Austin' },
		},
		filter: {
			filters: { customerId: 2 },
			query: { customer_id: 'eq:2' },
			matches: (record) => record.customer_id === 2,
		},
	});

	// The simulator does not serve this documented-only route, so the request shape is what is tested.
	it('Create From Store Location posts location and customer to the special route', async () => {
		const items = await run(
			sim,
			{
				resource: 'orderAddress',
				operation: 'createFromStoreLocation',
				locationId: '={{ $json.location }}',
				customerId: 4,
				additionalFields: { firstName: 'Jane', phone: '555-555-0100' },
			},
			{ input: [{ location: 2 }], continueOnFail: true },
		);

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/order_addresses/store_location_address`);
		expect(request.body).toEqual({
			location_id: 2,
			customer_id: 4,
			first_name: 'Jane',
			phone: '555-555-0100',
		});
		expect(pairedIndexes(items)).toEqual([0]);
		expect(items[0].json.httpCode).toBe('404');
	});

	it('Create From Store Location with a non-numeric location fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderAddress',
				operation: 'createFromStoreLocation',
				locationId: 'Main shop',
				customerId: 4,
			},
			'Store Location ID',
		);
	});
});
