import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** A plain object, as JSON text parses to and n8n hands over from expressions (not null, not a list). */
export function isJsonObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A collection or fixedCollection parameter (Options, Filters, Additional Fields…): an object, `{}` when unset. */
export function readCollection(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const value = ctx.getNodeParameter(name, itemIndex, {});
	return isJsonObject(value) ? value : {};
}
