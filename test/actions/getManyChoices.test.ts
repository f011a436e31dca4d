/**
 * Get Many's choices in the editor and what they send (issue 13, items 4-7): quick filters that
 * start empty, custom conditions on known fields only, the Sort dropdown, and Match scoped to the
 * custom conditions.
 */
import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/CartCom/actions/resources';
import { findSpec } from '../../nodes/CartCom/actions/specs';
import { API_FIELDS } from '../../nodes/CartCom/helpers/apiFields';
import { toCamelCase } from '../../nodes/CartCom/helpers/naming';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { runLoadOptions } from '../helpers/n8n';
import {
	API,
	expectInputError,
	jsonOf,
	node,
	queryOf,
	run,
	type Parameters,
} from '../helpers/actionKit';

/** The Get Many parameter `name` of a resource, as the node describes it. */
/** A Get Many parameter as the editor shows it to a node of the newest version. */
function getManyParameter(resource: string, name: string): INodeProperties {
	const found = node.description.properties.find(
		(property) =>
			property.name === name &&
			!property.displayOptions?.show?.['@version']?.includes(1) &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes('getAll'),
	);
	if (!found) throw new Error(`no ${name} on ${resource} → Get Many`);
	return found;
}

const getManyResources = () =>
	RESOURCES.filter((resource) =>
		resource.spec?.operations.some((operation) => operation.value === 'getAll'),
	);

/** The value n8n's editor puts in a collection when the user adds one of its options. */
function addedDefault(resource: string, option: string): unknown {
	const filters = getManyParameter(resource, 'filters');
	const entry = (filters.options as INodeProperties[]).find(
		(candidate) => candidate.name === option,
	);
	if (!entry) throw new Error(`no filter ${option} on ${resource}`);
	return entry.default;
}

const ids = (items: Awaited<ReturnType<typeof run>>) => jsonOf(items).map((json) => json.id);

const listRequests = (sim: Simulator, path: string) =>
	sim.requests.filter((request) => request.method === 'GET' && request.path === `${API}${path}`);

