import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireGiven } from '../../helpers/parameters';
import { inputError } from '../../helpers/validation';
import { cartComRequest, cartComWrite } from '../../transport';
import { cartOperation, cartPath, listOf } from './shared';

const text = (ctx: IExecuteFunctions, name: string, itemIndex: number): string => {
	const value = ctx.getNodeParameter(name, itemIndex, '');
	return typeof value === 'string' ? value.trim() : String(value ?? '').trim();
};

const addressField = (
	displayName: string,
	name: string,
	placeholder: string,
	required: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: required || undefined,
	placeholder,
});

export const getShippingRates = cartOperation(
	{
		name: 'Get Shipping Rates',
		value: 'getShippingRates',
		action: 'Get shipping rates for a cart',
		description: 'The shipping methods and prices for the cart to an address',
	},
	[{ method: 'GET', path: '/carts/{id}/shipping' }],
	[
		addressField('City', 'city', 'e.g. Round Rock', true),
		addressField('State', 'state', 'e.g. TX', true),
		addressField('Postal Code', 'postalCode', 'e.g. 78681', true),
		addressField('Country', 'country', 'e.g. US', true),
	],
	'read',
	async function (i, cartId) {
		const query = {
			city: text(this, 'city', i),
			state: text(this, 'state', i),
			postal_code: text(this, 'postalCode', i),
			country: text(this, 'country', i),
		};
		requireGiven(this, i, {
			City: query.city,
			State: query.state,
			'Postal Code': query.postal_code,
			Country: query.country,
		});
		const answer = await cartComRequest.call(this, {
			method: 'GET',
			path: cartPath(cartId, 'shipping'),
			query,
			itemIndex: i,
		});
		// One output item per rate; its `identifier` is what Set Shipping Method takes.
		return listOf(answer, 'rates');
	},
);

export const setShippingMethod = cartOperation(
	{
		name: 'Set Shipping Method',
		value: 'setShippingMethod',
		action: 'Set the shipping method of a cart',
		description: 'Choose one of the cart’s shipping rates',
	},
	[{ method: 'PUT', path: '/carts/{id}/shipping' }],
	[
		{
			displayName: 'Shipping Method Identifier',
			name: 'identifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. FedEx;GROUND_HOME_DELIVERY;FedEx Home Delivery',
			description: 'The `identifier` of a rate from Get Shipping Rates',
		},
	],
	'write',
	async function (i, cartId) {
		const identifier = text(this, 'identifier', i);
		requireGiven(
			this,
			i,
			{ 'Shipping Method Identifier': identifier },
			{ fix: 'Use the identifier of a rate from Cart → Get Shipping Rates.' },
		);
		return await cartComWrite.call(this, {
			method: 'PUT',
			path: cartPath(cartId, 'shipping'),
			body: { identifier },
			itemIndex: i,
		});
	},
);

export const setShippingEstimate = cartOperation(
	{
		name: 'Set Shipping Estimate Address',
		value: 'setShippingEstimate',
		action: 'Set the shipping estimate address of a cart',
		description: 'Where the cart’s shipping is estimated to, so its totals include shipping',
	},
	[{ method: 'PUT', path: '/carts/{id}/shipping_estimation' }],
	[
		addressField('City', 'city', 'e.g. Beaumont', false),
		addressField('State Code', 'stateCode', 'e.g. TX', false),
		addressField('Postal Code', 'postalCode', 'e.g. 77701', false),
		addressField('Country Code', 'countryCode', 'e.g. US', false),
	],
	'write',
	async function (i, cartId) {
		const body: IDataObject = {};
		const given = {
			city: 'city',
			state_code: 'stateCode',
			postal_code: 'postalCode',
			country_code: 'countryCode',
		};
		for (const [key, name] of Object.entries(given)) {
			const value = text(this, name, i);
			if (value !== '') body[key] = value;
		}
		if (Object.keys(body).length === 0)
			throw inputError(
				this,
				i,
				'City, State Code, Postal Code, Country Code',
				'none given',
				'Fill in at least the postal code of the address to estimate shipping to.',
			);
		return await cartComWrite.call(this, {
			method: 'PUT',
			path: cartPath(cartId, 'shipping_estimation'),
			body,
			itemIndex: i,
		});
	},
);

export const setCouponCode = cartOperation(
	{
		name: 'Set Coupon Code',
		value: 'setCouponCode',
		action: 'Apply a coupon code to a cart',
		description: 'Apply a coupon or discount code and recalculate the cart',
	},
	[{ method: 'PUT', path: '/carts/{id}/coupon_code' }],
	[
		{
			displayName: 'Coupon Code',
			name: 'couponCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 10PERCENTOFF',
		},
	],
	'write',
	async function (i, cartId) {
		const code = text(this, 'couponCode', i);
		requireGiven(this, i, { 'Coupon Code': code });
		return await cartComWrite.call(this, {
			method: 'PUT',
			path: cartPath(cartId, 'coupon_code'),
			body: { coupon_code: code },
			itemIndex: i,
		});
	},
);

export const getPaymentMethods = cartOperation(
	{
		name: 'Get Payment Methods',
		value: 'getPaymentMethods',
		action: 'Get the payment methods of a cart',
		description: 'The payment methods the cart can be paid with',
	},
	[{ method: 'GET', path: '/carts/{id}/payment_methods' }],
	[],
	'read',
	async function (i, cartId) {
		const answer = await cartComRequest.call(this, {
			method: 'GET',
			path: cartPath(cartId, 'payment_methods'),
			itemIndex: i,
		});
		return listOf(answer, 'payment_methods');
	},
);
