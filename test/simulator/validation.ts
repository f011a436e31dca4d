/**
 * Write-body checks: JSON object bodies, required fields (400), field types inferred from the
 * stored records (409, the API's validation status), date normalisation to store-local time.
 */
import { badRequest, conflict, type RequestContext, type SimResponse } from './httpTypes';
import type { ResourceDef } from './resources';
import type { MemoryStore } from './store';
import { formatStoreTime, parseInstant } from './time';
import type { SimRecord } from './types';

type FieldType = 'number' | 'string' | 'boolean' | 'array' | 'object';
/** Fields the server owns: a client cannot set them. */
const SERVER_FIELDS = ['id', 'created_at', 'updated_at'];
const SAMPLE_ROWS = 200;

const typeCache = new WeakMap<MemoryStore, Map<string, Map<string, FieldType | 'mixed'>>>();

function typeOf(value: unknown): FieldType | null {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	return type === 'number' || type === 'string' || type === 'boolean' || type === 'object'
		? (type as FieldType)
		: null;
}

/**
 * Field -> JSON type, learnt once from the seeded rows (a field seen with two types is not
 * checked). Learnt right after seeding so that later client writes cannot change the rules.
 */
export function fieldTypes(store: MemoryStore, resource: string): Map<string, FieldType | 'mixed'> {
	let perStore = typeCache.get(store);
	if (!perStore) {
		perStore = new Map();
		typeCache.set(store, perStore);
	}
	const cached = perStore.get(resource);
	if (cached) return cached;
	const types = new Map<string, FieldType | 'mixed'>();
	for (const row of store.rows(resource).slice(0, SAMPLE_ROWS)) {
		for (const [field, value] of Object.entries(row)) {
			const type = typeOf(value);
			if (!type) continue;
			const seen = types.get(field);
			if (seen === undefined) types.set(field, type);
			else if (seen !== type) types.set(field, 'mixed');
		}
	}
	perStore.set(resource, types);
	return types;
}

/** Fixes the type rules of every table from the seed data (call right after seeding). */
export function learnFieldTypes(store: MemoryStore): void {
	for (const resource of store.resources()) fieldTypes(store, resource);
}

export function isDateField(field: string): boolean {
	return field.endsWith('_at') || field.endsWith('_date');
}

export function isMissing(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Either a value or the error response to send instead. */
export type Result<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(response: SimResponse): Result<T> => ({ ok: false, response });

/** The body as a JSON object, or the 400 to send. */
export function objectBody(ctx: RequestContext): Result<SimRecord> {
	if (ctx.bodyInvalid) return fail(badRequest('The request body is not valid JSON.'));
	if (ctx.body === undefined) return fail(badRequest('A JSON request body is required.'));
	if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
		return fail(badRequest('The request body must be a JSON object.'));
	}
	return ok(ctx.body as SimRecord);
}

export function checkRequired(def: ResourceDef, body: SimRecord): SimResponse | null {
	const missing = def.required.find((field) => isMissing(body[field]));
	return missing ? badRequest(`${missing} is required`) : null;
}

/**
 * Copies the writable fields, checks their types against the table and normalises dates to the
 * store's local time (the API echoes dates back with the store offset). Unknown fields pass through.
 */
export function cleanFields(
	ctx: RequestContext,
	resource: string,
	body: SimRecord,
): Result<SimRecord> {
	const types = fieldTypes(ctx.store, resource);
	const fields: SimRecord = {};
	for (const [field, value] of Object.entries(body)) {
		if (SERVER_FIELDS.includes(field)) continue;
		const expected = types.get(field);
		if (value === null || value === undefined || expected === undefined || expected === 'mixed') {
			fields[field] = value;
		} else if (isDateField(field) && typeof value === 'string') {
			if (value === '') {
				fields[field] = value;
				continue;
			}
			const instant = parseInstant(value, ctx.settings.timeZone);
			if (instant === null) return fail(conflict(`${field} must be a valid ISO 8601 date`));
			fields[field] = formatStoreTime(instant, ctx.settings.timeZone);
		} else if (expected === 'number' && typeof value !== 'number') {
			return fail(conflict(`${field} must be a number`));
		} else if (expected === 'boolean' && typeof value !== 'boolean') {
			return fail(conflict(`${field} must be a boolean`));
		} else if (expected === 'array' && !Array.isArray(value)) {
			return fail(conflict(`${field} must be an array`));
		} else if (expected === 'string' && typeof value === 'object') {
			return fail(conflict(`${field} must be a string`));
		} else if (expected === 'string' && typeof value !== 'string') {
			fields[field] = String(value); // numbers/booleans for string fields are coerced, as JSON.NET does
		} else {
			fields[field] = value;
		}
	}
	return ok(fields);
}

/** Defaults for the fields a create did not send, so new records have the full shape of the table. */
export function defaultsFor(store: MemoryStore, resource: string, fields: SimRecord): SimRecord {
	const defaults: SimRecord = {};
	for (const [field, type] of fieldTypes(store, resource)) {
		if (field in fields || SERVER_FIELDS.includes(field)) continue;
		if (field.endsWith('_id') || isDateField(field)) defaults[field] = null;
		else if (type === 'number') defaults[field] = 0;
		else if (type === 'boolean') defaults[field] = false;
		else if (type === 'string') defaults[field] = '';
		else if (type === 'array') defaults[field] = [];
		else defaults[field] = null;
	}
	return defaults;
}
