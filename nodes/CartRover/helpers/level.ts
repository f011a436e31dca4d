import type { CartRoverLevel } from '../transport';

/** The level as CartRover's settings page names the keys (Cart, Merchant, Warehouse API). */
export const LEVEL_NAMES: Record<CartRoverLevel, string> = {
	cart: 'Cart',
	merchant: 'Merchant',
	wms: 'Warehouse',
};

export const ALL_LEVELS: readonly CartRoverLevel[] = ['cart', 'merchant', 'wms'];
export const CART_ONLY: readonly CartRoverLevel[] = ['cart'];
/**
 * Merchant-level reads (inventory, products) and the per-level order reads. Cart keys can read
 * `merchant/inventory` and `merchant/product/{sku}`: the third-party extensiv_ruby gem calls them
 * with Cart credentials (inference, not documented by CartRover).
 */
export const CART_OR_MERCHANT: readonly CartRoverLevel[] = ['cart', 'merchant'];

/** "Cart or Merchant API keys". */
export function levelList(levels: readonly CartRoverLevel[]): string {
	const names = levels.map((level) => LEVEL_NAMES[level]);
	const text =
		names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
	return `${text} API keys`;
}

/**
 * Order paths exist at both levels with the same shape: `/cart/orders/…` reads this order source's
 * orders, `/merchant/orders/…` every order source of the merchant.
 */
export function ordersBase(level: CartRoverLevel): string {
	return level === 'merchant' ? '/merchant/orders' : '/cart/orders';
}
