import { NodeOperationError } from 'n8n-workflow';

import { startStore, type Simulator } from '../helpers/fixtures';
import {
	API,
	byId,
	inTurn,
	jsonOf,
	onlyRequest,
	operationsOf,
	pairedIndexes,
	queryOf,
	run,
	runFailing,
	standardOperationTests,
} from '../helpers/actionKit';

let sim: Simulator;

beforeAll(async () => {
	sim = await startStore({
		sizes: {
			customers: 5,
			orders: 0,
			products: 0,
			warehouses: 3,
			storeLocations: 4,
			giftCertificates: 6,
			couponCodes: 6,
		},
	});
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.clearRequests());

const tagged = (resource: string, type: string) =>
	sim.store.list(resource).map((record) => ({ ...record, location_type: type }));

describe('Location', () => {
	it('offers only Get Many', () => {
		expect(operationsOf('location')).toEqual(['getAll']);
	});

	it('Get Many returns warehouses, then store locations, each tagged with location_type', async () => {
		const items = await run(sim, { resource: 'location', operation: 'getAll', returnAll: true });

		expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET ${API}/warehouses`,
			`GET ${API}/store_locations`,
		]);
		expect(jsonOf(items)).toEqual([
			...tagged('warehouses', 'warehouse'),
			...tagged('store_locations', 'store_location'),
		]);
		// Ids overlap between the two kinds; the tag is what tells them apart.
		expect(
			items.filter((item) => item.json.id === 1).map((item) => item.json.location_type),
		).toEqual(['warehouse', 'store_location']);
		expect(new Set(pairedIndexes(items))).toEqual(new Set([0]));
	});

	it('a limit spans both lists and asks the second only for what is left', async () => {
		const items = await run(sim, { resource: 'location', operation: 'getAll', limit: 5 });

		expect(sim.requests.map((request) => [request.path, request.query.get('count')])).toEqual([
			[`${API}/warehouses`, '5'],
			[`${API}/store_locations`, '2'],
		]);
		expect(jsonOf(items)).toEqual([
			...tagged('warehouses', 'warehouse'),
			...tagged('store_locations', 'store_location').slice(0, 2),
		]);
	});

	it('a limit the warehouses fill sends no store-location request', async () => {
		const items = await run(sim, { resource: 'location', operation: 'getAll', limit: 2 });
		expect(onlyRequest(sim).path).toBe(`${API}/warehouses`);
		expect(jsonOf(items).map((json) => json.location_type)).toEqual(['warehouse', 'warehouse']);
	});

	it('Location Types narrows the list to one kind', async () => {
		const items = await run(sim, {
			resource: 'location',
			operation: 'getAll',
			returnAll: true,
			locationTypes: ['store_location'],
		});
		expect(onlyRequest(sim).path).toBe(`${API}/store_locations`);
		expect(jsonOf(items)).toEqual(tagged('store_locations', 'store_location'));
	});

	it('runs once per input item', async () => {
		const items = await run(
			sim,
			{ resource: 'location', operation: 'getAll', limit: 1 },
			{ input: [{}, {}] },
		);
		expect(pairedIndexes(items)).toEqual([0, 1]);
		expect(sim.requests).toHaveLength(2);
	});

	it('no Location Types selected fails naming the field, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'location',
			operation: 'getAll',
			locationTypes: [],
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Location Types: none selected/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Warehouse', () => {
	standardOperationTests(() => sim, {
		resource: 'warehouse',
		pick: inTurn(() => sim, 'warehouses'),
		filter: {
			filters: { name: 'main' },
			query: { name: 'like:main' },
			matches: (record) => record.name === 'Main DC',
		},
		create: {
			parameters: {
				name: 'West DC',
				additionalFields: { city: 'Reno', postalCode: '89501', isDefault: false },
			},
			body: { name: 'West DC', city: 'Reno', postal_code: '89501', is_default: false },
		},
		update: { updateFields: { name: 'West DC 2' }, body: { name: 'West DC 2' } },
	});
});

describe('Store Location', () => {
	standardOperationTests(() => sim, {
		resource: 'storeLocation',
		pick: inTurn(() => sim, 'store_locations'),
		filter: () => {
			const name = sim.store.list('store_locations')[1].name as string;
			return {
				filters: { name },
				query: { name: `like:${name}` },
				matches: (record) => String(record.name).includes(name),
			};
		},
		create: {
			parameters: {
				additionalFields: {
					name: 'Airport Kiosk',
					address1: '1 Terminal Rd',
					zipCode: '77032',
					latitude: 29.98,
					storeId: 1,
				},
			},
			body: {
				name: 'Airport Kiosk',
				address_1: '1 Terminal Rd',
				zip_code: '77032',
				latitude: 29.98,
				store_id: 1,
			},
		},
		update: { updateFields: { notes: 'Open 24/7' }, body: { notes: 'Open 24/7' } },
	});
});

describe('Store', () => {
	it('has no record writes: Get and Get Many, plus the documented alert e-mail and active catalog routes', () => {
		expect(operationsOf('store')).toEqual([
			'addAlertEmail',
			'get',
			'getActiveCatalog',
			'getAlertEmails',
			'getAll',
			'updateActiveCatalog',
		]);
	});

	it('Get Many and Get read the stores', async () => {
		const listed = await run(sim, {
			resource: 'store',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		expect(onlyRequest(sim).path).toBe(`${API}/stores`);
		expect(jsonOf(listed)).toEqual(sim.store.list('stores'));

		sim.clearRequests();
		const one = await run(sim, { resource: 'store', operation: 'get', recordId: byId(1) });
		expect(onlyRequest(sim).path).toBe(`${API}/stores/1`);
		expect(one[0].json).toMatchObject({
			id: 1,
			name: 'Sim Outfitters',
			domain_name: 'sim-outfitters.example.com',
		});
		expect(one[0].json).not.toHaveProperty('currency_code');
	});
});

describe('Shipping Provider and Shipping Provider Service', () => {
	it('offer only Get Many and Update', () => {
		expect(operationsOf('shippingProvider')).toEqual(['getAll', 'update']);
		expect(operationsOf('shippingProviderService')).toEqual(['getAll', 'update']);
	});

	it('Get Many lists providers with their services when asked', async () => {
		const items = await run(sim, {
			resource: 'shippingProvider',
			operation: 'getAll',
			returnAll: true,
			sortOrder: 'oldest',
			options: { expand: ['services'] },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({ expand: 'services' });
		const providers = sim.store.list('shipping_providers');
		expect(jsonOf(items).map((json) => json.id)).toEqual(providers.map((provider) => provider.id));
		const services = sim.store
			.list('shipping_provider_services')
			.filter((service) => service.shipping_provider_id === providers[0].id);
		expect((items[0].json.services as Array<{ id: number }>).map((service) => service.id)).toEqual(
			services.map((s) => s.id),
		);
	});

	it('Update changes a provider', async () => {
		await run(sim, {
			resource: 'shippingProvider',
			operation: 'update',
			recordId: byId(1),
			updateFields: { isEnabled: false },
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'PUT',
			path: `${API}/shipping_providers/1`,
			body: { is_enabled: false },
		});
		expect(sim.store.get('shipping_providers', 1)).toMatchObject({ is_enabled: false });
	});

	it('Get Many finds a service by identifier, read from the `services` key', async () => {
		const service = sim.store.list('shipping_provider_services')[1];
		const items = await run(sim, {
			resource: 'shippingProviderService',
			operation: 'getAll',
			simplify: false,
			filters: { identifier: service.identifier as string },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({
			identifier: `eq:${String(service.identifier)}`,
		});
		expect(jsonOf(items)).toEqual([service]);
	});

	it('Update changes a service', async () => {
		await run(sim, {
			resource: 'shippingProviderService',
			operation: 'update',
			recordId: byId(2),
			updateFields: { name: 'Ground (3-5 days)', allowPoBox: true },
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'PUT',
			path: `${API}/shipping_provider_services/2`,
			body: { name: 'Ground (3-5 days)', allow_po_box: true },
		});
	});
});

describe('Custom Shipping Method', () => {
	standardOperationTests(() => sim, {
		resource: 'customShippingMethod',
		pick: inTurn(() => sim, 'custom_shipping_methods'),
		filter: {
			filters: { name: 'Local Pickup' },
			query: { name: 'eq:Local Pickup' },
			matches: (record) => record.id === 2,
		},
		// The store has two methods to begin with.
		limit: 1,
		create: {
			parameters: { name: 'Freight', additionalFields: { isEnabled: true, markupAmount: '2.50' } },
			body: { name: 'Freight', is_enabled: true, markup_amount: '2.50' },
		},
		update: { updateFields: { adminOnly: true }, body: { admin_only: true } },
	});
});

describe('Gift Certificate', () => {
	it('Get with transactions', async () => {
		const certificate = sim.store.list('gift_certificates')[2];
		const one = await run(sim, {
			resource: 'giftCertificate',
			operation: 'get',
			recordId: byId(certificate.id as number),
			simplify: false,
			options: { expand: ['transactions'] },
		});
		expect(queryOf(onlyRequest(sim))).toEqual({ expand: 'transactions' });
		expect(one[0].json).toMatchObject({ ...certificate, transactions: [] });
	});

	standardOperationTests(() => sim, {
		resource: 'giftCertificate',
		pick: inTurn(() => sim, 'gift_certificates'),
		filter: () => {
			const code = sim.store.list('gift_certificates')[2].code as string;
			return {
				filters: { code },
				query: { code: `eq:${code}` },
				matches: (record) => record.code === code,
			};
		},
		create: {
			parameters: {
				additionalFields: {
					code: 'GC-TEST-0001',
					originalAmount: 50,
					currentAmount: 50,
					status: 'Active',
					expiresAt: '2030-01-31T00:00:00-06:00',
				},
			},
			body: {
				code: 'GC-TEST-0001',
				original_amount: 50,
				current_amount: 50,
				status: 'Active',
				expires_at: '2030-01-31T00:00:00.000-06:00',
			},
			stored: { code: 'GC-TEST-0001', current_amount: 50, expires_at: '2030-01-31T00:00:00-06:00' },
		},
		update: { updateFields: { currentAmount: 12.5 }, body: { current_amount: 12.5 } },
	});

	it('an invalid expiry date fails naming the field, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'giftCertificate',
			operation: 'create',
			additionalFields: { expiresAt: '31/01/2030' },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Expires At: "31\/01\/2030" is not a valid date/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Coupon Code', () => {
	standardOperationTests(() => sim, {
		resource: 'couponCode',
		pick: inTurn(() => sim, 'coupon_codes'),
		filter: () => {
			const campaign = sim.store.list('coupon_codes')[0].campaign_code as string;
			return {
				filters: { campaignCode: campaign },
				query: { campaign_code: `eq:${campaign}` },
				matches: (record) => record.campaign_code === campaign,
			};
		},
		create: {
			parameters: {
				campaignCode: 'TEST24',
				couponCode: 'TEST24-ABC123',
				additionalFields: { maxUses: 1, isActive: true },
			},
			body: { campaign_code: 'TEST24', coupon_code: 'TEST24-ABC123', max_uses: 1, is_active: true },
		},
		update: { updateFields: { isActive: false }, body: { is_active: false } },
	});

	it('Create without a coupon code fails naming the field, before any request', async () => {
		const error = await runFailing(sim, {
			resource: 'couponCode',
			operation: 'create',
			campaignCode: 'TEST24',
			couponCode: '',
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Coupon Code: is required/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Webhook', () => {
	it('Create registers an event URL; Get Many filters by event type', async () => {
		const created = await run(sim, {
			resource: 'webhook',
			operation: 'create',
			eventType: 'OrderShipped',
			url: 'https://example.com/hooks/shipped',
			additionalFields: {
				failureType: 'Fallback',
				fallbackUrl: 'https://example.com/hooks/fallback',
				storeId: 1,
			},
		});
		expect(onlyRequest(sim)).toMatchObject({
			method: 'POST',
			path: `${API}/webhooks`,
			body: {
				event_type: 'OrderShipped',
				url: 'https://example.com/hooks/shipped',
				failure_type: 'Fallback',
				fallback_url: 'https://example.com/hooks/fallback',
				store_id: 1,
			},
		});
		const id = created[0].json.id as number;

		sim.clearRequests();
		const found = await run(sim, {
			resource: 'webhook',
			operation: 'getAll',
			returnAll: true,
			filters: { eventType: 'OrderShipped' },
		});
		expect(queryOf(onlyRequest(sim))).toMatchObject({ event_type: 'eq:OrderShipped' });
		expect(jsonOf(found).map((json) => json.id)).toContain(id);
		expect(jsonOf(found).every((json) => json.event_type === 'OrderShipped')).toBe(true);

		sim.clearRequests();
		await run(sim, { resource: 'webhook', operation: 'delete', recordId: byId(id) });
		expect(onlyRequest(sim)).toMatchObject({ method: 'DELETE', path: `${API}/webhooks/${id}` });
	});
});
