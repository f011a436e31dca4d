/**
 * The Cart.com Webhook Trigger's registration lifecycle (n8n's webhookMethods checkExists / create /
 * delete, run in n8n-core's HookContext) against the store simulator's /api/v1/webhooks.
 */
import type { IDataObject } from 'n8n-workflow';

import { failureOf, servedRequests, startStore, type Simulator } from '../helpers/fixtures';
import type { SimRecord } from '../simulator';
import { startInstance, storeHooks, tokenOf, type Instance } from './kit';

const HOOKS = '/api/v1/webhooks';
const notify = (events: string[], options: IDataObject = {}) => ({
	eventKind: 'notify',
	events,
	options,
});

const posts = (sim: Simulator) =>
	sim.requests.filter((request) => request.method === 'POST' && request.path === HOOKS);
const writes = (sim: Simulator) =>
	sim.requests.filter((request) => request.method !== 'GET' && request.path.startsWith(HOOKS));

describe('Cart.com Webhook Trigger: registration', () => {
	let sim: Simulator;
	let instances: Instance[] = [];
	let seeded: SimRecord[];

	beforeEach(async () => {
		sim = await startStore();
		seeded = storeHooks(sim);
	});
	afterEach(async () => {
		for (const instance of instances) await instance.stop();
		instances = [];
		await sim.stop();
	});

	const start = async (parameters: IDataObject) => {
		const instance = await startInstance(parameters as never, { sim });
		instances.push(instance);
		return instance;
	};

	it('creates exactly one record per event pointing at the webhook URL with the event and a secret token', async () => {
		const node = await start(notify(['OrderPlaced', 'OrderStatusChanged', 'ProductUpdated']));
		expect(await node.hook('checkExists')).toBe(false);
		expect(await node.hook('create')).toBe(true);

		const created = storeHooks(sim).filter((hook) => !seeded.some((s) => s.id === hook.id));
		expect(created.map((hook) => hook.event_type)).toEqual([
			'OrderPlaced',
			'OrderStatusChanged',
			'ProductUpdated',
		]);
		const token = tokenOf(created[0].url);
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		for (const hook of created)
			expect(hook.url).toBe(`${node.webhookUrl()}?event=${String(hook.event_type)}&token=${token}`);
		// Only the fields the user gave: no failure_type, store_id, cache_length or fallback_url.
		expect(posts(sim).map((request) => Object.keys(request.body as object).sort())).toEqual([
			['event_type', 'url'],
			['event_type', 'url'],
			['event_type', 'url'],
		]);
		const state = node.nodeState().subscriptions as IDataObject;
		expect(Object.keys(state)).toEqual([node.webhookUrl()]);
		expect((state[node.webhookUrl()] as IDataObject).registrations).toEqual(
			created.map((hook) => ({ id: hook.id, event: hook.event_type })),
		);
		// The seeded subscription is untouched.
		expect(storeHooks(sim).filter((hook) => seeded.some((s) => s.id === hook.id))).toEqual(seeded);
	});

	it('a second activation finds its registrations intact and creates nothing', async () => {
		const node = await start(notify(['OrderPlaced', 'CustomerCreated']));
		await node.activate();
		sim.clearRequests();
		expect(await node.hook('checkExists')).toBe(true);
		expect(writes(sim)).toEqual([]);
		expect(storeHooks(sim)).toHaveLength(seeded.length + 2);
	});

	it('sends Store ID, failure handling and cache length as set, for a question', async () => {
		const node = await start({
			eventKind: 'answer',
			answerEvent: 'GetPrice',
			options: {
				storeId: 1,
				failureType: 'Fallback',
				fallbackUrl: 'https://fallback.example.com/price',
				cacheLength: 'NoCache',
			},
		});
		await node.activate();
		expect(posts(sim).map((request) => request.body)).toEqual([
			{
				event_type: 'GetPrice',
				url: expect.stringMatching(/\?event=GetPrice&token=[0-9a-f]{64}$/),
				store_id: 1,
				failure_type: 'Fallback',
				fallback_url: 'https://fallback.example.com/price',
				cache_length: 'NoCache',
			},
		]);
	});

	it('deactivation deletes exactly its records, leaving the seeded and a foreign one for the same event', async () => {
		const foreign = sim.store.create('webhooks', {
			event_type: 'OrderPlaced',
			url: 'https://other.example.com/hook',
			store_id: 1,
		});
		const node = await start(notify(['OrderPlaced', 'ProductCreated']));
		await node.activate();
		const ours = storeHooks(sim)
			.filter((hook) => String(hook.url).startsWith(node.webhookUrl()))
			.map((hook) => hook.id);
		expect(ours).toHaveLength(2);
		sim.clearRequests();

		expect(await node.hook('delete')).toBe(true);
		expect(
			servedRequests(sim, 'DELETE')
				.map((request) => request.path)
				.sort(),
		).toEqual(ours.map((id) => `${HOOKS}/${String(id)}`).sort());
		expect(storeHooks(sim)).toEqual([...seeded, foreign]);
		expect(node.nodeState().subscriptions).toEqual({});
	});

	it('deactivation leaves a record someone re-pointed, and counts one already deleted as gone', async () => {
		const node = await start(notify(['OrderPlaced', 'OrderShipped']));
		await node.activate();
		const [first, second] = storeHooks(sim).filter((hook) =>
			String(hook.url).startsWith(node.webhookUrl()),
		);
		sim.store.update('webhooks', first.id as number, { url: 'https://elsewhere.example.com/x' });
		sim.store.remove('webhooks', second.id as number);
		sim.clearRequests();

		expect(await node.hook('delete')).toBe(true);
		expect(servedRequests(sim, 'DELETE')).toEqual([]);
		expect(sim.store.get('webhooks', first.id as number)?.url).toBe(
			'https://elsewhere.example.com/x',
		);
		expect(node.nodeState().subscriptions).toEqual({});
	});

	it('a failing create removes what this activation created and names the event, without the token', async () => {
		const node = await start(notify(['OrderPlaced', 'ProductUpdated', 'CustomerCreated']));
		let posted = 0;
		sim.beforeRequest(
			(request) => request.method === 'POST' && request.path === HOOKS && ++posted === 2,
			() => sim.scriptFaults([{ match: { method: 'POST', path: /\/webhooks$/ }, status: 403 }]),
		);
		const error = await failureOf(node.hook('create'));

		expect(error.message).toBe('Cart.com did not register the webhook for ProductUpdated');
		expect(error.description).toContain(
			'1 subscription(s) this activation had already created were removed',
		);
		expect(storeHooks(sim)).toEqual(seeded);
		expect(posts(sim)).toHaveLength(2);
		expect(node.nodeState().subscriptions ?? {}).toEqual({});
		const sentToken = tokenOf((posts(sim)[0].body as IDataObject).url);
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain(sentToken);
	});

	it('an ambiguous create (500 after the store applied it) is read back by URL, not sent again', async () => {
		const node = await start(notify(['OrderPlaced', 'ProductUpdated']));
		sim.scriptFaults([
			{ match: { method: 'POST', path: /\/webhooks$/ }, status: 500, applyWrite: true },
		]);
		expect(await node.hook('create')).toBe(true);

		expect(posts(sim)).toHaveLength(2);
		const lookups = sim.requests.filter(
			(request) => request.method === 'GET' && request.path === HOOKS,
		);
		expect(lookups).toHaveLength(1);
		const firstUrl = String((posts(sim)[0].body as IDataObject).url);
		expect(lookups[0].query.get('url')).toBe(`eq:${firstUrl}`);
		const created = storeHooks(sim).filter((hook) =>
			String(hook.url).startsWith(node.webhookUrl()),
		);
		expect(created.map((hook) => hook.event_type)).toEqual(['OrderPlaced', 'ProductUpdated']);
		const state = node.nodeState().subscriptions as Record<string, IDataObject>;
		expect(state[node.webhookUrl()].registrations).toEqual(
			created.map((hook) => ({ id: hook.id, event: hook.event_type })),
		);
		expect(await node.hook('checkExists')).toBe(true);
	});

	it('an ambiguous create the store did not apply is not sent again: the activation fails cleanly', async () => {
		const node = await start(notify(['OrderPlaced', 'ProductUpdated']));
		let posted = 0;
		sim.beforeRequest(
			(request) => request.method === 'POST' && request.path === HOOKS && ++posted === 2,
			() => sim.scriptFaults([{ match: { method: 'POST', path: /\/webhooks$/ }, reset: true }]),
		);
		const error = await failureOf(node.hook('create'));
		expect(error.message).toBe('Cart.com did not register the webhook for ProductUpdated');
		expect(error.description).toContain('was not sent again');
		expect(posts(sim)).toHaveLength(2);
		expect(storeHooks(sim)).toEqual(seeded);
	});

	it('checkExists: a registration gone from the store -> the rest is removed and false', async () => {
		const node = await start(notify(['OrderPlaced', 'ProductUpdated']));
		await node.activate();
		const [first, second] = storeHooks(sim).filter((hook) =>
			String(hook.url).startsWith(node.webhookUrl()),
		);
		sim.store.remove('webhooks', first.id as number);

		expect(await node.hook('checkExists')).toBe(false);
		expect(sim.store.get('webhooks', second.id as number)).toBeUndefined();
		expect(node.nodeState().subscriptions).toEqual({});
		await node.hook('create');
		expect(
			storeHooks(sim)
				.filter((hook) => String(hook.url).startsWith(node.webhookUrl()))
				.map((hook) => hook.event_type),
		).toEqual(['OrderPlaced', 'ProductUpdated']);
	});

	it('checkExists: a record with our id but another URL or event is not ours (false, left alone)', async () => {
		const node = await start(notify(['OrderPlaced']));
		await node.activate();
		const [ours] = storeHooks(sim).filter((hook) => String(hook.url).startsWith(node.webhookUrl()));
		sim.store.update('webhooks', ours.id as number, {
			url: `${node.webhookUrl()}?event=OrderPlaced&token=${'0'.repeat(64)}`,
		});
		expect(await node.hook('checkExists')).toBe(false);
		expect(sim.store.get('webhooks', ours.id as number)).toBeDefined();

		const again = await start(notify(['OrderPlaced']));
		await again.activate();
		const [record] = storeHooks(sim).filter(
			(hook) => String(hook.url).startsWith(again.webhookUrl()) && hook.id !== ours.id,
		);
		sim.store.update('webhooks', record.id as number, { event_type: 'OrderShipped' });
		expect(await again.hook('checkExists')).toBe(false);
		expect(sim.store.get('webhooks', record.id as number)?.event_type).toBe('OrderShipped');
	});

	it('checkExists after the events were changed removes the old registrations', async () => {
		const node = await start(notify(['OrderPlaced']));
		await node.activate();
		node.node.parameters.events = ['OrderPlaced', 'OrderShipped'];
		expect(await node.hook('checkExists')).toBe(false);
		expect(storeHooks(sim)).toEqual(seeded);
		await node.hook('create');
		expect(storeHooks(sim).map((hook) => hook.event_type)).toEqual([
			...seeded.map((hook) => hook.event_type),
			'OrderPlaced',
			'OrderShipped',
		]);
	});

	it('the test URL is registered and removed on its own, never touching the production registration', async () => {
		const node = await start(notify(['OrderPlaced']));
		await node.activate('production');
		await node.activate('test');
		const urls = storeHooks(sim).map((hook) => String(hook.url).split('?')[0]);
		expect(urls).toEqual(
			expect.arrayContaining([node.webhookUrl('production'), node.webhookUrl('test')]),
		);
		const tokens = storeHooks(sim)
			.filter((hook) => String(hook.url).includes('/webhook'))
			.map((hook) => tokenOf(hook.url));
		expect(new Set(tokens).size).toBe(2);

		await node.hook('delete', 'test');
		expect(
			storeHooks(sim)
				.filter((hook) => !seeded.some((s) => s.id === hook.id))
				.map((hook) => String(hook.url).split('?')[0]),
		).toEqual([node.webhookUrl('production')]);
		expect(await node.hook('checkExists', 'production')).toBe(true);
	});

	it('refuses bad parameters before any request, naming the field', async () => {
		const empty = await start(notify([]));
		expect((await failureOf(empty.hook('create'))).message).toBe(
			'Events: choose at least one event',
		);
		const fallback = await start({
			eventKind: 'answer',
			answerEvent: 'GetTax',
			options: { failureType: 'Fallback' },
		});
		expect((await failureOf(fallback.hook('create'))).message).toMatch(/^Fallback URL is required/);
		const badUrl = await start({
			eventKind: 'answer',
			answerEvent: 'GetTax',
			options: { fallbackUrl: 'ftp://x' },
		});
		expect((await failureOf(badUrl.hook('create'))).message).toMatch(/^Fallback URL must be/);
		expect(writes(sim)).toEqual([]);
	});
});
