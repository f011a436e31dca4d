import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** Runs one operation over all input items and returns its output items (pairedItem set). */
export type OperationExecutor = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

/** An operation's entry in the Operation dropdown. */
export type OperationOption = INodePropertyOptions & { value: string; action: string };

/**
 * A Cart.com call an operation can make: the method and the path template below /api/v1, written
 * as acapi.yaml and the docs write them (`{id}` = a numeric record ID), e.g. `PUT /orders/{id}/status`.
 * The README's operations table and the API coverage test (test/actions/apiCoverage.test.ts) read
 * these; test/helpers/actionKit.ts fails any test in which an operation sends a call it does not list.
 */
export interface Endpoint {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
}

/** One operation: its dropdown entry, its parameters, the calls it makes and its behaviour, side by side. */
export interface OperationModule {
	option: OperationOption;
	description: INodeProperties[];
	/** Every call the operation can make, lookups and re-reads included. */
	endpoints: Endpoint[];
	execute: OperationExecutor;
}

/** A resource as the node offers it; `spec` is set for spec-driven resources (pickers read it). */
export interface ResourceModule {
	value: string;
	name: string;
	description?: string;
	operations: OperationModule[];
	spec?: ResourceSpec;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'dateTime' | 'json' | 'options';

/** A record field as the node offers it for Create / Update and validates before sending. */
export interface FieldSpec {
	name: string;
	/** Display name; derived from `name` when absent (`order_status_id` → Order Status ID). */
	label?: string;
	type: FieldType;
	description?: string;
	/** Needed by Cart.com on create (the spec's required list). */
	required?: boolean;
	/** For `options`: a fixed list, or a loadOptions method name for store-specific ids. */
	options?: Array<{ name: string; value: string | number }>;
	loadOptionsMethod?: string;
	placeholder?: string;
	/** Numbers: whole numbers within Int32, as Cart.com stores them (ids, quantities, sort orders). */
	integer?: boolean;
	/** Numbers: money and counts (prices, costs, totals, stock), which Cart.com means as 0 or more. */
	nonNegative?: boolean;
	/** JSON fields: the value must be an array or an object (checked before any request). */
	jsonShape?: 'array' | 'object';
	/** JSON arrays: ID keys every entry must carry, e.g. a variant row's variants[] (id, product_id, variant_group_id). */
	entryIdKeys?: string[];
	/** Get Many quick filters only: how Cart.com compares the value (`eq` by default). */
	operator?: 'eq' | 'like' | 'startwith';
}

export type ResourceOperation =
	| 'get'
	| 'getAll'
	| 'create'
	| 'update'
	| 'delete'
	| 'getFilled'
	| 'selectMany';

/**
 * One of the operations every spec-driven resource shares (actions/standard/*.operation.ts): the
 * same dropdown entry, parameters and behaviour, filled in from the resource's spec.
 */
export interface StandardOperation {
	value: ResourceOperation;
	option: (spec: ResourceSpec) => OperationOption;
	description: (spec: ResourceSpec) => INodeProperties[];
	/** The calls it makes for a resource, e.g. `GET {spec.path}/{id}`. */
	endpoints: (spec: ResourceSpec) => Endpoint[];
	execute: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		spec: ResourceSpec,
	) => Promise<INodeExecutionData[]>;
}

/** What the generic operations need to know about one Cart.com resource. */
export interface ResourceSpec {
	/** Node parameter value, camelCase singular, e.g. `orderItem`. */
	value: string;
	/** Display name, singular, e.g. `Order Item`. */
	name: string;
	/** Lower-case plural for action texts, e.g. `order items`. */
	plural: string;
	/** Path below /api/v1, e.g. `/order_items`. */
	path: string;
	/** Expected records key in list envelopes (detected anyway). */
	recordsKey: string;
	/** The standard operations the resource offers, e.g. `[get, getMany]` from actions/standard. */
	operations: StandardOperation[];
	fields: FieldSpec[];
	/** Nested collections for `expand` and Get Filled, e.g. items, payments. */
	nested?: string[];
	/** Whether records carry created_at / updated_at (adds date filters). */
	timestamps?: boolean;
	/**
	 * Timestamps live stores leave empty on some records. A date filter never matches an empty date,
	 * so Get Many says so (an execution hint) whenever it filters on one of these.
	 */
	undatedFields?: Array<'created_at' | 'updated_at'>;
	/** Field shown in "From list" pickers, e.g. `name` or `email`. */
	titleField?: string;
	/** Key field when it is not `id` (e.g. notifications → `notification_id`); used by pickers. */
	idField?: string;
	/** At most 10 fields kept when Simplify is on; resources with ≤ 10 fields have no Simplify. */
	simplifyFields?: string[];
	/**
	 * A required path field Create can also fill by uploading a file from the workflow first
	 * (`POST /upload`), e.g. a product picture's `image_file`; the path stays the default source.
	 */
	fileSource?: { field: string; noun: string; folder: string };
	/** Create may send no field at all; otherwise an empty Create is refused as a mapping gone wrong. */
	createsEmpty?: boolean;
	/** Extra quick filters for Get Many, as fields of the record (eq by default). */
	filterFields?: FieldSpec[];
	description?: string;
	/**
	 * How action texts name one record when the resource name alone reads like a task of another
	 * resource: Order Status → "order status definition", so "Update order status definition" is not
	 * mistaken for Order → Update Status.
	 */
	actionNoun?: string;
	/** Dropdown texts that replace a standard operation's own, e.g. to point a raw write at its task operation. */
	optionTexts?: Partial<
		Record<ResourceOperation, Partial<Pick<OperationOption, 'action' | 'description'>>>
	>;
}
