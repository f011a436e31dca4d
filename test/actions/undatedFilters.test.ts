/**
 * Get Many date filters on records live stores leave undated (issue 17): products without
 * created_at, order statuses without updated_at. A date comparison never matches an empty date
 * (assumed, as SQL compares; the simulator does the same), so those records are not in the list:
 * the node says so in an execution hint instead of leaving them out silently. The hint tests failed
 * on the node before it gave one.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { node } from '../helpers/actionKit';
import { runNode } from '../helpers/n8n';

describe('Get Many date filters on undated records', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { products: 45, orders: 0, customers: 1 } });
	});
	afterAll(async () => await sim.stop());

	async function getMany(parameters: INodeParameters) {
		let hints: string[] = [];
		const items = await runNode(node, {
			parameters: { operation: 'getAll', returnAll: true, simplify: false, ...parameters },
			credentials: tokenCredentials(sim),
			inspect: (context) => {
				hints = (context.hints as Array<{ message: string }>).map((hint) => hint.message);
			},
		});
		return { records: items.map((item) => item.json), hints };
	}

	it('the seed has products without created_at and order statuses without updated_at', () => {
		expect(sim.store.list('products').filter((p) => p.created_at === null).length).toBe(3);
		expect(sim.store.list('order_statuses').some((s) => s.updated_at === null)).toBe(true);
	});

	it('Products, Created After: the undated products are not listed, and a hint says why', async () => {
		const { records, hints } = await getMany({
			resource: 'product',
			filters: { createdAfter: '2000-01-01T00:00:00Z' },
		});

		const dated = sim.store
			.list('products')
			.filter((p) => p.created_at !== null)
			.reverse();
		expect(records.map((record: IDataObject) => record.id)).toEqual(dated.map((p) => p.id));
		expect(sim.requests[sim.requests.length - 1].query.get('created_at')).toBe(
			'gte:2000-01-01T00:00:00.000Z',
		);
		expect(hints).toEqual([
			expect.stringMatching(
				/^Get Many products: Cart.com leaves created_at empty on some products, and a filter on created_at never matches an empty date/,
			),
		]);
	});

	it('Order Statuses, Updated Before: the same hint, for updated_at', async () => {
		const { hints } = await getMany({
			resource: 'orderStatus',
			filters: { updatedBefore: '2100-01-01T00:00:00Z' },
		});
		expect(hints).toEqual([
			expect.stringContaining('leaves updated_at empty on some order statuses'),
		]);
	});

	it('no hint without a filter on such a field', async () => {
		const { records, hints } = await getMany({
			resource: 'product',
			filters: { updatedAfter: '2000-01-01T00:00:00Z' },
		});
		expect(records).toHaveLength(45);
		expect(hints).toEqual([]);
	});
});
