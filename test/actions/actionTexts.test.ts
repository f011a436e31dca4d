/**
 * The texts of the action node as the editor shows them (issue 13, items 3 and 10): every action
 * label tells its action apart, generated texts are grammatical, and field help speaks about the
 * user's task (caveats for developers live in the README).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { articleFor, toTitle } from '../../nodes/CartCom/helpers/naming';
import { node } from '../helpers/actionKit';

interface Text {
	key: string;
	text: string;
	where: string;
}

/** Every displayName, name (of options), action, description, placeholder and hint of the node. */
function texts(): Text[] {
	const found: Text[] = [];
	const walk = (value: unknown, where: string) => {
		if (Array.isArray(value)) {
			value.forEach((entry, index) => walk(entry, `${where}[${index}]`));
			return;
		}
		if (!value || typeof value !== 'object') return;
		const record = value as Record<string, unknown>;
		const label = typeof record.name === 'string' ? `${where}/${record.name}` : where;
		for (const key of ['displayName', 'name', 'action', 'description', 'placeholder', 'hint']) {
			if (typeof record[key] === 'string')
				found.push({ key, text: record[key] as string, where: label });
		}
		for (const [key, child] of Object.entries(record))
			if (key !== 'displayOptions' && typeof child === 'object') walk(child, label);
	};
	walk(node.description.properties, '');
	walk(node.description.description, 'node');
	return found;
}

/** The Operation dropdowns: one per resource. */
function operationOptions(): Array<INodePropertyOptions & { resource: string }> {
	return (node.description.properties as INodeProperties[])
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => ({
				...option,
				resource: String(property.displayOptions?.show?.resource?.[0]),
			})),
		);
}

const optionOf = (resource: string, value: string) =>
	operationOptions().find((option) => option.resource === resource && option.value === value);

describe('action labels (item 3)', () => {
	it('are unique across the whole node, so no two actions look alike in the panel', () => {
		const actions = operationOptions().map((option) => option.action);
		expect(actions.length).toBeGreaterThanOrEqual(369);
		const twice = actions.filter((action, index) => actions.indexOf(action) !== index);
		expect(twice).toEqual([]);
	});

	it('name the definition resources as definitions', () => {
		expect(optionOf('orderStatus', 'update')?.action).toBe('Update order status definition');
		expect(optionOf('order', 'updateStatus')?.action).toBe('Update order status');
		expect(optionOf('productStatus', 'get')?.action).toBe('Get product status definition');
		expect(optionOf('customerType', 'create')?.action).toBe('Create customer type definition');
		expect(optionOf('orderStatus', 'delete')?.description).toBe(
			'Delete an order status definition permanently',
		);
	});

	it('point the raw Order Shipment → Create at the retry-safe Order → Create Shipment', () => {
		expect(optionOf('orderShipment', 'create')?.description).toContain('Order → Create Shipment');
		expect(optionOf('order', 'createShipment')).toBeDefined();
	});
});

describe('grammar of generated texts (item 10)', () => {
	it('chooses "a" or "an" by the sound of the next word', () => {
		expect(
			['order', 'address', 'adcode', 'URL redirect', 'IP', 'SKU', 'user', 'hour', 'product'].map(
				(word) => `${articleFor(word)} ${word}`,
			),
		).toEqual([
			'an order',
			'an address',
			'an adcode',
			'a URL redirect',
			'an IP',
			'an SKU',
			'a user',
			'an hour',
			'a product',
		]);
	});

	it('writes display names in n8n’s Title Case, acronyms in capitals', () => {
		expect(toTitle('number_of_packages')).toBe('Number of Packages');
		expect(toTitle('order_status_id')).toBe('Order Status ID');
		expect(toTitle('blacklisted_ips')).toBe('Blacklisted IPs');
		expect(toTitle('mpn')).toBe('MPN');
	});

	it('has no article that does not fit the next word anywhere in the node', () => {
		const wrong = texts().flatMap(({ text, where }) =>
			[...text.matchAll(/(?:^|[\s(])(a|an|A|An) ([A-Za-z][\w-]*)/g)]
				.filter(([, article, word]) => articleFor(word) !== article.toLowerCase())
				.map((match) => `${where}: …${match[0].trim()}…`),
		);
		expect(wrong).toEqual([]);
	});

	it('keeps small words lower-case inside display names', () => {
		const names = texts().filter(({ key }) => key === 'displayName' || key === 'name');
		const capitalSmallWords = names.filter(({ text }) =>
			/ (Of|And|Or|To|For|In|On|At|By|A|An|The) /.test(text),
		);
		expect(capitalSmallWords).toEqual([]);
	});

	it('writes acronyms in capitals in labels, actions and help', () => {
		const lowerAcronyms = texts().filter(({ key, text }) => {
			if (!['displayName', 'action', 'description'].includes(key)) return false;
			// Field names and JSON samples in help are written as Cart.com spells them.
			const prose = text.replace(/"[^"]*"|\[[^\]]*\]|\{[^}]*\}|\(keeps [^)]*\)/g, '');
			return /\b(Id|Ids|Url|Sku|Skus|Ip|Ips|Gtin|Mpn|Api)\b|\b(ip|ips|sku|skus|gtin|mpn)\b(?!_)/.test(
				prose,
			);
		});
		expect(lowerAcronyms).toEqual([]);
	});

	it('says nothing in field help that is a note for developers', () => {
		const notes = texts().filter(({ text }) =>
			/OpenAPI|acapi|\bOAS\b|unverified|X-AC-|Airbyte|not documented|does not document/i.test(text),
		);
		expect(notes).toEqual([]);
	});
});
