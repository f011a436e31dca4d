import { choice, integer, required, text } from '../../helpers/fields';
import type { ResourceSpec } from '../../helpers/types';
import { create, get, getMany, remove, update } from '../standard';

const choices = (values: string[]) => values.map((value) => ({ name: value, value }));

/** Event names from Cart.com's webhooks.md; the ones marked "Reply" wait up to 3 s for an answer. */
const EVENT_TYPES = choices([
	'AuthorizingPayment',
	'CapturingPayment',
	'CustomerCreated',
	'CustomerEmailUpdated',
	'CustomerRegistered',
	'CustomerUpdated',
	'GetDiscount',
	'GetPrice',
	'GetProductStatus',
	'GetTax',
	'NewOrder',
	'NewQuote',
	'NewValidOrder',
	'OrderApproved',
	'OrderCanceled',
	'OrderDeclined',
	'OrderPlaced',
	'OrderShipped',
	'OrderStatusChanged',
	'OrderUpdated',
	'PaymentProcessed',
	'ProductCreated',
	'ProductStatusChanged',
	'ProductUpdated',
	'QuoteStatusChanged',
	'QuoteUpdated',
	'ValidateCart',
	'ValidateCheckout',
	'ValidateCustomer',
	'ValidateProduct',
]);

export const webhookSpec: ResourceSpec = {
	value: 'webhook',
	name: 'Webhook',
	plural: 'webhooks',
	path: '/webhooks',
	recordsKey: 'webhooks',
	operations: [get, getMany, create, update, remove],
	titleField: 'url',
	filterFields: [choice('event_type', EVENT_TYPES), integer('store_id')],
	fields: [
		required(choice('event_type', EVENT_TYPES)),
		required(text('url', { placeholder: 'e.g. https://example.com/cart-hook' })),
		integer('store_id', { description: 'Only events of this store call the webhook' }),
		choice('failure_type', choices(['Error', 'Fallback', 'Ignore']), {
			description:
				'What the store does when the call fails: show an error, call the Fallback URL, or carry on',
		}),
		text('fallback_url', { description: 'Called when Failure Type is Fallback' }),
		choice('cache_length', choices(['Long', 'NoCache', 'Short']), {
			description: 'How long Cart.com caches the answer: Short = 5 min, Long = 30 min',
		}),
	],
};
