import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { readCollection } from '../../helpers/parameters';
import { inputError, toRecordId } from '../../helpers/validation';
import {
	cartComRequest,
	cartComTransportError,
	isAmbiguousWriteFailure,
	markAmbiguousWrite,
} from '../../transport';
import { asNodeError } from '../../helpers/errors';
import { cartOperation, cartPath } from './shared';

const str = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

/** An address block of docs/api-carting.md: name, street, city, state, postal code, country. */
const ADDRESS = [
	['Name', 'name', true],
	['Address Line 1', 'address_line_1', true],
	['Address Line 2', 'address_line_2', false],
	['City', 'city', true],
	['State', 'state', true],
	['Postal Code', 'postal_code', true],
	['Country', 'country', true],
] as const;

function addressParameters(
	prefix: 'billing' | 'shipping',
	label: string,
	show?: IDisplayOptions['show'],
): INodeProperties[] {
	return ADDRESS.map(([title, key, required]) =>
		str(`${label} ${title}`, `${prefix}_${key}`, {
			required: required || undefined,
			...(show && { displayOptions: { show } }),
		}),
	);
}

const properties: INodeProperties[] = [
	str('Customer First Name', 'customerFirstName', { required: true }),
	str('Customer Last Name', 'customerLastName', { required: true }),
	str('Customer Email', 'customerEmail', {
		required: true,
		placeholder: 'name@email.com',
		description:
			'For a new customer it must not exist yet in the store; for an existing one, give Customer ID under Options',
	}),
	...addressParameters('billing', 'Billing'),
	{
		displayName: 'Ship to Billing Address',
		name: 'useBillingForShipping',
		type: 'boolean',
		default: true,
		description: 'Whether the order ships to the billing address',
	},
	...addressParameters('shipping', 'Shipping', { useBillingForShipping: [false] }),
	str('Payment Method ID', 'paymentMethodId', {
		default: '0',
		description: 'From Get Payment Methods; 0 takes a credit card without a gateway',
	}),
	str('Card Number', 'cardNumber', {
		typeOptions: { password: true },
		displayOptions: { show: { paymentMethodId: ['0'] } },
	}),
	str('Name on Card', 'cardName', { displayOptions: { show: { paymentMethodId: ['0'] } } }),
	str('Card Expiration Month', 'cardExpirationMonth', {
		placeholder: 'e.g. 12',
		displayOptions: { show: { paymentMethodId: ['0'] } },
	}),
	str('Card Expiration Year', 'cardExpirationYear', {
		placeholder: 'e.g. 2027',
		displayOptions: { show: { paymentMethodId: ['0'] } },
	}),
	str('Card CVV', 'cardCvv', {
		typeOptions: { password: true },
		displayOptions: { show: { paymentMethodId: ['0'] } },
	}),
	{
		displayName: 'Options',
		name: 'placeOrderOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			str('Customer ID', 'customerId', {
				description: 'An existing customer to place the order for',
			}),
			str('Customer Payment Method ID', 'customerPaymentMethodId', {
				description: 'A payment method the customer used before',
			}),
			str('Gift Message', 'giftMessage'),
			str('Instructions', 'instructions'),
			str('Private Comments', 'privateComments', {
				description: 'Shown only to admins and API users',
			}),
			str('Public Comments', 'publicComments', { description: 'Shown to the customer' }),
		],
	},
];

const textOf = (ctx: IExecuteFunctions, name: string, i: number) =>
	String(ctx.getNodeParameter(name, i, '') ?? '').trim();

function addressOf(
	ctx: IExecuteFunctions,
	prefix: string,
	label: string,
	i: number,
	missing: string[],
): IDataObject {
	const address: IDataObject = {};
	for (const [title, key, required] of ADDRESS) {
		const value = textOf(ctx, `${prefix}_${key}`, i);
		if (value !== '') address[key] = value;
		else if (required) missing.push(`${label} ${title}`);
	}
	return address;
}

/**
 * After an ambiguous failure the order may exist: the cart is read again (never the order re-sent).
 * A cart that now names an order was placed; otherwise it is unknown, and the error says so.
 */
