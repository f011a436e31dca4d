/**
 * Which transitions an order object shows, with CartRover's dates (nodes/CartRover/trigger/transitions.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	cartRoverDate,
	epochSecondsOf,
	identityOf,
	transitionsOf,
} from '../../../nodes/CartRover/trigger/transitions';

const T0 = Date.parse('2026-12-02T10:00:00Z') / 1000;
const at = (offsetSeconds: number) => cartRoverDate(T0 + offsetSeconds);

function order(fields: IDataObject): IDataObject {
	return {
		cust_ref: 'R-1',
		order_source: 'Shop',
		order_status: 'new',
		created_date_time: at(0),
		updated_date_time: at(0),
		delivered_to_wms_date: null,
		cancel_date: null,
		shipments: [],
		...fields,
	};
}

const shipment = (offset: number, tracking = '1Z1') => ({
	tracking_no: tracking,
	date: at(offset),
});

describe('CartRover Trigger: transitions of an order', () => {
	it('reads CartRover timestamps as UTC seconds, with or without an offset', () => {
		expect(epochSecondsOf('2018-08-27T02:24:58+00:00')).toBe(
			Date.parse('2018-08-27T02:24:58Z') / 1000,
		);
		expect(epochSecondsOf('2018-08-27 02:24:58')).toBe(Date.parse('2018-08-27T02:24:58Z') / 1000);
		expect(epochSecondsOf('2018-08-27T04:24:58+02:00')).toBe(
			Date.parse('2018-08-27T02:24:58Z') / 1000,
		);
		expect(epochSecondsOf('2018-08-27')).toBeUndefined();
		expect(epochSecondsOf('')).toBeUndefined();
		expect(epochSecondsOf(null)).toBeUndefined();
		expect(cartRoverDate(Date.parse('2018-08-27T02:24:58Z') / 1000)).toBe(
			'2018-08-27T02:24:58+00:00',
		);
	});

	it('identifies an order by order source and cust_ref (cust_ref is unique per cart only)', () => {
		expect(identityOf(order({}))).toBe('Shop\u0000R-1');
		expect(identityOf(order({ order_source: 'Other' }))).not.toBe(identityOf(order({})));
		expect(identityOf(order({ cust_ref: '' }))).toBeUndefined();
	});

	it('a new order: one transition, listed by its created date', () => {
		const found = transitionsOf(order({}))!;
		expect(found.transitions).toEqual([{ status: 'new', at: T0 }]);
		expect(found.listedAt).toBe(T0);
	});

	it('an order that went new → at_wms → shipped between polls shows all three, in order', () => {
		const found = transitionsOf(
			order({
				order_status: 'shipped',
				delivered_to_wms_date: at(5),
				updated_date_time: at(9),
				shipments: [shipment(9)],
			}),
		)!;
		expect(found.transitions).toEqual([
			{ status: 'new', at: T0 },
			{ status: 'at_wms', at: T0 + 5 },
			{ status: 'shipped', at: T0 + 9 },
		]);
		expect(found.listedAt).toBe(T0 + 9);
		expect(found.lacksTracking).toBe(false);
	});

	it('same-second transitions come in the order of an order’s life', () => {
		const found = transitionsOf(
			order({ order_status: 'shipped', delivered_to_wms_date: at(0), shipments: [shipment(0)] }),
		)!;
		expect(found.transitions.map((t) => t.status)).toEqual(['new', 'at_wms', 'shipped']);
	});

	it('shipped dates from the first shipment; the list date is the newest (a second shipment is no new status)', () => {
		const found = transitionsOf(
			order({
				order_status: 'shipped',
				delivered_to_wms_date: at(1),
				shipments: [shipment(30, '1Z2'), shipment(10, '1Z1')],
			}),
		)!;
		expect(found.transitions.find((t) => t.status === 'shipped')!.at).toBe(T0 + 10);
		expect(found.listedAt).toBe(T0 + 30);
	});

	it('confirmed and error are dated by updated_date_time while the order is in them', () => {
		const confirmed = transitionsOf(
			order({
				order_status: 'confirmed',
				delivered_to_wms_date: at(1),
				shipments: [shipment(2)],
				updated_date_time: at(3),
			}),
		)!;
		expect(confirmed.transitions.map((t) => [t.status, t.at - T0])).toEqual([
			['new', 0],
			['at_wms', 1],
			['shipped', 2],
			['confirmed', 3],
		]);
		const error = transitionsOf(order({ order_status: 'error', updated_date_time: at(4) }))!;
		expect(error.transitions.map((t) => t.status)).toEqual(['new', 'error']);
		expect(error.listedAt).toBe(T0 + 4);
	});

	it('canceled by cancel_date', () => {
		const found = transitionsOf(
			order({ order_status: 'canceled', delivered_to_wms_date: at(1), cancel_date: at(7) }),
		)!;
		expect(found.transitions.map((t) => t.status)).toEqual(['new', 'at_wms', 'canceled']);
		expect(found.listedAt).toBe(T0 + 7);
	});

	it('a shipped order listed without tracking asks for a status read', () => {
		const found = transitionsOf(order({ order_status: 'shipped', shipments: undefined }))!;
		expect(found.lacksTracking).toBe(true);
		expect(found.transitions.map((t) => t.status)).toEqual(['new']);
	});
});
