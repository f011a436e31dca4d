/**
 * The one registry (actions/resources.ts): every resource the node offers, with its spec. A
 * resource's "From list" picker finds its spec through findSpec, the function methods/listSearch.ts
 * uses, so a resource cannot be offered without a spec its picker can search.
 */
import type { INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/CartCom/actions/resources';
import { findSpec } from '../../nodes/CartCom/actions/specs';
import { startStore, tokenCredentials, type Simulator } from '../helpers/fixtures';
import { runLoadOptions } from '../helpers/n8n';
import { API, node, operationsOf } from '../helpers/actionKit';

/** The resources with a record picker that searches "the selected resource" (searchRecords). */
function resourcesWithPicker(): string[] {
	const resources = new Set<string>();
	for (const property of node.description.properties as INodeProperties[]) {
		const searchesRecords = property.modes?.some(
			(mode) => mode.typeOptions?.searchListMethod === 'searchRecords',
		);
		if (!searchesRecords) continue;
		for (const resource of property.displayOptions?.show?.resource ?? [])
			resources.add(String(resource));
	}
	return [...resources].sort();
}

describe('the resource registry', () => {
	it('lists each resource once, by name, with unique operation values', () => {
		const values = RESOURCES.map((resource) => resource.value);
		expect(new Set(values).size).toBe(values.length);
		const names = RESOURCES.map((resource) => resource.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const resource of RESOURCES) {
			const operations = resource.operations.map((operation) => operation.option.value);
			expect({ resource: resource.value, unique: new Set(operations).size }).toEqual({
				resource: resource.value,
				unique: operations.length,
			});
		}
	});

	it('offers every standard operation a spec lists, and the node shows them', () => {
		for (const resource of RESOURCES) {
			if (!resource.spec) continue;
			expect(resource.spec.value).toBe(resource.value);
			const offered = operationsOf(resource.value);
			for (const operation of resource.spec.operations) expect(offered).toContain(operation.value);
		}
	});

	it('has a picker only on resources whose spec findSpec returns', () => {
		const withPicker = resourcesWithPicker();
		expect(withPicker.length).toBeGreaterThan(60);
		for (const value of withPicker) {
			const registered = RESOURCES.find((resource) => resource.value === value);
			expect(registered?.spec).toBeDefined();
			expect(findSpec(value)).toBe(registered?.spec);
		}
	});

	it('findSpec refuses a resource that has no spec', () => {
		expect(() => findSpec('inventory')).toThrow('No Cart.com resource "inventory"');
	});
});

describe('every "From list" picker searches its resource', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startStore({ sizes: { customers: 2, orders: 2, products: 2 } });
	});
	afterAll(async () => await sim.stop());

	it.each(resourcesWithPicker())('%s', async (resource) => {
		sim.clearRequests();
		const result = await runLoadOptions<INodeListSearchResult>(
			node,
			{ parameters: { resource, operation: 'get' }, credentials: tokenCredentials(sim) },
			async (context) => await node.methods.listSearch.searchRecords.call(context),
		);
		expect(Array.isArray(result.results)).toBe(true);
		// The order picker's labels also read the statuses and the page's customers (pickers.test.ts).
		expect(sim.requests.map((request) => request.path)[0]).toBe(`${API}${findSpec(resource).path}`);
	});
});