async function settle(
	ctx: IExecuteFunctions,
	cartId: number,
	i: number,
	error: unknown,
): Promise<IDataObject> {
	let cart: IDataObject | undefined;
	try {
		cart = await cartComRequest.call(ctx, {
			method: 'GET',
			path: `/carts/${cartId}`,
			itemIndex: i,
		});
	} catch {
		cart = undefined;
	}
	const orderId = cart?.associated_order_id;
	if (typeof orderId === 'number' && orderId > 0)
		return {
			order_id: orderId,
			placed: true,
			confirmed_by: 'cart re-read after an unclear answer',
		};
	const original = asNodeError(ctx, error, i);
	throw markAmbiguousWrite(
		cartComTransportError(
			ctx.getNode(),
			`Cart.com POST ${cartPath(cartId, 'place_order')}: the order may have been placed`,
			`${original.message}. The request was not repeated, because it may have been applied; the cart ${cart ? 'shows no order yet' : 'could not be read again'}. Look for the order in the store before running this again.`,
			[],
			i,
		),
	);
}

export const placeOrder = cartOperation(
	{
		name: 'Place Order',
		value: 'placeOrder',
		action: 'Place an order from a cart',
		description: 'Check out: create the order from the cart and take the payment',
	},
	[
		{ method: 'POST', path: '/carts/{id}/place_order' },
		// The cart again after an unclear answer: it names the order when one was placed.
		{ method: 'GET', path: '/carts/{id}' },
	],
	properties,
	'write',
	async function (i, cartId) {
		const missing: string[] = [];
		const customer: IDataObject = {};
		for (const [label, name, key] of [
			['Customer First Name', 'customerFirstName', 'first_name'],
			['Customer Last Name', 'customerLastName', 'last_name'],
			['Customer Email', 'customerEmail', 'email'],
		]) {
			const value = textOf(this, name, i);
			if (value === '') missing.push(label);
			else customer[key] = value;
		}
		const billing = addressOf(this, 'billing', 'Billing', i, missing);
		const shipToBilling = this.getNodeParameter('useBillingForShipping', i, true) === true;
		const shipping = shipToBilling
			? undefined
			: addressOf(this, 'shipping', 'Shipping', i, missing);
		const paymentText = textOf(this, 'paymentMethodId', i) || '0';
		const paymentMethodId =
			paymentText === '0' ? 0 : toRecordId(this, paymentText, 'Payment Method ID', i);
		let card: IDataObject | undefined;
		if (paymentMethodId === 0) {
			card = {};
			for (const [label, name, key] of [
				['Card Number', 'cardNumber', 'number'],
				['Name on Card', 'cardName', 'name'],
				['Card Expiration Month', 'cardExpirationMonth', 'expiration_month'],
				['Card Expiration Year', 'cardExpirationYear', 'expiration_year'],
				['Card CVV', 'cardCvv', 'cvv'],
			]) {
				const value = textOf(this, name, i);
				if (value === '') missing.push(label);
				else card[key] = value;
			}
		}
		if (missing.length > 0)
			throw inputError(
				this,
				i,
				missing.join(', '),
				missing.length === 1 ? 'is required' : 'are required',
				`Fill in ${missing.join(', ')} to place the order.`,
			);
		const options = readCollection(this, 'placeOrderOptions', i);
		const optionText = (name: string) =>
			typeof options[name] === 'string' ? (options[name] as string).trim() : '';
		if (optionText('customerId') !== '')
			customer.id = toRecordId(this, optionText('customerId'), 'Customer ID', i);
		const body: IDataObject = {
			customer,
			billing_address: billing,
			use_billing_address_for_shipping: shipToBilling,
			payment_method_id: paymentMethodId,
		};
		if (shipping) body.shipping_address = shipping;
		if (card) body.credit_card = card;
		if (optionText('customerPaymentMethodId') !== '')
			body.customer_payment_method_id = toRecordId(
				this,
				optionText('customerPaymentMethodId'),
				'Customer Payment Method ID',
				i,
			);
		for (const [name, key] of [
			['giftMessage', 'gift_message'],
			['instructions', 'instructions'],
			['privateComments', 'private_comments'],
			['publicComments', 'public_comments'],
		])
			if (optionText(name) !== '') body[key] = optionText(name);

		let answer: IDataObject | undefined;
		try {
			// Creates an order and takes the payment: never repeated (POST), and the card never in an error.
			answer = await cartComRequest.call(this, {
				method: 'POST',
				path: cartPath(cartId, 'place_order'),
				body,
				itemIndex: i,
				repeatable: false,
				secrets: card ? [String(card.number), String(card.cvv)] : [],
			});
		} catch (error) {
			if (!isAmbiguousWriteFailure(error)) throw asNodeError(this, error, i);
			return await settle(this, cartId, i, error);
		}
		if (answer === undefined)
			return await settle(this, cartId, i, new Error('Cart.com answered without a body'));
		return answer;
	},
);
