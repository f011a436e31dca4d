import { DateTime } from 'luxon';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	byId,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	run,
	runFailing,
} from './support/storeResources';

const API = '/api/v1';
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
			'selectMany',
			'update',
		]);
	});

	it('Get reads one customer and simplifies it by default', async () => {
		const customer = customers()[4];
		const items = await run(sim, {
			resource: 'customer',
			operation: 'get',
			recordId: byId(customer.id as number),
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`${API}/customers/${String(customer.id)}`);
		expect(jsonOf(items)).toEqual([
			{
				id: customer.id,
				email: customer.email,
				first_name: customer.first_name,
				last_name: customer.last_name,
				company: customer.company,
				customer_number: customer.customer_number,
				customer_type_id: customer.customer_type_id,
				phone_number: customer.phone_number,
				store_id: customer.store_id,
				updated_at: customer.updated_at,
			},
		]);
		expect(pairedIndexes(items)).toEqual([0]);
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

	it('Get Many with the Email filter finds a customer by email (exact match)', async () => {
		const customer = customers()[7];
		const items = await run(sim, {
			resource: 'customer',
			operation: 'getAll',
			filters: { email: customer.email as string },
		});

		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/customers`);
		expect(queryOf(request)).toEqual({
			email: `eq:${String(customer.email)}`,
			count: '50',
			page: '1',
		});
		expect(jsonOf(items).map((json) => json.id)).toEqual([customer.id]);
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
			.map((customer) => customer.id);
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
			count: '100',
			page: '1',
		});
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected);
	});

	it('Get Many with a limit asks for just that many', async () => {
		const items = await run(sim, {
			resource: 'customer',
			operation: 'getAll',
			limit: 3,
			simplify: false,
		});
		expect(queryOf(onlyRequest(sim))).toEqual({ count: '3', page: '1' });
		expect(jsonOf(items)).toEqual(customers().slice(0, 3));
	});

	it('Create sends the required and additional fields and returns the new customer', async () => {
		const items = await run(sim, {
			resource: 'customer',
			operation: 'create',
			email: 'new.buyer@example.com',
			storeId: 1,
			additionalFields: {
				firstName: 'New',
				customerTypeId: 2,
				isNoTaxCustomer: true,
				paymentNetTerm: 30,
				otherFieldsJson: '{"source_group": "Trade show"}',
			},
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`${API}/customers`);
		expect(request.body).toEqual({
			email: 'new.buyer@example.com',
			store_id: 1,
			first_name: 'New',
			customer_type_id: 2,
			is_no_tax_customer: true,
			payment_net_term: 30,
			source_group: 'Trade show',
		});
		const created = items[0].json;
		expect(sim.store.get('customers', created.id as number)).toMatchObject({
			email: 'new.buyer@example.com',
			customer_type_id: 2,
		});
	});

	it('Update changes only the given fields', async () => {
		const customer = customers()[10];
		const items = await run(sim, {
			resource: 'customer',
			operation: 'update',
			recordId: byId(customer.id as number),
			updateFields: { company: 'Renamed Co', isInactive: true },
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${API}/customers/${String(customer.id)}`);
		expect(request.body).toEqual({ company: 'Renamed Co', is_inactive: true });
		expect(items[0].json).toMatchObject({
			id: customer.id,
			company: 'Renamed Co',
			is_inactive: true,
		});
		expect(sim.store.get('customers', customer.id as number)).toMatchObject({
			company: 'Renamed Co',
			email: customer.email,
		});
	});

	it('Delete removes the customer and reports it', async () => {
		const customer = customers()[customers().length - 1];
		const items = await run(sim, {
			resource: 'customer',
			operation: 'delete',
			recordId: byId(customer.id as number),
		});

		const request = onlyRequest(sim);
		expect(request.method).toBe('DELETE');
		expect(request.path).toBe(`${API}/customers/${String(customer.id)}`);
		expect(jsonOf(items)).toEqual([{ id: customer.id, deleted: true }]);
		expect(sim.store.get('customers', customer.id as number)).toBeUndefined();
	});

	it('Get With Related reads /filled and Get Several by ID reads select_many', async () => {
		const [first, second] = customers();
		const filled = await run(sim, {
			resource: 'customer',
			operation: 'getFilled',
			recordId: byId(first.id as number),
		});
		expect(sim.requests[0].path).toBe(`${API}/customers/${String(first.id)}/filled`);
		expect(filled[0].json.addresses).toEqual(expect.any(Array));

		sim.clearRequests();
		const several = await run(sim, {
			resource: 'customer',
			operation: 'selectMany',
			ids: `${String(first.id)}, ${String(second.id)}`,
		});
		const request = onlyRequest(sim);
		expect(request.path).toBe(`${API}/customers/select_many`);
		expect(request.query.get('ids')).toBe(`${String(first.id)},${String(second.id)}`);
		expect(jsonOf(several).map((json) => json.id)).toEqual([first.id, second.id]);
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
			{ input: [{ id: customer.id as number }, { id: 'abc' }, { id: 987654 }], continueOnFail: true },
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
	it('Get Many lists the types; Create, Update and Delete write them', async () => {
		const listed = await run(sim, {
			resource: 'customerType',
			operation: 'getAll',
			returnAll: true,
		});
		expect(onlyRequest(sim).path).toBe(`${API}/customer_types`);
		expect(jsonOf(listed).map((json) => json.name)).toEqual(['Retail', 'Wholesale', 'VIP']);

		sim.clearRequests();
		const created = await run(sim, {
			resource: 'customerType',
			operation: 'create',
			name: 'Distributor',
			additionalFields: { customerLevel: 4 },
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'POST',
			path: `${API}/customer_types`,
			body: { name: 'Distributor', customer_level: 4 },
		});
		const id = created[0].json.id as number;

		sim.clearRequests();
		await run(sim, {
			resource: 'customerType',
			operation: 'update',
			recordId: byId(id),
			updateFields: { description: 'Resellers' },
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'PUT',
			path: `${API}/customer_types/${id}`,
			body: { description: 'Resellers' },
		});
		expect(sim.store.get('customer_types', id)).toMatchObject({
			name: 'Distributor',
			description: 'Resellers',
		});

		sim.clearRequests();
		const deleted = await run(sim, {
			resource: 'customerType',
			operation: 'delete',
			recordId: byId(id),
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'DELETE',
			path: `${API}/customer_types/${id}`,
		});
		expect(jsonOf(deleted)).toEqual([{ id, deleted: true }]);
		expect(sim.store.get('customer_types', id)).toBeUndefined();
	});

	it('Get reads one type', async () => {
		const items = await run(sim, { resource: 'customerType', operation: 'get', recordId: byId(2) });
		expect(onlyRequest(sim).path).toBe(`${API}/customer_types/2`);
		expect(items[0].json).toMatchObject({ id: 2, name: 'Wholesale' });
	});
});

describe('Address', () => {
	it('Get Many filters by customer', async () => {
		const customerId = customers()[3].id as number;
		const items = await run(sim, {
			resource: 'address',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			filters: { customerId },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({ customer_id: `eq:${customerId}` });
		expect(jsonOf(items)).toEqual(
			sim.store.list('addresses').filter((address) => address.customer_id === customerId),
		);
	});

	it('Get simplifies to the postal fields', async () => {
		const address = sim.store.list('addresses')[0];
		const items = await run(sim, {
			resource: 'address',
			operation: 'get',
			recordId: byId(address.id as number),
		});
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'id',
				'customer_id',
				'first_name',
				'last_name',
				'address_line_1',
				'city',
				'state',
				'postal_code',
				'country',
				'updated_at',
			].sort(),
		);
		expect(items[0].json.postal_code).toBe(address.postal_code);
	});

	it('Create needs customer and country; Update and Delete address one record', async () => {
		const customerId = customers()[5].id as number;
		const created = await run(sim, {
			resource: 'address',
			operation: 'create',
			customerId,
			country: 'United States',
			additionalFields: {
				addressLine1: '251 N Bristol Ave',
				city: 'Beaumont',
				postalCode: '77702',
				isDefaultShippingAddress: false,
			},
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'POST',
			path: `${API}/addresses`,
			body: {
				customer_id: customerId,
				country: 'United States',
				address_line_1: '251 N Bristol Ave',
				city: 'Beaumont',
				postal_code: '77702',
				is_default_shipping_address: false,
			},
		});
		const id = created[0].json.id as number;
		expect(sim.store.get('addresses', id)).toMatchObject({
			customer_id: customerId,
			city: 'Beaumont',
		});

		sim.clearRequests();
		await run(sim, {
			resource: 'address',
			operation: 'update',
			recordId: byId(id),
			updateFields: { addressLine2: 'Suite 9' },
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'PUT',
			path: `${API}/addresses/${id}`,
			body: { address_line_2: 'Suite 9' },
		});

		sim.clearRequests();
		await run(sim, { resource: 'address', operation: 'delete', recordId: byId(id) });
		expect(onlyRequest(sim)).toMatchObject({ method: 'DELETE', path: `${API}/addresses/${id}` });
		expect(sim.store.get('addresses', id)).toBeUndefined();
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
