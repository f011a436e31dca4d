/**
 * Get Many's filters, property-tested: for random mixes of fixed filters, custom conditions and
 * Match, the queries the node builds (their records merged) must mean exactly what the UI says
 * (every filter AND all/any of the conditions), read the way Cart.com reads a query
 * (docs/query_syntax.md: one expression, no parentheses, AND before OR; the simulator's 'flat' reading).
 */
import { CartCom } from '../../nodes/CartCom/CartCom.node';
import {
	buildListFilterQueries,
	encodeQuery,
	type FilterCondition,
	type FilterOperator,
} from '../../nodes/CartCom/transport';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { runNode } from '../helpers/n8n';
import { buildFilter, Condition } from '../simulator/filters';

/** mulberry32, seeded, so a failing case can be replayed. */
function prng(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIELDS = ['a', 'b', 'c'];
const OPERATORS: FilterOperator[] = ['eq', 'not', 'gt', 'gte', 'lt', 'lte'];

describe('list filters, property-tested against the way Cart.com reads a query', () => {
	it('every mix of filters and Match is read as the UI says', () => {
		const random = prng(20261202);
		const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
		const condition = (): FilterCondition => ({
			field: pick(FIELDS),
			operator: pick(OPERATORS),
			value: Math.floor(random() * 10),
		});
		const records = Array.from({ length: 300 }, (_v, id) => ({
			id,
			a: Math.floor(random() * 10),
			b: Math.floor(random() * 10),
			c: Math.floor(random() * 10),
		}));
		const holds = (record: Record<string, number>, { field, operator, value }: FilterCondition) =>
			new Condition(operator, String(value), 'UTC').matches(record[field]);
		let merged = 0;
		let checked = 0;

		for (let round = 0; round < 1000; round++) {
			const required = Array.from({ length: Math.floor(random() * 3) }, condition);
			const alternatives = Array.from({ length: Math.floor(random() * 4) }, condition);
			const match = random() < 0.5 ? 'all' : 'any';
			const queries = buildListFilterQueries(required, alternatives, match);
			// Several queries exactly when Cart.com's syntax has no way to say it in one.
			expect(queries.length > 1).toBe(
				match === 'any' && required.length > 0 && alternatives.length > 1,
			);
			if (queries.length > 1) merged++;
			const predicates = queries.map(
				(query) =>
					buildFilter(new URLSearchParams(encodeQuery(query)), new Set(FIELDS), 'UTC', 'flat') ??
					(() => true),
			);
			const predicate = (record: Record<string, number>) =>
				predicates.some((matches) => matches(record));
			const query = queries;
			const intended = (record: Record<string, number>) =>
				required.every((c) => holds(record, c)) &&
				(alternatives.length === 0 ||
					(match === 'all'
						? alternatives.every((c) => holds(record, c))
						: alternatives.some((c) => holds(record, c))));
			const wrong = records.filter((record) => predicate(record) !== intended(record));
			expect({ round, query, wrong: wrong.length }).toEqual({ round, query, wrong: 0 });
			checked++;
		}
		expect(merged).toBeGreaterThan(50);
		expect(checked).toBeGreaterThan(500);
	});
});

describe('Get Many: Match Any', () => {
	const node = new CartCom();
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { orders: 200, customers: 30, products: 20 } });
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.clearRequests());

	it('with a fixed filter on the same field: the filter holds, and at least one condition', async () => {
		const items = await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { updatedAfter: '2024-01-01T00:00:00Z' },
				match: 'any',
				customFilters: {
					conditions: [
						{ field: 'updated_at', operator: 'gt', value: '2024-06-01T00:00:00Z' },
						{ field: 'grand_total', operator: 'gt', value: '100' },
					],
				},
			},
			credentials: tokenCredentials(sim),
		});
		const after = (order: Record<string, unknown>, iso: string) =>
			Date.parse(String(order.updated_at)) > Date.parse(iso);
		const expected = sim.store
			.list('orders')
			.filter(
				(order) =>
					Date.parse(String(order.updated_at)) >= Date.parse('2024-01-01T00:00:00Z') &&
					(after(order, '2024-06-01T00:00:00Z') || (order.grand_total as number) > 100),
			)
			.map((order) => order.id);
		expect(expected.length).toBeGreaterThan(10);
		expect(items.map((item) => item.json.id).sort()).toEqual([...expected].sort());
		expect(sim.requests.length).toBeGreaterThanOrEqual(2);
	});

	it('on its own returns exactly the records meeting at least one condition', async () => {
		const items = await runNode(node, {
			parameters: {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				match: 'any',
				customFilters: {
					conditions: [
						{ field: 'grand_total', operator: 'gt', value: '300' },
						{ field: 'order_status_id', operator: 'eq', value: '1' },
					],
				},
			},
			credentials: tokenCredentials(sim),
		});
		const expected = sim.store
			.list('orders')
			.filter((order) => (order.grand_total as number) > 300 || order.order_status_id === 1)
			.map((order) => order.id);
		expect(expected.length).toBeGreaterThan(10);
		expect(items.map((item) => item.json.id).sort()).toEqual([...expected].sort());
	});
});
