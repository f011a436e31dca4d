import { DateTime } from 'luxon';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	inTurn,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	run,
	runFailing,
	standardOperationTests,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({ sizes: { customers: 40, orders: 0, products: 0, addresses: 3 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const customers = () => sim.store.list('customers');

describe('Customer', () => {
	it('offers the standard operations plus Get With Related and Get Several by ID', () => {
		expect(operationsOf('customer')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'getFilled',
			'integrationUpsert',
			'selectMany',
			'update',
		]);
	});

	standardOperationTests(() => sim, {
		resource: 'customer',
		pick: inTurn(() => sim, 'customers'),
		// Looking a customer up by email is Get Many with the Email filter (exact match).
		filter: () => {
			const email = customers()[7].email as string;
			return {
				filters: { email },
				query: { email: `eq:${email}` },
				matches: (record) => record.email === email,
			};
		},
		create: {
			parameters: {
				email: 'new.buyer@example.com',
				storeId: 1,
				additionalFields: {
					firstName: 'New',
					customerTypeId: 2,
					isNoTaxCustomer: true,
					paymentNetTerm: 30,
					otherFieldsJson: '{"source_group": "Trade show"}',
				},
			},
			body: {
				email: 'new.buyer@example.com',
				store_id: 1,
				first_name: 'New',
				customer_type_id: 2,
				is_no_tax_customer: true,
				payment_net_term: 30,
				source_group: 'Trade show',
			},
		},
		update: {
			updateFields: { company: 'Renamed Co', isInactive: true },
			body: { company: 'Renamed Co', is_inactive: true },
		},
		related: 'addresses',
	});

	it('Get with Include Related asks for the addresses and returns the raw record', async () => {
		const customer = customers()[2];
		const items = await run(sim, {
			resource: 'customer',
			operation: 'get',
			recordId: byId(customer.id as number),
			simplify: false,
			options: { expand: ['addresses'] },
		});

		expect(queryOf(onlyRequest(sim))).toEqual({ expand: 'addresses' });
		const addressIds = sim.store
			.list('addresses')
			.filter((address) => address.customer_id === customer.id)
			.map((address) => address.id);
		expect(addressIds.length).toBeGreaterThan(0);
		expect(items[0].json.is_inactive).toBe(customer.is_inactive);
		expect((items[0].json.addresses as Array<{ id: number }>).map((address) => address.id)).toEqual(
			addressIds,
		);
	});

	it('Get Many combines the customer type filter with a created-after date', async () => {
		const all = customers();
		const createdTimes = all
			.map((customer) => DateTime.fromISO(customer.created_at as string).toMillis())
			.sort((a, b) => a - b);
		const since = DateTime.fromMillis(createdTimes[Math.floor(all.length / 2)]).toUTC();
		const expected = all
			.filter((customer) => customer.customer_type_id === 1)
			.filter(
				(customer) =>
					DateTime.fromISO(customer.created_at as string).toMillis() >= since.toMillis(),
			)
			.map((customer) => customer.id)
			.reverse();
		expect(expected.length).toBeGreaterThan(1);

		const items = await run(sim, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { customerTypeId: 1, createdAfter: since.toISO() },
		});

		expect(queryOf(onlyRequest(sim))).toEqual({
			customer_type_id: 'eq:1',
			created_at: `gte:${since.toISO()}`,
			count: '1000',
			sort: '-id',
			page: '1',
		});
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected);
	});

	it('with Continue On Fail, keeps going past a bad ID and a missing customer, each output paired to its input', async () => {
		const customer = customers()[1];
		const items = await run(
			sim,
			{
				resource: 'customer',
				operation: 'get',
				recordId: byId('={{ $json.id }}'),
				simplify: false,
			},
			{
				input: [{ id: customer.id as number }, { id: 'abc' }, { id: 987654 }],
				continueOnFail: true,
			},
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json.email).toBe(customer.email);
		expect(items[1].json.error).toMatch(/^ID: "abc" is not a valid ID/);
		expect(items[2].json.error).toEqual(expect.any(String));
		expect(items[2].json.httpCode).toBe('404');
		// The bad ID never reached the store.
		expect(sim.requests.map((request) => request.path)).toEqual([
			`${API}/customers/${String(customer.id)}`,
			`${API}/customers/987654`,
		]);
	});

	it('a missing customer fails with a NodeApiError without Continue On Fail', async () => {
		const error = await runFailing(sim, {
			resource: 'customer',
			operation: 'get',
			recordId: byId(987654),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
	});

	describe('bad input fails with a NodeOperationError naming the field, before any request', () => {
		it.each([
			[
				'a non-numeric ID',
				{ operation: 'get', recordId: byId('12a') },
				/^ID: "12a" is not a valid ID/,
			],
			[
				'an invalid date filter',
				{ operation: 'getAll', filters: { createdAfter: 'last tuesday' } },
				/^Created After: /,
			],
			[
				'invalid JSON in Other Fields',
				{
					operation: 'update',
					recordId: byId(3),
					updateFields: { otherFieldsJson: '{"company": ' },
				},
				/^Other Fields \(JSON\): is not valid JSON/,
			],
			[
				'a missing email on Create',
				{ operation: 'create', email: '', storeId: 1 },
				/^Email: is required/,
			],
			[
				'a customer type that is not a number',
				{ operation: 'update', recordId: byId(3), updateFields: { customerTypeId: 'wholesale' } },
				/^Customer Type ID: "wholesale" is not a valid ID/,
			],
		])('%s', async (_label, parameters, message) => {
			const error = await runFailing(sim, { resource: 'customer', ...parameters });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(message);
			expect(sim.requests).toHaveLength(0);
		});
	});
});

describe('Customer Type', () => {
	it('Get Many lists the types', async () => {
		const listed = await run(sim, {
			resource: 'customerType',
			operation: 'getAll',
			returnAll: true,
		});
		expect(onlyRequest(sim).path).toBe(`${API}/customer_types`);
		expect(jsonOf(listed).map((json) => json.name)).toEqual(['VIP', 'Wholesale', 'Retail']);
	});

	standardOperationTests(() => sim, {
		resource: 'customerType',
		pick: inTurn(() => sim, 'customer_types'),
		filter: {
			filters: { name: 'sale' },
			query: { name: 'like:sale' },
			matches: (record) => String(record.name).toLowerCase().includes('sale'),
		},
		create: {
			parameters: { name: 'Distributor', additionalFields: { customerLevel: 4 } },
			body: { name: 'Distributor', customer_level: 4 },
		},
		update: { updateFields: { description: 'Resellers' }, body: { description: 'Resellers' } },
	});
});

describe('Address', () => {
	standardOperationTests(() => sim, {
		resource: 'address',
		pick: inTurn(() => sim, 'addresses'),
		filter: () => {
			const customerId = customers()[3].id as number;
			return {
				filters: { customerId },
				query: { customer_id: `eq:${customerId}` },
				matches: (record) => record.customer_id === customerId,
			};
		},
		create: () => {
			const customerId = customers()[5].id as number;
			return {
				parameters: {
					customerId,
					country: 'United States',
					additionalFields: {
						addressLine1: '251 N Bristol Ave',
						city: 'Beaumont',
						postalCode: '77702',
						isDefaultShippingAddress: false,
					},
				},
				body: {
					customer_id: customerId,
					country: 'United States',
					address_line_1: '251 N Bristol Ave',
					city: 'Beaumont',
					postal_code: '77702',
					is_default_shipping_address: false,
				},
			};
		},
		update: { updateFields: { addressLine2: 'Suite 9' }, body: { address_line_2: 'Suite 9' } },
	});

	it('Create rejects a customer ID that is not a whole number before sending', async () => {
		const error = await runFailing(sim, {
			resource: 'address',
			operation: 'create',
			customerId: 1.5,
			country: 'United States',
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Customer ID: "1.5" is not a whole number/);
		expect(sim.requests).toHaveLength(0);
	});
});
