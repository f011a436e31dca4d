/**
 * Issue 13 (11, 12): the "From list" pickers say what a record is (orders: number, date, total,
 * status, customer); Create Shipment offers the store's carriers and shipping methods while
 * sending the same names as before; its output opens on what was created.
 */
import type {
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { LoadOptionsContext } from 'n8n-core';

import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { runLoadOptions } from '../helpers/n8n';
import { API, byId, node, run, shipmentsByOrder } from '../helpers/actionKit';

let sim: Simulator;
beforeAll(async () => {
	sim = await startStore({ sizes: { orders: 30, products: 6, customers: 10 } });
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

async function inEditor<T>(
	parameters: INodeParameters,
	call: (context: LoadOptionsContext) => Promise<T>,
): Promise<T> {
	return await runLoadOptions<T>(node, { parameters, credentials: tokenCredentials(sim) }, call);
}

const search = async (resource: string, method = 'searchRecords', filter?: string) =>
	await inEditor<INodeListSearchResult>(
		{ resource, operation: 'get' },
		async (context) =>
			await (
				node.methods.listSearch as Record<
					string,
					(this: LoadOptionsContext, filter?: string) => Promise<INodeListSearchResult>
				>
			)[method].call(context, filter),
	);

const paths = () => sim.requests.map((request) => request.path);

describe('From list: labels that say what a record is', () => {
	it('orders: #number · date · total · status · customer, with two lookups per page', async () => {
		const { results } = await search('order');
		const order = sim.store
			.list('orders')
			.find((record) => String(record.id) === results[0].value)!;
		const status = sim.store.get('order_statuses', order.order_status_id as number)!;
		const customer = sim.store.get('customers', order.customer_id as number)!;
		expect(results[0].name).toBe(
			[
				`#${String(order.order_number || order.id)}`,
				String(order.ordered_at).slice(0, 10),
				Number(order.grand_total).toFixed(2),
				String(status.name),
				`${String(customer.first_name)} ${String(customer.last_name)}`,
				String(customer.email),
			].join(' · '),
		);
		// One page of orders, the statuses once, the page's customers in one call.
		expect(paths()).toEqual([
			`${API}/orders`,
			`${API}/order_statuses`,
			`${API}/customers/select_many`,
		]);
		const ids = new URLSearchParams(sim.requests[2].query).get('ids')!.split(',');
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeLessThanOrEqual(50);
	});

	it('orders: the picker of Create Shipment (searchOrders) shows the same labels', async () => {
		const { results } = await search('order', 'searchOrders');
		expect(results[0].name).toMatch(/^#\S+ · \d{4}-\d{2}-\d{2} · \d+\.\d{2} · .+ · .+@.+$/);
	});

	it('orders: a customer the lookup does not return is shown by ID', async () => {
		const newest = sim.store
			.list('orders')
			.reduce((a, b) => ((a.id as number) > (b.id as number) ? a : b));
		sim.store.update('orders', newest.id as number, { customer_id: 999999 });
		try {
			const { results } = await search('order');
			expect(results[0].value).toBe(String(newest.id));
			expect(results[0].name).toMatch(/ · customer 999999$/);
		} finally {
			sim.store.update('orders', newest.id as number, { customer_id: newest.customer_id });
		}
	});

	it('products: SKU · name · price (#id)', async () => {
		const { results } = await search('product');
		const product = sim.store
			.list('products')
			.find((record) => String(record.id) === results[0].value)!;
		expect(results[0].name).toBe(
			`${String(product.item_number)} · ${String(product.item_name)} · ${Number(product.price).toFixed(2)} (#${String(product.id)})`,
		);
	});

	it('customers: name · email (#id)', async () => {
		const { results } = await search('customer');
		const customer = sim.store
			.list('customers')
			.find((record) => String(record.id) === results[0].value)!;
		expect(results[0].name).toBe(
			`${String(customer.first_name)} ${String(customer.last_name)} · ${String(customer.email)} (#${String(customer.id)})`,
		);
	});
});

describe('Create Shipment: Carrier and Shipping Method from the store', () => {
	const shipmentParameter = (name: string): INodeProperties => {
		for (const property of node.description.properties as INodeProperties[]) {
			const show = property.displayOptions?.show;
			if (!show?.operation?.includes('createShipment')) continue;
			if (property.name === name) return property;
			const inner = ((property.options ?? []) as INodeProperties[]).find(
				(option) => option.name === name,
			);
			if (inner) return inner;
		}
		throw new Error(`no ${name}`);
	};

	it('both are dropdowns of names that accept any name (old free text stays valid)', () => {
		for (const [name, method] of [
			['carrier', 'getShippingProviderNames'],
			['shippingMethod', 'getShippingMethodNames'],
		]) {
			const parameter = shipmentParameter(name);
			expect(parameter.type).toBe('options');
			expect(parameter.typeOptions?.loadOptionsMethod).toBe(method);
			expect(parameter.allowArbitraryValues).toBe(true);
			expect(parameter.default).toBe('');
			expect(parameter.description).toContain('specify a name using an');
		}
		expect(shipmentParameter('carrier').displayName).toBe('Carrier');
		expect(shipmentParameter('shippingMethod').displayName).toBe('Shipping Method');
	});

	const load = async (method: string, parameters: INodeParameters = {}) =>
		await inEditor<INodePropertyOptions[]>(
			{ resource: 'order', operation: 'createShipment', ...parameters },
			async (context) =>
				await (
					node.methods.loadOptions as Record<
						string,
						(this: LoadOptionsContext) => Promise<INodePropertyOptions[]>
					>
				)[method].call(context),
		);

	it('Carrier lists the store’s shipping providers by name', async () => {
		const options = await load('getShippingProviderNames');
		expect(options.map((option) => option.value)).toEqual(['FedEx', 'UPS', 'USPS']);
		expect(paths()).toEqual([`${API}/shipping_providers`]);
	});

	it('Shipping Method lists carrier services (by identifier) and custom methods', async () => {
		const options = await load('getShippingMethodNames');
		const values = options.map((option) => option.value);
		expect(values).toContain('UPS Ground');
		expect(values).toContain('Flat Rate');
		expect(options.find((option) => option.value === 'UPS Ground')?.description).toBe(
			'UPS service',
		);
		expect(options.find((option) => option.value === 'Flat Rate')?.description).toBe(
			'Custom shipping method',
		);
		expect(paths()).toEqual([
			`${API}/shipping_providers`,
			`${API}/shipping_provider_services`,
			`${API}/custom_shipping_methods`,
		]);
	});

	it('a name typed in an older workflow is kept in the list, as it is sent', async () => {
		const carriers = await load('getShippingProviderNames', { carrier: 'DHL Express' });
		expect(carriers[0]).toEqual({
			name: 'DHL Express',
			value: 'DHL Express',
			description: 'Not in the store’s list; sent as typed',
		});
		const methods = await load('getShippingMethodNames', {
			additionalFields: { shippingMethod: 'Courier' },
		});
		expect(methods[0].value).toBe('Courier');
		const expression = await load('getShippingProviderNames', { carrier: '={{ $json.carrier }}' });
		expect(expression.map((option) => option.value)).toEqual(['FedEx', 'UPS', 'USPS']);
	});

	it('the chosen or typed names are sent as before: shipping_provider_name and shipping_method', async () => {
		const shipped = shipmentsByOrder(sim);
		const order = sim.store.list('orders').find((record) => !shipped.has(record.id as number))!;
		const [item] = await run(sim, {
			resource: 'order',
			operation: 'createShipment',
			recordId: byId(order.id),
			trackingNumbers: '1ZPICK0001',
			carrier: 'DHL Express',
			additionalFields: { shippingMethod: 'UPS Ground' },
		});
		const post = sim.requests.find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({
			shipping_provider_name: 'DHL Express',
			shipping_method: 'UPS Ground',
		});

		// Issue 13 (12): the output opens on what the user checks first.
		expect(Object.keys(item.json).slice(0, 4)).toEqual([
			'created',
			'id',
			'order_id',
			'tracking_numbers',
		]);
		expect(item.json).toMatchObject({
			created: true,
			order_id: order.id,
			tracking_numbers: '1ZPICK0001',
		});
	});

	it('a re-run (existing shipment returned) has the same key order', async () => {
		const shipment = sim.store.list('order_shipments')[0];
		const [item] = await run(sim, {
			resource: 'order',
			operation: 'createShipment',
			recordId: byId(shipment.order_id),
			trackingNumbers: String(shipment.tracking_numbers),
		});
		expect(item.json.created).toBe(false);
		expect(Object.keys(item.json).slice(0, 4)).toEqual([
			'created',
			'id',
			'order_id',
			'tracking_numbers',
		]);
	});
});
