import type { ResourceSpec } from '../../helpers/types';
import * as standard from '../standard';

/** Single-use or limited codes of a campaign (campaign_code); the discount itself is a Discount Method. */
export const couponCodeSpec: ResourceSpec = {
	value: 'couponCode',
	name: 'Coupon Code',
	plural: 'coupon codes',
	path: '/coupon_codes',
	recordsKey: 'coupon_codes',
	operations: [standard.get, standard.getMany, standard.create, standard.update, standard.delete],
	titleField: 'coupon_code',
	filterFields: [
		{ name: 'campaign_code', type: 'string', placeholder: 'e.g. SPRING24' },
		{ name: 'coupon_code', type: 'string', placeholder: 'e.g. SPRING24-7KQ2MX' },
		{
			name: 'is_active',
			type: 'boolean',
			description: 'Whether to return only active (true) or only inactive (false) codes',
		},
	],
	fields: [
		{ name: 'campaign_code', type: 'string', required: true, placeholder: 'e.g. SPRING24' },
		{ name: 'coupon_code', type: 'string', required: true, placeholder: 'e.g. SPRING24-7KQ2MX' },
		{ name: 'is_active', type: 'boolean', description: 'Whether the code can be redeemed' },
		{
			name: 'is_hidden',
			type: 'boolean',
			description: 'Whether the code is hidden in the admin lists',
		},
		{ name: 'max_uses', type: 'number', integer: true, nonNegative: true, description: '0 for unlimited' },
		{ name: 'expires_at', type: 'dateTime' },
		{ name: 'notes', type: 'string' },
	],
};
