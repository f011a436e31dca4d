/**
 * Generic list/get/create/update/delete for every table (docs/common_usage.md): POST creates (201) or,
 * with an existing id, updates (200); PUT is a partial update; DELETE answers 204.
 */
import { checkForeignKeys, WRITE_HOOKS } from './behaviours';
import {
	badRequest,
	methodNotAllowed,
	notFound,
	type RequestContext,
	type SimResponse,
} from './httpTypes';
import {
	listResponse,
	nameSet,
	nestedRecords,
	nestedResource,
	renderFilled,
	renderRecord,
} from './listing';
import { embeddedNames, findNested, recordsKeyOf, type ResourceDef } from './resources';
import { checkRequired, cleanFields, defaultsFor, objectBody } from './validation';
import type { SimRecord } from './types';

function writeResponse(
	ctx: RequestContext,
	def: ResourceDef,
	record: SimRecord,
	status: number,
): SimResponse {
	// Write responses show the stored record with its embedded collections (e.g. shipment items).
	return { status, body: renderRecord(ctx.store, def, record, new Set(embeddedNames(def)), null) };
}

/** Applies validated fields to `existing` (update) or a new record (create). */
function applyWrite(
	ctx: RequestContext,
	def: ResourceDef,
	fields: SimRecord,
	existing: SimRecord | undefined,
): SimResponse {
	const hooks = WRITE_HOOKS[def.path] ?? {};
	const foreignKeyError = checkForeignKeys(ctx, def.path, fields);
	if (foreignKeyError) return foreignKeyError;
	const prepareError = hooks.prepare?.(ctx, fields, existing);
	if (prepareError) return prepareError;
	if (existing) {
		const updated = ctx.store.patch(def.path, existing.id as number, fields, {
			countWrite: true,
		}) as SimRecord;
		hooks.afterWrite?.(ctx, updated, 'update');
		return writeResponse(ctx, def, updated, 200);
	}
	const created = ctx.store.insert(
		def.path,
		{ ...defaultsFor(ctx.store, def.path, fields), ...fields },
		{ countWrite: true },
	);
	hooks.afterWrite?.(ctx, created, 'create');
	return writeResponse(ctx, def, created, 201);
}

function numericId(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function createOrUpsert(ctx: RequestContext, def: ResourceDef): SimResponse {
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const explicitId = numericId(body.value.id);
	const explicitTarget = explicitId === undefined ? undefined : ctx.store.raw(def.path, explicitId);
	if (!explicitTarget) {
		const missing = checkRequired(def, body.value);
		if (missing) return missing;
	}
	const fields = cleanFields(ctx, def.path, body.value);
	if (!fields.ok) return fields.response;
	const target = explicitTarget ?? WRITE_HOOKS[def.path]?.upsertTarget?.(ctx, fields.value);
	return applyWrite(ctx, def, fields.value, target);
}

function update(ctx: RequestContext, def: ResourceDef, id: number): SimResponse {
	const existing = ctx.store.raw(def.path, id);
	if (!existing) return notFound();
	const body = objectBody(ctx);
	if (!body.ok) return body.response;
	const fields = cleanFields(ctx, def.path, body.value);
	if (!fields.ok) return fields.response;
	return applyWrite(ctx, def, fields.value, existing);
}

function remove(ctx: RequestContext, def: ResourceDef, id: number): SimResponse {
	const existing = ctx.store.raw(def.path, id);
	if (!existing) return notFound();
	ctx.store.delete(def.path, id, { countWrite: true });
	WRITE_HOOKS[def.path]?.afterWrite?.(ctx, existing, 'delete');
	return { status: 204 };
}

/** `/{res}` */
export function handleCollection(ctx: RequestContext, def: ResourceDef): SimResponse {
	if (ctx.method === 'GET' && def.ops.list) {
		return listResponse({
			ctx,
			def,
			fieldsFrom: def.path,
			records: ctx.store.rows(def.path),
			linkPath: def.path,
			recordsKey: recordsKeyOf(def, ctx.settings.recordsKeys),
		});
	}
	if (ctx.method === 'POST' && def.ops.create) return createOrUpsert(ctx, def);
	return methodNotAllowed(ctx.method);
}

/** `/{res}/select_many?ids=1,5,9` */
export function handleSelectMany(ctx: RequestContext, def: ResourceDef): SimResponse {
	if (ctx.method !== 'GET' || !def.ops.get) return methodNotAllowed(ctx.method);
	const idsParam = ctx.query.get('ids');
	if (!idsParam) return badRequest('ids is required');
	const ids = idsParam
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (ids.length === 0 || ids.some((id) => !/^\d+$/.test(id)))
		return badRequest('ids must be a comma separated list of ids');
	const records = [...new Set(ids.map(Number))]
		.sort((a, b) => a - b)
		.map((id) => ctx.store.raw(def.path, id))
		.filter((record): record is SimRecord => record !== undefined);
	return listResponse({
		ctx,
		def,
		fieldsFrom: def.path,
		records,
		linkPath: `${def.path}/select_many`,
		recordsKey: recordsKeyOf(def, ctx.settings.recordsKeys),
		unpaged: true,
	});
}

/** `/{res}/{id}` */
export function handleRecord(ctx: RequestContext, def: ResourceDef, id: number): SimResponse {
	switch (ctx.method) {
		case 'GET': {
			if (!def.ops.get) return methodNotAllowed(ctx.method);
			const record = ctx.store.raw(def.path, id);
			if (!record) return notFound();
			const fieldsParam = ctx.query.get('fields');
			return {
				status: 200,
				body: renderRecord(
					ctx.store,
					def,
					record,
					nameSet(ctx.query.get('expand')),
					fieldsParam ? nameSet(fieldsParam) : null,
				),
			};
		}
		case 'PUT':
			return def.ops.update ? update(ctx, def, id) : methodNotAllowed(ctx.method);
		case 'DELETE':
			return def.ops.delete ? remove(ctx, def, id) : methodNotAllowed(ctx.method);
		default:
			return methodNotAllowed(ctx.method);
	}
}

/** `/{res}/{id}/filled` and `/{res}/{id}/{nested}` */
export function handleNested(
	ctx: RequestContext,
	def: ResourceDef,
	id: number,
	name: string,
): SimResponse {
	const nested = name === 'filled' ? undefined : findNested(def, name);
	if (name !== 'filled' && !nested) return notFound();
	if (ctx.method !== 'GET' || !def.ops.get) return methodNotAllowed(ctx.method);
	const record = ctx.store.raw(def.path, id);
	if (!record) return notFound();
	if (!nested) return { status: 200, body: renderFilled(ctx.store, def, record) };
	const childDef = nestedResource(nested);
	return listResponse({
		ctx,
		def: childDef,
		fieldsFrom: childDef?.path,
		records: nestedRecords(ctx.store, nested, record),
		linkPath: `${def.path}/${id}/${name}`,
		recordsKey: name,
	});
}
