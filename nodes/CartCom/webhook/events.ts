/**
 * Cart.com's webhook event types and what each request carries (docs/webhooks.md in
 * github.com/AmeriCommerce/rest-api). Notify-only events tell the workflow about a change; the
 * synchronous ones wait (3 s at most) for the workflow's answer.
 */

export interface WebhookEvent {
	/** Cart.com's `event_type`, exactly as documented. */
	value: string;
	name: string;
	description: string;
	/** The key the documented request wraps its record in; the item is that record unwrapped. */
	wrapper?: string;
}

export const NOTIFY_EVENTS: WebhookEvent[] = [
	{
		value: 'CustomerCreated',
		name: 'Customer Created',
		description: 'A customer is created',
		wrapper: 'customer',
	},
	{
		value: 'CustomerEmailUpdated',
		name: 'Customer Email Updated',
		description: "A customer's email address changes (with old_email and new_email)",
		wrapper: 'customer',
	},
	{
		value: 'CustomerRegistered',
		name: 'Customer Registered',
		description: 'A customer registers an account for the store',
		wrapper: 'customer',
	},
	{
		value: 'CustomerUpdated',
		name: 'Customer Updated',
		description: "A customer's data changes",
		wrapper: 'customer',
	},
	{
		value: 'NewOrder',
		name: 'New Order',
		description: 'An order of any status is created',
		wrapper: 'order',
	},
	{
		value: 'NewQuote',
		name: 'New Quote',
		description: 'A quote of any status is created',
		wrapper: 'quote',
	},
	{
		value: 'NewValidOrder',
		name: 'New Valid Order',
		description: 'An order is created with a status that is not cancelled or declined',
		wrapper: 'order',
	},
	{
		value: 'OrderApproved',
		name: 'Order Approved',
		description: "An order's payment has been approved",
		wrapper: 'order',
	},
	{
		value: 'OrderCanceled',
		name: 'Order Canceled',
		description: 'An order is marked with a canceled status',
		wrapper: 'order',
	},
	{
		value: 'OrderDeclined',
		name: 'Order Declined',
		description: 'An order is marked with a declined status',
		wrapper: 'order',
	},
	{
		value: 'OrderPlaced',
		name: 'Order Placed',
		description: 'A new order has been placed',
		wrapper: 'order',
	},
	{
		value: 'OrderShipped',
		name: 'Order Shipped',
		description: 'An order is marked with a shipped status',
		wrapper: 'order',
	},
	{
		value: 'OrderStatusChanged',
		name: 'Order Status Changed',
		description: "An order's status changes (with old_status and new_status)",
		wrapper: 'order',
	},
	{
		value: 'OrderUpdated',
		name: 'Order Updated',
		description: "An order's data changes",
		wrapper: 'order',
	},
	{
		value: 'PaymentProcessed',
		name: 'Payment Processed',
		description: 'A payment has finished processing',
		wrapper: 'order_payment',
	},
	{
		value: 'ProductCreated',
		name: 'Product Created',
		description: 'A product is created',
		wrapper: 'product',
	},
	{
		value: 'ProductStatusChanged',
		name: 'Product Status Changed',
		description: "A product's status changes (the item summary with its inventory)",
		wrapper: 'item',
	},
	{
		value: 'ProductUpdated',
		name: 'Product Updated',
		description: "A product's data changes",
		wrapper: 'product',
	},
	{
		value: 'QuoteStatusChanged',
		name: 'Quote Status Changed',
		description: "A quote's status changes (with old_status and new_status)",
		wrapper: 'quote',
	},
	{
		value: 'QuoteUpdated',
		name: 'Quote Updated',
		description: "A quote's data changes",
		wrapper: 'quote',
	},
];

export const ANSWER_EVENTS: WebhookEvent[] = [
	{
		value: 'AuthorizingPayment',
		name: 'Authorizing Payment',
		description: 'Approve or decline a payment authorization',
	},
	{
		value: 'CapturingPayment',
		name: 'Capturing Payment',
		description: 'Approve or decline a payment capture',
	},
	{
		value: 'GetDiscount',
		name: 'Get Discount',
		description: 'Compute the discounts of a cart',
	},
	{
		value: 'GetPrice',
		name: 'Get Price',
		description: 'Compute the price of one or more products',
	},
	{
		value: 'GetProductStatus',
		name: 'Get Product Status',
		description: 'Decide the status and stock shown for products',
	},
	{
		value: 'GetTax',
		name: 'Get Tax',
		description: 'Compute the tax of a cart',
	},
	{
		value: 'ValidateCart',
		name: 'Validate Cart',
		description: 'Check the cart and return messages to show the shopper',
	},
	{
		value: 'ValidateCheckout',
		name: 'Validate Checkout',
		description: 'Check the checkout page and return messages to show the shopper',
	},
	{
		value: 'ValidateCustomer',
		name: 'Validate Customer',
		description: 'Check customer data being changed and return messages',
	},
	{
		value: 'ValidateProduct',
		name: 'Validate Product',
		description: 'Check product data being changed and return messages',
	},
];

const BY_TYPE = new Map([...NOTIFY_EVENTS, ...ANSWER_EVENTS].map((event) => [event.value, event]));

export const eventOf = (eventType: string): WebhookEvent | undefined => BY_TYPE.get(eventType);

export const isNotifyEvent = (eventType: string): boolean =>
	NOTIFY_EVENTS.some((event) => event.value === eventType);

export const isAnswerEvent = (eventType: string): boolean =>
	ANSWER_EVENTS.some((event) => event.value === eventType);
