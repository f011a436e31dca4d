import { count, date, flag, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

/** Single-use or limited codes of a campaign (campaign_code); the discount itself is a Discount Method. */
export const couponCodeSpec: ResourceSpec = {
	value: 'couponCode',
	name: 'Coupon Code',
	plural: 'coupon codes',
	path: '/coupon_codes',
	recordsKey: 'coupon_codes',
	operations: [get, getMany, create, update, remove],
	titleField: 'coupon_code',
	filterFields: [
		text('campaign_code', { placeholder: 'e.g. SPRING24' }),
		text('coupon_code', { placeholder: 'e.g. SPRING24-7KQ2MX' }),
		flag('is_active', {
			description: 'Whether to return only active (true) or only inactive (false) codes',
		}),
	],
	fields: [
		required(text('campaign_code', { placeholder: 'e.g. SPRING24' })),
		required(text('coupon_code', { placeholder: 'e.g. SPRING24-7KQ2MX' })),
		flag('is_active', { description: 'Whether the code can be redeemed' }),
		flag('is_hidden', { description: 'Whether the code is hidden in the admin lists' }),
		count('max_uses', { description: '0 for unlimited' }),
		date('expires_at'),
		text('notes'),
	],
};
