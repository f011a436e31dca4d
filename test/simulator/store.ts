/**
 * In-memory tables. Records are stored once and mutated in place; the HTTP layer reads them
 * live (filter, slice, then serialise only the page) so large tables stay cheap, while the public
 * SimStore methods hand out copies so tests cannot bypass updated_at bookkeeping by accident.
 */
import { RESOURCES, type ResourceDef } from './resources';
import { formatStoreTime } from './time';
import type { InventorySettings, SimRecord, SimStore } from './types';

export interface StoreClock {
	nowMs(): number;
	timeZone(): string;
}

interface Table {
	def: ResourceDef;
	byId: Map<number, SimRecord>;
	/** Records in id order; kept in step with byId on every insert/delete. */
	sorted: SimRecord[];
	nextId: number;
	/** Union of the keys ever stored, to tell filter params from unrelated query params. */
	knownFields: Set<string>;
	/** Lazily built, then incrementally maintained: field -> normalised value -> records in id order. */
	indexes: Map<string, Map<string, SimRecord[]>>;
}

/** Write options used internally: seeding and side effects must not count as client writes. */
export interface WriteOptions {
	countWrite?: boolean;
	/** Keep created_at/updated_at given in the fields instead of stamping the clock. */
	keepTimestamps?: boolean;
}

/**
 * Told about every insert/patch of the tables it `wants` (webhook deliveries). `wants` is asked
 * first so that a store without subscriptions pays one call per write and copies nothing.
 */
export interface StoreChangeListener {
	wants(resource: string): boolean;
	/** `previous` holds the values the patch replaced (only keys the patch sent); undefined for an insert. */
	changed(resource: string, record: SimRecord, previous: SimRecord | undefined): void;
}

/** Index key: lookups by SKU, e-mail etc. are case-insensitive like the real (SQL Server) API. */
export function indexKey(value: unknown): string {
	return value === null || value === undefined ? '' : String(value).toLowerCase();
}

/** Copy deep enough that nested arrays/objects of the copy are not shared with the store. */
export function copyRecord(record: SimRecord): SimRecord {
	const copy: SimRecord = {};
	for (const key of Object.keys(record)) {
		const value = record[key];
		copy[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
	}
	return copy;
}

function insertSortedById(list: SimRecord[], record: SimRecord): void {
	const id = record.id as number;
	if (list.length === 0 || (list[list.length - 1].id as number) < id) {
		list.push(record);
		return;
	}
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if ((list[mid].id as number) < id) low = mid + 1;
		else high = mid;
	}
	list.splice(low, 0, record);
}

function removeFromList(list: SimRecord[], record: SimRecord): void {
	const index = list.indexOf(record);
	if (index >= 0) list.splice(index, 1);
}

export class MemoryStore implements SimStore {
	private readonly tables = new Map<string, Table>();
	private readonly writes = new Map<string, number>();
	inventorySettings: InventorySettings = {
		track_inventory: true,
		remove_from_inventory_when: 'Ordered',
		out_of_stock_product_status_id: null,
		in_stock_product_status_id: null,
		back_order_product_status_id: null,
		discontinued_product_status_id: null,
		product_hide_no_inventory: false,
	};
	/** Value behind GET/PUT /stores/{id}/store_alert_email, per store id. */
	readonly storeAlertEmails = new Map<number, string>();
	/** Set after seeding (seed loads are never reported). */
	changeListener: StoreChangeListener | undefined;

	constructor(private readonly clock: StoreClock) {
		for (const def of RESOURCES.values()) {
			this.tables.set(def.path, {
				def,
				byId: new Map(),
				sorted: [],
				nextId: def.firstId ?? 1,
				knownFields: new Set(['id']),
				indexes: new Map(),
			});
		}
	}

	// ---- public SimStore API (copies in, copies out) -------------------------------------------

	list(resource: string): SimRecord[] {
		return this.table(resource).sorted.map(copyRecord);
	}

	get(resource: string, id: number): SimRecord | undefined {
		const record = this.table(resource).byId.get(id);
		return record ? copyRecord(record) : undefined;
	}

	create(resource: string, fields: SimRecord): SimRecord {
		return copyRecord(
			this.insert(resource, structuredClone(fields), { countWrite: true, keepTimestamps: true }),
		);
	}

	update(resource: string, id: number, patch: SimRecord): SimRecord {
		const updated = this.patch(resource, id, structuredClone(patch), {
			countWrite: true,
			keepTimestamps: true,
		});
		if (!updated) throw new Error(`${resource} ${id} does not exist`);
		return copyRecord(updated);
	}

	remove(resource: string, id: number): boolean {
		return this.delete(resource, id, { countWrite: true });
	}

	touch(resource: string, id: number): SimRecord {
		const updated = this.patch(resource, id, {}, { countWrite: true });
		if (!updated) throw new Error(`${resource} ${id} does not exist`);
		return copyRecord(updated);
	}

	writeCount(resource?: string): number {
		if (resource !== undefined) return this.writes.get(resource) ?? 0;
		let total = 0;
		for (const count of this.writes.values()) total += count;
		return total;
	}

	count(resource: string): number {
		return this.table(resource).byId.size;
	}

	resources(): string[] {
		return [...this.tables.keys()];
	}

	nowTimestamp(): string {
		return formatStoreTime(this.clock.nowMs(), this.clock.timeZone());
	}

	// ---- live access for the HTTP layer and seeding --------------------------------------------

