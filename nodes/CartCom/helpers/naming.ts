/** `order_status_id` → `orderStatusId`: n8n parameter names are camelCase, Cart.com fields snake_case. */
export const toCamelCase = (snake: string) =>
	snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** `order_status_id` → `Order Status ID` for display names. */
export function toTitle(snake: string): string {
	return snake
		.split('_')
		.filter(Boolean)
		.map((word) => {
			const lower = word.toLowerCase();
			if (
				['id', 'url', 'sku', 'gtin', 'upc', 'ip', 'cvv', 'hs', 'eta', 'ppc', 'mpn', 'api'].includes(
					lower,
				)
			) {
				return lower.toUpperCase();
			}
			return lower.charAt(0).toUpperCase() + lower.slice(1);
		})
		.join(' ');
}
