import type { IDataObject } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import { expectInputError, operationsOf, standardOperationTests } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 30, products: 10, customers: 10 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

let next = 0;
const pick = () => sim.store.list('order_payments')[next++] as IDataObject;

describe('Order Payment', () => {
	it('offers the standard operations and Get Several by ID', () => {
		expect(operationsOf('orderPayment')).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'getDecrypted',
			'integrationUpsert',
			'selectMany',
			'update',
		]);
	});

	standardOperationTests(() => sim, {
		resource: 'orderPayment',
		pick,
		create: {
			parameters: {
				orderId: 100002,
				customerId: '={{ 3 }}',
				additionalFields: {
					amount: 12.5,
					paymentType: 'Check',
					paymentRefNum: 'CHK-1001',
					isApproved: true,
				},
			},
			body: {
				order_id: 100002,
				customer_id: 3,
				amount: 12.5,
				payment_type: 'Check',
				payment_ref_num: 'CHK-1001',
				is_approved: true,
			},
		},
		update: {
			updateFields: { isCaptured: true, paymentNote: 'captured by n8n' },
			body: { is_captured: true, payment_note: 'captured by n8n' },
		},
		filter: {
			filters: { isApproved: false },
			query: { is_approved: 'eq:false' },
			matches: (record) => record.is_approved === false,
		},
	});

	it('Create without the customer fails before any request, naming Customer ID', async () => {
		await expectInputError(
			sim,
			{ resource: 'orderPayment', operation: 'create', orderId: 100002, customerId: '' },
			'Customer ID',
		);
	});

	it('an invalid Paid At fails before any request', async () => {
		await expectInputError(
			sim,
			{
				resource: 'orderPayment',
				operation: 'update',
				recordId: { __rl: true, mode: 'id', value: '1' },
				updateFields: { paidAt: 'yesterday-ish' },
			},
			'Paid At',
		);
	});
});
