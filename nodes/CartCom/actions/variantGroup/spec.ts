import { flag, integer, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, getSeveral, getWithRelated, remove, update } from '../standard';

export const variantGroupSpec: ResourceSpec = {
	value: 'variantGroup',
	name: 'Variant Group',
	plural: 'variant groups',
	path: '/variant_groups',
	recordsKey: 'variant_groups',
	operations: [get, getMany, create, update, remove, getWithRelated, getSeveral],
	nested: ['variants'],
	timestamps: true,
	titleField: 'name',
	description: 'Option groups shared by products, e.g. Color or Size',
	filterFields: [text('name')],
	fields: [
		text('name', { placeholder: 'e.g. Color' }),
		text('display_type', {
			placeholder: 'e.g. DropDown',
			description: 'How the storefront shows the options',
		}),
		integer('sort_order'),
		flag('is_hidden', { description: 'Whether the group is hidden from shoppers' }),
		flag('is_non_inventory', {
			description: 'Whether the group’s options are left out of variant inventory rows',
		}),
		text('group_header_html', { label: 'Group Header HTML' }),
		text('public_description_html', { label: 'Public Description HTML' }),
		text('group_footer_html', { label: 'Group Footer HTML' }),
	],
};
