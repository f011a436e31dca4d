/**
 * Turning one read into items (nodes/CartRover/trigger/emit.ts) without a server: the status read of
 * a shipped order the list gave without tracking, and the order items come out in.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { collectEmissions, itemOf } from '../../../nodes/CartRover/trigger/emit';
import { pollDeadline } from '../../../nodes/shared/poll';
import { fetchShipments } from '../../../nodes/CartRover/trigger/read';
import type { TriggerSettings } from '../../../nodes/CartRover/trigger/settings';
import { EmittedKeys, transitionKey } from '../../../nodes/CartRover/trigger/state';
import { cartRoverDate } from '../../../nodes/CartRover/trigger/transitions';

jest.mock('../../../nodes/CartRover/trigger/read', () => ({
	fetchShipments: jest.fn(async () => [{ tracking_no: '1ZSTATUS', date: STATUS_DATE }]),
}));

const F = 1_764_669_600;
const STATUS_DATE = cartRoverDate(F + 20);

const settings = (events: TriggerSettings['events']): TriggerSettings => ({
	events,
	lookBackSeconds: 300,
	level: 'merchant',
	account: { apiUser: 'u', baseUrl: 'http://x' },
});

const ctx = {} as IPollFunctions;

const order = (ref: string, fields: IDataObject): IDataObject => ({
	cust_ref: ref,
	order_source: 'Shop',
	created_date_time: cartRoverDate(F - 100),
	updated_date_time: cartRoverDate(F + 20),
	...fields,
});

describe('CartRover Trigger: emissions', () => {
	beforeEach(() => jest.mocked(fetchShipments).mockClear());

	it('a shipped order listed without shipments is read once more for its tracking, and the read is counted', async () => {
		const deadline = pollDeadline(ctx);
		const keys = new EmittedKeys({ k: 'k', f: F, s: [] });
		const listed = order('S-1', {
			order_status: 'shipped',
			delivered_to_wms_date: cartRoverDate(F + 5),
		});
		const { emissions } = await collectEmissions(
			{ ctx, settings: settings(['shipped']), keys, from: F, deadline },
			[listed],
		);
		expect(fetchShipments).toHaveBeenCalledTimes(1);
		expect(deadline.requests).toBe(1);
		expect(emissions.map(itemOf).map((item) => item.json)).toEqual([
			expect.objectContaining({
				cust_ref: 'S-1',
				event: 'shipped',
				event_date: STATUS_DATE,
				shipments: [{ tracking_no: '1ZSTATUS', date: STATUS_DATE }],
			}),
		]);
	});

	it('no status read when Shipped is not selected, or was emitted already', async () => {
		const listed = order('S-2', { order_status: 'confirmed' });
		const deadline = pollDeadline(ctx);
		const notSelected = new EmittedKeys({ k: 'k', f: F, s: [] });
		await collectEmissions(
			{ ctx, settings: settings(['confirmed']), keys: notSelected, from: F, deadline },
			[listed],
		);
		const emittedBefore = new EmittedKeys({ k: 'k', f: F, s: [] });
		emittedBefore.note(transitionKey('Shop\u0000S-2', 'shipped'), F + 10);
		const { emissions } = await collectEmissions(
			{ ctx, settings: settings(['shipped', 'confirmed']), keys: emittedBefore, from: F, deadline },
			[listed],
		);
		expect(fetchShipments).not.toHaveBeenCalled();
		expect(deadline.requests).toBe(0);
		expect(emissions.map((e) => e.transition.status)).toEqual(['confirmed']);
	});

	it('items come out by date; in one second, orders as listed and each order’s statuses in life order', async () => {
		const keys = new EmittedKeys({ k: 'k', f: F, s: [] });
		const same = cartRoverDate(F + 1);
		const orders = [
			order('B', { order_status: 'at_wms', created_date_time: same, delivered_to_wms_date: same }),
			order('A', { order_status: 'new', created_date_time: same }),
			order('C', {
				order_status: 'canceled',
				created_date_time: cartRoverDate(F),
				cancel_date: same,
			}),
		];
		const { emissions } = await collectEmissions(
			{ ctx, settings: settings(['new', 'at_wms', 'canceled']), keys, from: F },
			orders,
		);
		expect(emissions.map((e) => `${String(e.order.cust_ref)}@${e.transition.status}`)).toEqual([
			'C@new',
			'B@new',
			'B@at_wms',
			'A@new',
			'C@canceled',
		]);
	});
});
