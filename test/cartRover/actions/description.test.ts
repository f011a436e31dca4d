import type { INodeProperties } from 'n8n-workflow';

import { operationRows, RESOURCES } from '../../../nodes/CartRover/actions/resources';
import { node } from './kit';

describe('CartRover node description', () => {
	const properties = node.description.properties;

	it('is an action node usable as an AI tool, with the CartRover credential', () => {
		expect(node.description).toMatchObject({
			displayName: 'CartRover',
			name: 'cartRover',
			usableAsTool: true,
			credentials: [{ name: 'cartRoverApi', required: true }],
		});
	});

	it('offers every registered operation in its resource’s Operation dropdown, sorted by name', () => {
		for (const resource of RESOURCES) {
			const dropdown = properties.find(
				(property: INodeProperties) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource.value),
			);
			const names = (dropdown?.options as Array<{ name: string }>).map((option) => option.name);
			expect(names).toEqual(resource.operations.map((operation) => operation.option.name));
			expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
		}
	});

	it('lists every operation’s CartRover calls for the README table', () => {
		const rows = operationRows();
		const operations = RESOURCES.flatMap((resource) =>
			resource.operations.map((operation) => `${resource.name} ${operation.option.name}`),
		);
		expect(new Set(rows.map((row) => `${row.resource} ${row.operation}`))).toEqual(
			new Set(operations),
		);
		expect(operations).toHaveLength(15);
		expect(rows).toContainEqual({
			resource: 'Order',
			operation: 'Create Many',
			method: 'POST',
			path: '/cart/orders/batch',
			levels: ['cart'],
		});
		for (const row of rows) expect(row.path).toMatch(/^\/(cart|merchant|wms|\{level\})\//);
	});
});
