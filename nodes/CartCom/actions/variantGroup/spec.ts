import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

export const variantGroupSpec: ResourceSpec = {
	value: 'variantGroup',
	name: 'Variant Group',
	plural: 'variant groups',
	path: '/variant_groups',
	recordsKey: 'variant_groups',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete, standard.getWithRelated, standard.getSeveral],
	nested: ['variants'],
	timestamps: true,
	titleField: 'name',
	description: 'Option groups shared by products, e.g. Color or Size',
	filterFields: [{ name: 'name', type: 'string' }],
	fields: [
		{ name: 'name', type: 'string', placeholder: 'e.g. Color' },
		{ name: 'display_type', type: 'string', placeholder: 'e.g. DropDown', description: 'How the storefront shows the options' },
		{ name: 'sort_order', type: 'number', integer: true },
		{ name: 'is_hidden', type: 'boolean', description: 'Whether the group is hidden from shoppers' },
		{ name: 'is_non_inventory', type: 'boolean', description: 'Whether the group’s options are left out of variant inventory rows' },
		{ name: 'group_header_html', label: 'Group Header HTML', type: 'string' },
		{ name: 'public_description_html', label: 'Public Description HTML', type: 'string' },
		{ name: 'group_footer_html', label: 'Group Footer HTML', type: 'string' },
	],
};