describe('Get Many', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 120, customers: 20, products: 20 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	const orders = (parameters: Parameters) =>
		run(sim, { resource: 'order', operation: 'getAll', simplify: false, ...parameters });

	describe('quick filters start empty (item 4)', () => {
		it('no numeric filter of any resource is a number parameter that starts at a value', () => {
			let numeric = 0;
			for (const resource of getManyResources()) {
				for (const field of resource.spec?.filterFields ?? []) {
					if (field.type !== 'number') continue;
					numeric++;
					const option = (
						getManyParameter(resource.value, 'filters').options as INodeProperties[]
					).find((candidate) => candidate.name === toCamelCase(field.name));
					expect({ resource: resource.value, field: field.name, option }).toMatchObject({
						option: { type: 'string', default: '' },
					});
				}
			}
			expect(numeric).toBeGreaterThan(15);
		});

		it('adding Customer ID with its default value sends no customer filter', async () => {
			const items = await orders({
				returnAll: true,
				filters: { customerId: addedDefault('order', 'customerId') },
			});
			const [request] = listRequests(sim, '/orders');
			expect(request.query.has('customer_id')).toBe(false);
			expect(items).toHaveLength(sim.store.count('orders'));
		});

		it('a 0 typed explicitly is still sent, and so is an expression number', async () => {
			await orders({ limit: 5, filters: { customerId: '0' } });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ customer_id: 'eq:0' });
			sim.clearRequests();
			const customerId = sim.store.list('orders')[3].customer_id as number;
			const items = await orders({ returnAll: true, filters: { customerId } });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({
				customer_id: `eq:${customerId}`,
			});
			expect(items.length).toBeGreaterThan(0);
			for (const item of jsonOf(items)) expect(item.customer_id).toBe(customerId);
		});

		it('a value that is not a whole number is refused, naming the filter', async () => {
			const error = await expectInputError(
				sim,
				{ resource: 'order', operation: 'getAll', limit: 5, filters: { customerId: '12a' } },
				'Customer ID',
			);
			expect(error.message).toContain('12a');
		});
	});

	describe('custom conditions on known fields only (item 5)', () => {
		const fieldChoices = async (resource: string) =>
			await runLoadOptions<INodePropertyOptions[]>(
				node,
				{
					parameters: { resource, operation: 'getAll' } as INodeParameters,
					credentials: tokenCredentials(sim),
				},
				async (context) =>
					(await node.methods.loadOptions.getFilterFields.call(context)) as INodePropertyOptions[],
			);

		it('the Field dropdown lists the resource’s fields, read from the node, not the store', async () => {
			const field = (
				getManyParameter('order', 'customFilters').options as Array<{ values: INodeProperties[] }>
			)[0].values.find((value) => value.name === 'field');
			expect(field).toMatchObject({
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getFilterFields' },
			});
			const values = (await fieldChoices('order')).map((option) => option.value);
			expect(values).toEqual(
				expect.arrayContaining([
					'id',
					'grand_total',
					'ordered_at',
					'order_status_id',
					'created_at',
					'updated_at',
				]),
			);
			expect(values).not.toContain('total');
			expect(sim.requests).toEqual([]);
		});

		it('every Get Many resource offers its spec fields and quick filters in the dropdown', async () => {
			for (const resource of getManyResources()) {
				const spec = findSpec(resource.value);
				const values = (await fieldChoices(resource.value)).map((option) => option.value);
				for (const field of [...spec.fields, ...(spec.filterFields ?? [])])
					expect({ resource: resource.value, has: values.includes(field.name) }).toEqual({
						resource: resource.value,
						has: true,
					});
			}
		});

		it('the known fields come from acapi.yaml for every resource it describes', () => {
			expect(API_FIELDS.orders).toEqual(
				expect.arrayContaining(['grand_total', 'ordered_at', 'order_status_id', 'order_number']),
			);
			expect(API_FIELDS.orders).not.toContain('items');
			const missing = getManyResources()
				.map((resource) => findSpec(resource.value).path.slice(1))
				.filter((path) => !API_FIELDS[path]);
			expect(missing).toEqual(['webhooks']);
		});

		it('refuses an unknown field before any request, suggesting the close names', async () => {
			const error = await expectInputError(
				sim,
				{
					resource: 'order',
					operation: 'getAll',
					returnAll: true,
					customFilters: { conditions: [{ field: 'total', operator: 'gt', value: '200' }] },
				},
				'"total"',
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.description).toContain('"grand_total"');
		});

		it('a known field filters on the server', async () => {
			const items = await orders({
				returnAll: true,
				customFilters: { conditions: [{ field: 'grand_total', operator: 'gt', value: '200' }] },
			});
			const expected = sim.store
				.list('orders')
				.filter((order) => (order.grand_total as number) > 200);
			expect(expected.length).toBeGreaterThan(0);
			expect(items).toHaveLength(expected.length);
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ grand_total: 'gt:200' });
		});
	});

	describe('Sort (item 6)', () => {
		it('is a dropdown that starts at Newest First, with Recently Updated where records have dates', () => {
			const sort = getManyParameter('order', 'sortOrder');
			expect(sort).toMatchObject({ type: 'options', default: 'newest' });
			expect((sort.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
				'Newest First',
				'Recently Updated',
				'Oldest First',
				'Custom',
			]);
			const untimed = RESOURCES.find((resource) => resource.spec && !resource.spec.timestamps);
			const untimedSort = getManyParameter(String(untimed?.value), 'sortOrder');
			expect((untimedSort.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(
				['newest', 'oldest', 'custom'],
			);
			const sortFields = (getManyParameter('order', 'options').options as INodeProperties[]).find(
				(option) => option.name === 'sort',
			);
			// Always shown: n8n drops hidden parameters when it loads a workflow, and workflows saved
			// before the Sort choice existed have their order here.
			expect(sortFields).toMatchObject({ type: 'string', default: '' });
			expect(sortFields?.displayOptions).toBeUndefined();
		});

		it('a node of version 1 (workflows saved before the Sort choice) keeps the oldest first', async () => {
			const versions = node.description.properties
				.filter(
					(property) =>
						property.name === 'sortOrder' &&
						property.displayOptions?.show?.resource?.includes('order'),
				)
				.map((property) => [property.displayOptions?.show?.['@version'], property.default]);
			expect(versions).toEqual([
				[[1], 'oldest'],
				[[{ _cnd: { gte: 1.1 } }], 'newest'],
			]);
			const items = await run(
				sim,
				{ resource: 'order', operation: 'getAll', simplify: false, limit: 5 },
				{ typeVersion: 1 },
			);
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: 'id' });
			const oldest = sim.store
				.list('orders')
				.map((order) => order.id)
				.slice(0, 5);
			expect(ids(items)).toEqual(oldest);
		});

		it('by default returns the newest orders first', async () => {
			const items = await orders({ limit: 5 });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: '-id' });
			const newest = sim.store
				.list('orders')
				.map((order) => order.id)
				.reverse()
				.slice(0, 5);
			expect(ids(items)).toEqual(newest);
		});

		it('Oldest First and Custom send what they say', async () => {
			const oldest = await orders({ limit: 3, sortOrder: 'oldest' });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: 'id' });
			expect(ids(oldest)).toEqual(
				sim.store
					.list('orders')
					.slice(0, 3)
					.map((order) => order.id),
			);
			sim.clearRequests();
			await orders({ limit: 3, sortOrder: 'custom', options: { sort: '-grand_total' } });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: '-grand_total' });
		});

		it('a workflow saved with Options → Sort and no Sort choice keeps its order', async () => {
			const items = await orders({ limit: 3, options: { sort: '-grand_total' } });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: '-grand_total' });
			const top = [...sim.store.list('orders')]
				.sort(
					(a, b) =>
						(b.grand_total as number) - (a.grand_total as number) ||
						(a.id as number) - (b.id as number),
				)
				.slice(0, 3)
				.map((order) => order.id);
			expect(ids(items)).toEqual(top);
		});

		it('Recently Updated with a limit asks Cart.com for the latest changes', async () => {
			const items = await orders({ limit: 4, sortOrder: 'updated' });
			expect(queryOf(listRequests(sim, '/orders')[0])).toMatchObject({ sort: '-updated_at,-id' });
			const latest = [...sim.store.list('orders')]
				.sort(
					(a, b) =>
						Date.parse(String(b.updated_at)) - Date.parse(String(a.updated_at)) ||
						(b.id as number) - (a.id as number),
				)
				.slice(0, 4)
				.map((order) => order.id);
			expect(ids(items)).toEqual(latest);
		});

		it('Return All, Newest First: an order placed while the pages are read neither doubles nor hides one', async () => {
			const before = sim.store.list('orders').map((order) => order.id);
			let placed: number | undefined;
			const stop = sim.onRequest((request) => {
				if (request.query.get('page') === '2' && placed === undefined)
					placed = sim.store.create('orders', { customer_id: 1, grand_total: 5 }).id as number;
			});
			try {
				const items = await orders({ returnAll: true, options: { pageSize: 25 } });
				const read = ids(items);
				expect(new Set(read).size).toBe(read.length);
				expect(read).toEqual([...before].reverse());
				expect(listRequests(sim, '/orders').length).toBeGreaterThan(4);
			} finally {
				stop();
				if (placed !== undefined) sim.store.remove('orders', placed);
			}
		});

		it('Return All, Recently Updated: an order changed while the pages are read is still returned once', async () => {
			const all = sim.store.list('orders');
			const changed = all[all.length - 10].id as number;
			let done = false;
			const stop = sim.onRequest((request) => {
				if (request.query.get('page') === '2' && !done) {
					done = true;
					sim.store.update('orders', changed, { admin_comments: 'touched' });
				}
			});
			try {
				const items = await orders({
					returnAll: true,
					sortOrder: 'updated',
					options: { pageSize: 25 },
				});
				const read = ids(items);
				expect(new Set(read).size).toBe(all.length);
				expect(read).toHaveLength(all.length);
				expect(read[0]).toBe(changed);
				// Read in ID order (records do not move between pages), sorted by the node.
				for (const request of listRequests(sim, '/orders'))
					expect(request.query.get('sort')).toBe('id');
				const stamps = jsonOf(items).map((json) => Date.parse(String(json.updated_at)));
				expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
			} finally {
				stop();
			}
		});
	});

	it('Return All, Recently Updated with Options → Fields: sorted by the date, output only the fields asked', async () => {
		const items = await orders({
			returnAll: true,
			sortOrder: 'updated',
			options: { fields: 'order_number', pageSize: 50 },
		});
		for (const request of listRequests(sim, '/orders'))
			expect(request.query.get('fields')).toBe('order_number,updated_at');
		const expected = [...sim.store.list('orders')]
			.sort(
				(a, b) =>
					Date.parse(String(b.updated_at)) - Date.parse(String(a.updated_at)) ||
					(b.id as number) - (a.id as number),
			)
			.map((order) => order.id);
		expect(ids(items)).toEqual(expected);
		expect(Object.keys(items[0].json).sort()).toEqual(['id', 'order_number']);
	});

	describe('Match applies to the custom conditions only (item 7)', () => {
		it('is shown only once a custom condition exists', () => {
			const match = getManyParameter('order', 'match');
			const shown = (values: INodeParameters) =>
				NodeHelpers.displayParameter(values, match, null, null);
			const base = { resource: 'order', operation: 'getAll' };
			expect(shown({ ...base })).toBe(true); // the editor always holds customFilters (default {})
			expect(shown({ ...base, customFilters: {} })).toBe(false);
			expect(shown({ ...base, customFilters: { conditions: [] } })).toBe(false);
			expect(
				shown({
					...base,
					customFilters: { conditions: [{ field: 'id', operator: 'eq', value: '1' }] },
				}),
			).toBe(true);
		});

		it('Any with a quick filter: the filter holds, and at least one condition', async () => {
			const store = sim.store.list('orders');
			const customerId = store[7].customer_id as number;
			const items = await orders({
				returnAll: true,
				filters: { customerId: String(customerId) },
				match: 'any',
				customFilters: {
					conditions: [
						{ field: 'grand_total', operator: 'gt', value: '300' },
						{ field: 'order_status_id', operator: 'eq', value: String(store[7].order_status_id) },
					],
				},
			});
			const expected = store
				.filter(
					(order) =>
						order.customer_id === customerId &&
						((order.grand_total as number) > 300 ||
							order.order_status_id === store[7].order_status_id),
				)
				.map((order) => order.id)
				.reverse();
			expect(expected.length).toBeGreaterThan(0);
			expect(ids(items)).toEqual(expected);
			// One query per condition, each with the quick filter; no OR that could reach the filter.
			const queries = listRequests(sim, '/orders').map(queryOf);
			expect(queries).toHaveLength(2);
			for (const query of queries) {
				expect(query.customer_id).toBe(`eq:${customerId}`);
				expect(Object.values(query).some((value) => value.startsWith('OR '))).toBe(false);
			}
		});

		it('Any with a limit keeps the newest of the merged lists', async () => {
			const items = await orders({
				limit: 6,
				filters: { createdAfter: '2000-01-01T00:00:00Z' },
				match: 'any',
				customFilters: {
					conditions: [
						{ field: 'grand_total', operator: 'gt', value: '250' },
						{ field: 'grand_total', operator: 'lt', value: '50' },
					],
				},
			});
			const expected = sim.store
				.list('orders')
				.filter(
					(order) => (order.grand_total as number) > 250 || (order.grand_total as number) < 50,
				)
				.map((order) => order.id)
				.reverse()
				.slice(0, 6);
			expect(ids(items)).toEqual(expected);
		});

		it('Any without quick filters is one query; All is one query', async () => {
			await orders({
				limit: 5,
				match: 'any',
				customFilters: {
					conditions: [
						{ field: 'grand_total', operator: 'gt', value: '300' },
						{ field: 'order_status_id', operator: 'eq', value: '1' },
					],
				},
			});
			expect(listRequests(sim, '/orders').map(queryOf)).toEqual([
				expect.objectContaining({ grand_total: 'gt:300', order_status_id: 'OR eq:1' }),
			]);
		});
	});
});
