import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const attributeGroupSpec: ResourceSpec = {
	value: 'attributeGroup',
	name: 'Attribute Group',
	plural: 'attribute groups',
	path: '/attribute_groups',
	recordsKey: 'attribute_groups',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	timestamps: true,
	titleField: 'name',
	description: 'Groups of attributes, e.g. Material',
	filterFields: [{ name: 'name', type: 'string' }],
	fields: [
		{ name: 'name', type: 'string' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the group is hidden from shoppers' },
		{ name: 'allow_drill_down', type: 'boolean', description: 'Whether shoppers can filter by this group' },
		{ name: 'allow_multiple', type: 'boolean', description: 'Whether a product may have several attributes of this group' },
		{ name: 'tie_variant_inventory', type: 'boolean', description: 'Whether the attributes are tied to variant inventory rows' },
	],
};
