/**
 * The simulator's records against the live shapes of the seven streams Airbyte's source-cart reads
 * (addresses, customers, order_items, order_payments, orders, order_statuses, products): the
 * schemas in ./liveSchemas, derived from acapi.yaml and Airbyte's live-read manifest (their
 * `$comment` cites both). Read over HTTP as a client reads them, envelope and records key included,
 * so the simulator cannot drift from live shapes unnoticed (issue 17).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { schemaProblems, type RecordSchema } from '../helpers/jsonSchema';
import { startSimulator, type Simulator } from '.';

const TOKEN = 'live-shapes-token';
const STREAMS = [
	'addresses',
	'customers',
	'order_items',
	'order_payments',
	'orders',
	'order_statuses',
	'products',
];

type LiveSchema = RecordSchema & { recordsKey: string };
const schemaOf = (stream: string): LiveSchema =>
	JSON.parse(readFileSync(join(__dirname, 'liveSchemas', `${stream}.json`), 'utf8')) as LiveSchema;

async function page(sim: Simulator, stream: string): Promise<Record<string, unknown>> {
	const response = await fetch(`${sim.apiBase}/${stream}?count=1000`, {
		headers: { 'X-AC-Auth-Token': TOKEN },
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

describe('simulator records have the live shapes', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({
			accessToken: TOKEN,
			seed: 17,
			sizes: { orders: 120, products: 60 },
		});
	});
	afterAll(async () => await sim.stop());

	it.each(STREAMS)('%s: envelope, records key and every record fit the schema', async (stream) => {
		const schema = schemaOf(stream);
		const body = await page(sim, stream);

		expect(Object.keys(body).sort()).toEqual([schema.recordsKey, 'total_count'].sort());
		const records = body[schema.recordsKey] as Array<Record<string, unknown>>;
		expect(records.length).toBe(body.total_count);
		expect(records.length).toBeGreaterThan(0);
		const problems = records.flatMap((record) =>
			schemaProblems(record, schema).map((problem) => `${stream} ${String(record.id)} ${problem}`),
		);
		expect([...new Set(problems)].slice(0, 20)).toEqual([]);
	});

	it('the shapes that break clients occur: kit and discount lines, undated products and statuses', async () => {
		const items = (await page(sim, 'order_items')).items as Array<Record<string, unknown>>;
		expect(items.some((item) => item.is_discount_item === true)).toBe(true);
		expect(items.some((item) => item.is_quantity_bound_to_parent === true)).toBe(true);
		expect(items.some((item) => typeof item.parent_order_item_id === 'number')).toBe(true);
		const products = (await page(sim, 'products')).products as Array<Record<string, unknown>>;
		expect(products.some((product) => product.created_at === null)).toBe(true);
		const statuses = (await page(sim, 'order_statuses')).order_statuses as Array<
			Record<string, unknown>
		>;
		expect(statuses.some((status) => status.updated_at === null)).toBe(true);
	});

	it('products are as wide as live ones: every field of the live read, 123, and acapi.yaml’s', async () => {
		const [product] = (await page(sim, 'products')).products as Array<Record<string, unknown>>;
		expect(Object.keys(product).length).toBeGreaterThanOrEqual(
			schemaOf('products').required.length,
		);
		expect(schemaOf('products').required.length).toBeGreaterThanOrEqual(123);
	});

	it('the check bites: a string id, money as text, a date without offset, a missing field', () => {
		const schema = schemaOf('orders');
		const record = {
			...Object.fromEntries(schema.required.map((name) => [name, null])),
			id: '100001',
			grand_total: '55.43',
			created_at: '2024-05-14T11:09:20',
		};
		delete (record as Record<string, unknown>).customer_id;
		expect(schemaProblems(record, schema)).toEqual(
			expect.arrayContaining([
				'customer_id: missing',
				'id: "100001" is not integer',
				'grand_total: "55.43" is not number',
				expect.stringContaining('created_at: "2024-05-14T11:09:20" does not match'),
			]),
		);
	});
});
