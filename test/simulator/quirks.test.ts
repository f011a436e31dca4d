/**
 * The simulator abilities the trigger's hardening tests rely on: writes that land between two page
 * requests of one read (beforeRequest / onRequest), and the list quirks (all off by default) of a
 * server that ignores `page` or filters, never stops sending `next_page`, or writes timestamps in
 * another form.
 */
import { DateTime } from 'luxon';

import { startSimulator, type SimRecord, type Simulator } from '.';

const TOKEN = 'quirk-token';
const ZONE = 'America/Chicago';

interface ListBody {
	total_count: number;
	next_page?: string;
	orders: SimRecord[];
}

describe('simulator: writes between page requests, and list quirks', () => {
	let sim: Simulator;
	let clock = DateTime.fromISO('2024-11-03T06:40:00.000Z');

	beforeEach(async () => {
		clock = DateTime.fromISO('2024-11-03T06:40:00.000Z');
		sim = await startSimulator({
			accessToken: TOKEN,
			now: () => clock,
			timeZone: ZONE,
			sizes: { orders: 250 },
		});
	});
	afterEach(async () => {
		await sim.stop();
	});

	async function list(query: string): Promise<ListBody> {
		const response = await fetch(`${sim.apiBase}/orders?${query}`, {
			headers: { 'X-AC-Auth-Token': TOKEN },
		});
		expect(response.status).toBe(200);
		return (await response.json()) as ListBody;
	}
	const ids = (body: ListBody) => body.orders.map((order) => order.id as number);
	const bulkUpdate = (orderIds: number[]) =>
		orderIds.forEach((id) => sim.store.touch('orders', id));

	it('beforeRequest applies a write after page 1 was answered and before page 2 is served: numbered pages then skip records', async () => {
		const all = sim.store.list('orders').map((order) => order.id as number);
		bulkUpdate(all); // one instant for all 250
		const bulkInstant = clock.toUTC().toISO();
		const query = (page: number) =>
			`updated_at=gte:${bulkInstant}&sort=updated_at,id&count=100&page=${page}`;
		clock = clock.plus({ seconds: 1 });
		sim.beforeRequest(
			(request) => request.query.get('page') === '2',
			() => {
				sim.store.touch('orders', all[3]); // read on page 1, now at the end
				sim.store.touch('orders', all[7]);
			},
		);
		const page1 = await list(query(1));
		const page2 = await list(query(2));
		const page3 = await list(query(3));
		expect(ids(page1)).toEqual(all.slice(0, 100));
		// The two moved orders shifted everything after them two places forward: all[100], all[101] are on no page.
		expect(ids(page2)).toEqual(all.slice(102, 202));
		expect(ids(page3)).toEqual([...all.slice(202), all[3], all[7]]);
		const read = new Set([...ids(page1), ...ids(page2), ...ids(page3)]);
		expect(all.filter((id) => !read.has(id))).toEqual([all[100], all[101]]);
	});

	it('beforeRequest runs once, for the first matching request only, and can be cancelled', async () => {
		let runs = 0;
		sim.beforeRequest(
			(request) => request.query.get('count') === '1',
			() => void runs++,
		);
		const cancelled = sim.beforeRequest(
			() => true,
			() => void (runs += 100),
		);
		cancelled();
		await list('count=2');
		await list('count=1');
		await list('count=1');
		expect(runs).toBe(1);
	});

	it('quirks are off by default', () => {
		expect(sim.options.quirks).toEqual({});
	});

	it('ignorePage serves page 1 for any page; endlessNextPage always links a next page', async () => {
		sim.options.quirks = { ignorePage: true, endlessNextPage: true };
		const page7 = await list('count=100&page=7');
		expect(ids(page7)).toEqual(ids(await list('count=100&page=1')));
		expect(page7.next_page).toBeDefined();
		const last = await list('count=1000');
		expect(last.orders).toHaveLength(250);
		expect(last.next_page).toBeDefined();
	});

	it('ignoreFilters answers as if no filter was sent, still sorted and paged', async () => {
		const newest = Math.max(...sim.store.list('orders').map((order) => order.id as number));
		sim.options.quirks = { ignoreFilters: true };
		const body = await list(`id=gt:${newest}&order_status_id=eq:999&sort=-id&count=5`);
		expect(body.total_count).toBe(250);
		expect(ids(body)).toEqual([newest, newest - 1, newest - 2, newest - 3, newest - 4]);
	});

	it('ignoreSort answers in id order whatever `sort` asks', async () => {
		sim.options.quirks = { ignoreSort: true };
		expect(ids(await list('sort=-id&count=3'))).toEqual([100001, 100002, 100003]);
	});

	it.each([
		['local', '2024-11-03T01:40:00.25'],
		['sql', '2024-11-03 01:40:00.25'],
		['dotnet', '/Date(1730616000250-0500)/'],
		['epoch-ms', 1730616000250],
		['epoch-s', 1730616000],
	] as const)(
		'timestampStyle %s rewrites created_at/updated_at in list responses only',
		async (style, expected) => {
			clock = DateTime.fromISO('2024-11-03T06:40:00.250Z'); // 01:40:00.25 CDT
			const order = sim.store.touch('orders', 100001);
			expect(order.updated_at).toBe('2024-11-03T01:40:00.25-05:00');
			sim.options.quirks = { timestampStyle: style };
			const [listed] = (await list('id=eq:100001')).orders;
			expect(listed.updated_at).toEqual(expected);
			expect(sim.store.get('orders', 100001)?.updated_at).toBe('2024-11-03T01:40:00.25-05:00');
			// Filters still compare the stored instant.
			expect(ids(await list(`updated_at=eq:2024-11-03T06:40:00.250Z`))).toEqual([100001]);
		},
	);
});
