/** Maps `/api/v1/...` paths to handlers. */
import { handleCollection, handleNested, handleRecord, handleSelectMany } from './crud';
import { notFound, type RequestContext, type SimResponse } from './httpTypes';
import { routeExtra } from './extraRoutes';
import { handleInventory } from './inventory';
import { getResource } from './resources';
import { handleOrderStatus, handleRebuildTree } from './specials';
import { handleImport, handleImportMany, handleThemeImport, handleUpload } from './uploads';
import { handleCart } from './carts';

const NUMERIC_ID = /^\d+$/;

/** Path segments after `/api/v1/`, with the optional `.json` suffix removed; null if outside the API. */
export function apiSegments(pathname: string): string[] | null {
	const match = /^\/api\/v1(?:\/(.*))?$/.exec(pathname);
	if (!match) return null;
	const segments = (match[1] ?? '')
		.split('/')
		.filter(Boolean)
		.map((segment) => decodeURIComponent(segment));
	if (segments.length > 0)
		segments[segments.length - 1] = segments[segments.length - 1].replace(/\.json$/i, '');
	return segments;
}

export function route(ctx: RequestContext): SimResponse {
	const [name, second, third, ...rest] = ctx.segments;
	if (!name) return notFound();
	if (name === 'inventory') return handleInventory(ctx);
	const extra = routeExtra(ctx);
	if (extra) return extra;
	if (name === 'upload' && second === undefined) return handleUpload(ctx);
	if (name === 'import' && third === undefined) return handleImport(ctx, second);
	if (name === 'products' && second === 'importMany' && third === undefined)
		return handleImportMany(ctx);
	if (name === 'themes' && second === 'import' && third === undefined)
		return handleThemeImport(ctx);
	if (name === 'carts' && second !== undefined && third !== undefined && rest.length === 0) {
		const handled = handleCart(ctx, second, third);
		if (handled) return handled;
	}

	const def = getResource(name);
	if (!def || rest.length > 0) return notFound();
	if (second === undefined) return handleCollection(ctx, def);
	if (second === 'select_many' && third === undefined) return handleSelectMany(ctx, def);
	if (name === 'categories' && second === 'rebuild_tree' && third === undefined)
		return handleRebuildTree(ctx);
	if (!NUMERIC_ID.test(second)) return notFound();
	const id = Number(second);
	if (third === undefined) return handleRecord(ctx, def, id);
	if (name === 'orders' && third === 'status') return handleOrderStatus(ctx, id);
	return handleNested(ctx, def, id, third);
}