	has(resource: string): boolean {
		return this.tables.has(resource);
	}

	/** Live records in id order. Callers must not mutate them. */
	rows(resource: string): readonly SimRecord[] {
		return this.table(resource).sorted;
	}

	/** Live record. Callers must not mutate it. */
	raw(resource: string, id: number): SimRecord | undefined {
		return this.table(resource).byId.get(id);
	}

	knownFields(resource: string): ReadonlySet<string> {
		return this.table(resource).knownFields;
	}

	/** Live records whose `field` equals `value` (case-insensitive), in id order. */
	lookup(resource: string, field: string, value: unknown): readonly SimRecord[] {
		return this.index(resource, field).get(indexKey(value)) ?? [];
	}

	insert(resource: string, fields: SimRecord, options: WriteOptions = {}): SimRecord {
		const table = this.table(resource);
		const record: SimRecord = { ...fields };
		const requestedId =
			typeof fields.id === 'number' && Number.isInteger(fields.id) ? fields.id : undefined;
		if (requestedId !== undefined && table.byId.has(requestedId)) {
			throw new Error(`${resource} ${requestedId} already exists`);
		}
		const id = requestedId ?? table.nextId;
		// id first, as in the API's JSON.
		const ordered: SimRecord = { id };
		delete record.id;
		Object.assign(ordered, record);
		const stamp = this.nowTimestamp();
		if (!options.keepTimestamps || ordered.created_at === undefined) ordered.created_at = stamp;
		if (!options.keepTimestamps || ordered.updated_at === undefined) ordered.updated_at = stamp;
		table.nextId = Math.max(table.nextId, id + 1);
		table.byId.set(id, ordered);
		insertSortedById(table.sorted, ordered);
		for (const key of Object.keys(ordered)) table.knownFields.add(key);
		for (const [field, index] of table.indexes) this.addToIndex(index, ordered, field);
		if (options.countWrite) this.countWrite(resource);
		if (this.changeListener?.wants(resource))
			this.changeListener.changed(resource, ordered, undefined);
		return ordered;
	}

	/** Seeding fast path: records already carry id and timestamps. */
	load(resource: string, records: SimRecord[]): void {
		const table = this.table(resource);
		for (const record of records) {
			const id = record.id as number;
			table.byId.set(id, record);
			insertSortedById(table.sorted, record);
			table.nextId = Math.max(table.nextId, id + 1);
		}
		if (records.length > 0) for (const key of Object.keys(records[0])) table.knownFields.add(key);
		table.indexes.clear();
	}

	patch(
		resource: string,
		id: number,
		patch: SimRecord,
		options: WriteOptions = {},
	): SimRecord | undefined {
		const table = this.table(resource);
		const record = table.byId.get(id);
		if (!record) return undefined;
		const changes: SimRecord = { ...patch };
		delete changes.id;
		if (!options.keepTimestamps || changes.updated_at === undefined)
			changes.updated_at = this.nowTimestamp();
		const listener = this.changeListener?.wants(resource) ? this.changeListener : undefined;
		let previous: SimRecord | undefined;
		if (listener) {
			previous = {};
			for (const key of Object.keys(changes)) previous[key] = record[key];
		}
		for (const [field, index] of table.indexes) {
			if (field in changes && indexKey(changes[field]) !== indexKey(record[field])) {
				this.removeFromIndex(index, record, field);
				record[field] = changes[field];
				this.addToIndex(index, record, field);
			}
		}
		Object.assign(record, changes);
		for (const key of Object.keys(changes)) table.knownFields.add(key);
		if (options.countWrite) this.countWrite(resource);
		listener?.changed(resource, record, previous);
		return record;
	}

	delete(resource: string, id: number, options: WriteOptions = {}): boolean {
		const table = this.table(resource);
		const record = table.byId.get(id);
		if (!record) return false;
		table.byId.delete(id);
		removeFromList(table.sorted, record);
		for (const [field, index] of table.indexes) this.removeFromIndex(index, record, field);
		if (options.countWrite) this.countWrite(resource);
		// No documented event for a deletion; only the subscription cache cares.
		if (resource === 'webhooks' && this.changeListener?.wants(resource))
			this.changeListener.changed(resource, record, {});
		return true;
	}

	countWrite(resource: string): void {
		this.writes.set(resource, (this.writes.get(resource) ?? 0) + 1);
	}

	// ---- internals ------------------------------------------------------------------------------

	private table(resource: string): Table {
		const table = this.tables.get(resource);
		if (!table) throw new Error(`Unknown simulator resource: ${resource}`);
		return table;
	}

	private index(resource: string, field: string): Map<string, SimRecord[]> {
		const table = this.table(resource);
		let index = table.indexes.get(field);
		if (!index) {
			index = new Map();
			for (const record of table.sorted) this.addToIndex(index, record, field);
			table.indexes.set(field, index);
		}
		return index;
	}

	private addToIndex(index: Map<string, SimRecord[]>, record: SimRecord, field: string): void {
		const key = indexKey(record[field]);
		const bucket = index.get(key);
		if (bucket) insertSortedById(bucket, record);
		else index.set(key, [record]);
	}

	private removeFromIndex(index: Map<string, SimRecord[]>, record: SimRecord, field: string): void {
		const key = indexKey(record[field]);
		const bucket = index.get(key);
		if (!bucket) return;
		removeFromList(bucket, record);
		if (bucket.length === 0) index.delete(key);
	}
}
