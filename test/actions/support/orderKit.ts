/**
 * Helpers for the orders-domain tests (Order, Order Item, Order Payment, Order Shipment, Order
 * Status, Order Address): run the node against the simulator and read what it sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../helpers/fixtures';
import { API, byId, expectInputError, jsonOf, onlyRequest, pairedIndexes, queryOf, routesOf, run } from '../../helpers/actionKit';

export * from '../../helpers/actionKit';

export const writes = (sim: Simulator) => sim.requests.filter((request) => request.method !== 'GET');

/** Shipments per order id, from the store itself. */
export function shipmentsByOrder(sim: Simulator): Map<number, IDataObject[]> {
	const grouped = new Map<number, IDataObject[]>();
	for (const shipment of sim.store.list('order_shipments')) {
		const orderId = shipment.order_id as number;
		grouped.set(orderId, [...(grouped.get(orderId) ?? []), shipment as IDataObject]);
	}
	return grouped;
}

export interface StandardCase {
	resource: string;
	/** Simulator table and API path segment, e.g. order_items. */
	table: string;
	simplifyFields?: string[];
	/** An existing record to read, change and delete (a different one each call). */
	pick: () => IDataObject;
	create: { parameters: INodeParameters; body: IDataObject };
	update: { updateFields: INodeParameters; body: IDataObject };
	filter: { filters: INodeParameters; query: Record<string, string>; matches: (record: IDataObject) => boolean };
	selectMany?: boolean;
}

/**
 * One test per standard operation of a plain resource: the request sent (method, path, query,
 * body) and the items returned or the state left in the store.
 */
export function standardOperationTests(getSim: () => Simulator, spec: StandardCase) {
	const path = `${API}/${spec.table}`;
	const { resource } = spec;

	it('Get reads one record (simplified)', async () => {
		const sim = getSim();
		const record = spec.pick();
		const items = await run(sim, { resource, operation: 'get', recordId: byId(record.id as number) });

		expect(routesOf(sim.requests)).toEqual([`GET /${spec.table}/${String(record.id)}`]);
		const expected: IDataObject = { id: record.id };
		for (const field of spec.simplifyFields ?? Object.keys(record)) if (field in record) expected[field] = record[field];
		expect(jsonOf(items)).toEqual([expected]);
		expect(pairedIndexes(items)).toEqual([0]);
	});

	it('Get Many with a filter sends field=eq:value and returns the matching records', async () => {
		const sim = getSim();
		const items = await run(sim, { resource, operation: 'getAll', returnAll: true, simplify: false, filters: spec.filter.filters });

		const request = onlyRequest(sim);
		expect(request.path).toBe(path);
		expect(queryOf(request)).toEqual({ ...spec.filter.query, count: '100', page: '1' });
		const expected = sim.store.list(spec.table).filter((record) => spec.filter.matches(record as IDataObject));
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOf(items).map((json) => json.id)).toEqual(expected.map((record) => record.id));
	});

	it('Get Many without Return All stops at the limit', async () => {
		const sim = getSim();
		const items = await run(sim, { resource, operation: 'getAll', limit: 3 });

		expect(queryOf(onlyRequest(sim))).toEqual({ count: '3', page: '1' });
		expect(items).toHaveLength(3);
	});

	it('Create posts the fields and returns the new record', async () => {
		const sim = getSim();
		const before = sim.store.count(spec.table);
		const items = await run(sim, { resource, operation: 'create', ...spec.create.parameters });

		const request = onlyRequest(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(path);
		expect(request.body).toEqual(spec.create.body);
		expect(sim.store.count(spec.table)).toBe(before + 1);
		const stored = sim.store.get(spec.table, items[0].json.id as number);
		expect(stored).toMatchObject(spec.create.body);
	});

	it('Update sends the changed fields with PUT', async () => {
		const sim = getSim();
		const record = spec.pick();
		const items = await run(sim, { resource, operation: 'update', recordId: byId(record.id as number), updateFields: spec.update.updateFields });

		const request = onlyRequest(sim);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${path}/${String(record.id)}`);
		expect(request.body).toEqual(spec.update.body);
		expect(sim.store.get(spec.table, record.id as number)).toMatchObject(spec.update.body);
		expect(items[0].json).toMatchObject({ id: record.id, ...spec.update.body });
	});

	it('Delete removes the record and returns deleted: true', async () => {
		const sim = getSim();
		const record = spec.pick();
		const items = await run(sim, { resource, operation: 'delete', recordId: byId(record.id as number) });

		expect(routesOf(sim.requests)).toEqual([`DELETE /${spec.table}/${String(record.id)}`]);
		expect(jsonOf(items)).toEqual([{ id: record.id, deleted: true }]);
		expect(sim.store.get(spec.table, record.id as number)).toBeUndefined();
	});

	if (spec.selectMany) {
		it('Get Several by ID sends select_many with the ids', async () => {
			const sim = getSim();
			const ids = [spec.pick(), spec.pick()].map((record) => record.id as number).sort((a, b) => a - b);
			const items = await run(sim, { resource, operation: 'selectMany', ids: ids.join(','), simplify: false });

			const request = onlyRequest(sim);
			expect(request.path).toBe(`${path}/select_many`);
			expect(queryOf(request).ids).toBe(ids.join(','));
			expect(jsonOf(items).map((json) => json.id)).toEqual(ids);
		});
	}

	it('with Continue On Fail, an unknown ID becomes an error item paired to it; the others succeed', async () => {
		const sim = getSim();
		const [a, b] = [spec.pick(), spec.pick()];
		const items = await run(
			sim,
			{ resource, operation: 'get', recordId: byId('={{ $json.id }}'), simplify: false },
			{ input: [{ id: a.id }, { id: 987654 }, { id: b.id }], continueOnFail: true },
		);

		expect(pairedIndexes(items)).toEqual([0, 1, 2]);
		expect(items[0].json.id).toBe(a.id);
		expect(items[1].json).toMatchObject({ error: expect.any(String), httpCode: '404' });
		expect(items[2].json.id).toBe(b.id);
	});

	it('a non-numeric ID fails before any request, naming the field', async () => {
		await expectInputError(getSim(), { resource, operation: 'get', recordId: byId('12a') }, 'ID');
	});
}
