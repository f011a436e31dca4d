import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

export const attributeGroupSpec: ResourceSpec = {
	value: 'attributeGroup',
	name: 'Attribute Group',
	plural: 'attribute groups',
	path: '/attribute_groups',
	recordsKey: 'attribute_groups',
	operations: [get, getMany, create, update, remove],
	timestamps: true,
	titleField: 'name',
	description: 'Groups of attributes, e.g. Material',
	filterFields: [text('name')],
	fields: [
		text('name'),
		integer('sort_order'),
		flag('is_hidden', { description: 'Whether the group is hidden from shoppers' }),
		flag('allow_drill_down', { description: 'Whether shoppers can filter by this group' }),
		flag('allow_multiple', {
			description: 'Whether a product may have several attributes of this group',
		}),
		flag('tie_variant_inventory', {
			description: 'Whether the attributes are tied to variant inventory rows',
		}),
	],
};
