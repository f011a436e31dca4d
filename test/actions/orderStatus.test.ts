import type { IDataObject } from 'n8n-workflow';

import { CartCom } from '../../nodes/CartCom/CartCom.node';
import { runLoadOptions } from '../helpers/n8n';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { expectInputError, operationsOf, standardOperationTests } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 5, products: 5, customers: 5 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

// From the end, so Get / Update / Delete never touch the statuses the seeded orders use most.
let next = 1;
const pick = () => {
	const statuses = sim.store.list('order_statuses');
	return statuses[statuses.length - next++] as IDataObject;
};

describe('Order Status', () => {
	it('offers the standard operations', () => {
		expect(operationsOf('orderStatus')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
	});

	standardOperationTests(() => sim, {
		resource: 'orderStatus',
		pick,
		create: {
			parameters: { additionalFields: { name: 'Awaiting Pickup', color: '#123456', isOpen: true } },
			body: { name: 'Awaiting Pickup', color: '#123456', is_open: true },
		},
		update: {
			updateFields: { isCancelled: true, name: 'Voided' },
			body: { is_cancelled: true, name: 'Voided' },
		},
		filter: {
			filters: { isShipped: true },
			query: { is_shipped: 'eq:true' },
			matches: (record) => record.is_shipped === true,
		},
	});

	it('the status dropdown lists the store’s statuses by name with numeric IDs', async () => {
		const options = await runLoadOptions(
			new CartCom(),
			{
				parameters: { resource: 'order', operation: 'updateStatus' },
				credentials: tokenCredentials(sim),
			},
			async (context) => await new CartCom().methods.loadOptions.getOrderStatuses.call(context),
		);
		const statuses = sim.store.list('order_statuses');
		expect(options.map((option) => option.value).sort()).toEqual(
			statuses.map((status) => status.id).sort(),
		);
		expect(options.find((option) => option.value === 3)?.name).toBe('Shipped');
	});

	it('Create without any field fails before any request', async () => {
		await expectInputError(
			sim,
			{ resource: 'orderStatus', operation: 'create' },
			'Additional Fields',
		);
	});
});
