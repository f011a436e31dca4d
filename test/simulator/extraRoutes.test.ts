/**
 * The simulator's issue 14 routes (extraRoutes.ts) over real HTTP: what each documented route
 * refuses, and the shapes the docs show (AmeriCommerce/rest-api docs/resources/*.md).
 */
import { startSimulator, type SimRecord, type Simulator } from '.';

const TOKEN = 'extra-routes-token';

async function call(
	sim: Simulator,
	path: string,
	init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
	const headers: Record<string, string> = { 'X-AC-Auth-Token': TOKEN };
	if (init.body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${sim.apiBase}${path}`, {
		method: init.method ?? 'GET',
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	return {
		status: response.status,
		json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({
		accessToken: TOKEN,
		sizes: { orders: 4, products: 4, customers: 4, maxItemsPerOrder: 1 },
	});
});
afterAll(async () => await sim.stop());

describe('simulator: issue 14 routes', () => {
	it('process_payment refuses a card of another customer and writes nothing', async () => {
		const [owner, other] = sim.store.list('customers');
		const card = sim.store.create('credit_cards', { customer_id: owner.id, card_type: 'Visa' });
		const order = sim.store.list('orders')[0];
		const before = sim.store.count('order_payments');
		const result = await call(sim, `/orders/${String(order.id)}/process_payment`, {
			method: 'POST',
			body: { card_id: card.id, customer_id: other.id },
		});
		expect(result.status).toBe(409);
		expect(sim.store.count('order_payments')).toBe(before);
	});

	it('orders/integration refuses when two orders match the e-mail and date', async () => {
		const [first] = sim.store.list('orders');
		const customer = sim.store.get('customers', first.customer_id as number) as SimRecord;
		sim.store.create('orders', { ...first, id: undefined, order_number: '' });
		const result = await call(sim, '/orders/integration', {
			method: 'POST',
			body: { customer_email: customer.email, ordered_at: first.ordered_at },
		});
		expect(result.status).toBe(409);
	});

	it('store_alert_email lists {id, store_id, email}; every PUT adds an entry', async () => {
		const put = () =>
			call(sim, '/stores/1/store_alert_email', { method: 'PUT', body: { email: 'x@example.com' } });
		expect((await put()).json).toMatchObject({ store_id: 1, email: 'x@example.com' });
		await put();
		const list = await call(sim, '/stores/1/store_alert_email');
		expect(list.json.total_count).toBe(3);
		expect(list.json.store_alert_email).toEqual([
			expect.objectContaining({ email: 'alerts@sim-outfitters.example.com' }),
			expect.objectContaining({ email: 'x@example.com' }),
			expect.objectContaining({ email: 'x@example.com' }),
		]);
	});

	it('adcodes/{name}: a name, not an ID; unknown names are 404', async () => {
		const adcode = sim.store.create('adcodes', { name: 'fall-sale', visits: 0 });
		expect((await call(sim, '/adcodes/fall-sale')).json).toMatchObject({ id: adcode.id });
		expect((await call(sim, '/adcodes/no-such-code')).status).toBe(404);
		expect((await call(sim, `/adcodes/${String(adcode.id)}`)).json).toMatchObject({
			name: 'fall-sale',
		});
	});

	it('drips/{id}/members: DELETE marks complete, GET lists the members', async () => {
		const drip = sim.store.create('drips', { name: 'Nurture' });
		const customerId = sim.store.list('customers')[0].id;
		await call(sim, `/drips/${String(drip.id)}/members`, {
			method: 'POST',
			body: { customer_ids: [customerId] },
		});
		await call(sim, `/drips/${String(drip.id)}/members`, {
			method: 'DELETE',
			body: { customer_ids: [customerId] },
		});
		const list = await call(sim, `/drips/${String(drip.id)}/members`);
		expect(list.json.members).toEqual([
			expect.objectContaining({ customer_id: customerId, completed_at: expect.any(String) }),
		]);
	});

	it('sessions are read only', async () => {
		expect(
			(await call(sim, '/sessions', { method: 'POST', body: { ip_address: '1.2.3.4' } })).status,
		).toBe(405);
	});
});
