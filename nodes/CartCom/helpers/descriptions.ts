import type { INodeProperties, INodePropertyOptions, NodeParameterValue } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { FILTER_OPERATORS, MAX_PAGE_SIZE } from '../transport';
import { recordNoun, toCamelCase, toTitle } from './naming';
import type { FieldSpec, ResourceSpec } from './types';

export const RECORD_ID = 'recordId';

/** Shows `properties` only for this resource and operation. */
export const forOperation = (resource: string, operation: string, properties: INodeProperties[]) =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

const byDisplayName = <T extends { displayName?: string; name: string }>(a: T, b: T) =>
	(a.displayName ?? a.name).localeCompare(b.displayName ?? b.name);

/** The record picker: "From list" (searchable) or "By ID". */
export function recordLocator(
	spec: Pick<ResourceSpec, 'name'>,
	options: { name?: string; displayName?: string; description?: string } = {},
): INodeProperties {
	return {
		displayName: options.displayName ?? `${spec.name}`,
		name: options.name ?? RECORD_ID,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description ?? `The ${recordNoun({ name: spec.name })} to use`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: 'searchRecords',
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 100231',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a numeric ID' },
					},
				],
			},
		],
	};
}

/** The editor's hints for a number field; the node checks the same rules again at run time. */
function numberTypeOptions(field: FieldSpec): INodeProperties['typeOptions'] {
	const options: INodeProperties['typeOptions'] = {};
	if (field.integer) options.numberPrecision = 0;
	if (field.nonNegative) options.minValue = 0;
	return Object.keys(options).length ? options : undefined;
}

/** A parameter for one record field (Create's required fields, Additional / Update Fields entries). */
export function fieldParameter(field: FieldSpec, asRequired: boolean): INodeProperties {
	const displayName = field.label ?? toTitle(field.name);
	const base = {
		displayName,
		name: toCamelCase(field.name),
		required: asRequired || undefined,
		description: field.description,
		placeholder: field.placeholder,
	};
	switch (field.type) {
		case 'number':
			return { ...base, type: 'number', default: 0, typeOptions: numberTypeOptions(field) };
		case 'boolean':
			return {
				...base,
				type: 'boolean',
				default: false,
				description: field.description ?? `Whether ${displayName.toLowerCase()} is set`,
			};
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'json':
			return { ...base, type: 'json', default: '{}' };
		case 'options':
			if (field.loadOptionsMethod) {
				return {
					...base,
					displayName: displayName.replace(/ ID$/, ' Name or ID'),
					type: 'options',
					typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
					default: '',
					description:
						(field.description ? `${field.description}. ` : '') +
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				};
			}
			return {
				...base,
				type: 'options',
				options: field.options ?? [],
				default: field.options?.[0]?.value ?? '',
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/** Free-form fields for what the node does not list: passed through untouched. */
export const OTHER_FIELDS: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFieldsJson',
	type: 'json',
	default: '{}',
	description:
		'Any further Cart.com fields as a JSON object, sent as they are, e.g. {"custom_flag_1": true}',
};

export function fieldsCollection(
	name: 'additionalFields' | 'updateFields',
	fields: FieldSpec[],
): INodeProperties {
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...fields.map((field) => fieldParameter(field, false)), OTHER_FIELDS].sort(
			byDisplayName,
		),
	};
}

export function simplifyParameter(spec: ResourceSpec): INodeProperties[] {
	if (!spec.simplifyFields?.length) return [];
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: `Whether to return a simplified version of the response instead of the raw data (keeps ${spec.simplifyFields.join(', ')})`,
		},
	];
}

const DATE_FILTERS: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'createdAfter',
		type: 'dateTime',
		default: '',
		description:
			'Only records created at or after this time; records whose creation date is empty (some products) never match',
	},
	{
		displayName: 'Created Before',
		name: 'createdBefore',
		type: 'dateTime',
		default: '',
		description:
			'Only records created before this time; records whose creation date is empty (some products) never match',
	},
	{
		displayName: 'Updated After',
		name: 'updatedAfter',
		type: 'dateTime',
		default: '',
		description:
			'Only records changed at or after this time; records whose change date is empty never match',
	},
	{
		displayName: 'Updated Before',
		name: 'updatedBefore',
		type: 'dateTime',
		default: '',
		description:
			'Only records changed before this time; records whose change date is empty never match',
	},
];

/**
 * A quick filter. Numbers are entered as text: a number parameter starts at 0 in n8n's editor, and
 * a filter added to the collection would then send `=eq:0` and find nothing. Empty = not filtered;
 * the node checks the number when the list is read.
 */
export function filterParameter(field: FieldSpec): INodeProperties {
	const parameter = fieldParameter(field, false);
	if (field.type !== 'number') return parameter;
	return {
		displayName: parameter.displayName,
		name: parameter.name,
		type: 'string',
		default: '',
		placeholder: field.placeholder ?? (field.name.endsWith('_id') ? 'e.g. 100231' : 'e.g. 25'),
		description: field.description,
	};
}

export function filtersCollection(spec: ResourceSpec): INodeProperties {
	const quick = (spec.filterFields ?? []).map(filterParameter);
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...(spec.timestamps ? DATE_FILTERS : []), ...quick].sort(byDisplayName),
	};
}

const OPERATOR_OPTIONS: INodePropertyOptions[] = FILTER_OPERATORS.map((operator) => ({
	name: {
		eq: 'Equals',
		not: 'Not Equals',
		like: 'Contains',
		startwith: 'Starts With',
		gt: 'Greater Than',
		gte: 'Greater Than or Equal',
		lt: 'Less Than',
		lte: 'Less Than or Equal',
	}[operator],
	value: operator,
})).sort((a, b) => a.name.localeCompare(b.name));

export const customFiltersParameter: INodeProperties = {
	displayName: 'Custom Filters',
	name: 'customFilters',
	type: 'fixedCollection',
	placeholder: 'Add Condition',
	default: {},
	typeOptions: { multipleValues: true },
	description:
		'Conditions on other fields of the record. The Filters above always apply as well; Match decides how these conditions combine.',
	options: [
		{
			displayName: 'Condition',
			name: 'conditions',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getFilterFields' },
					default: '',
					description:
						'The field of the record to compare. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					options: OPERATOR_OPTIONS,
					default: 'eq',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Dates in ISO 8601, e.g. 2024-05-14T00:00:00Z',
				},
			],
		},
	],
};

/**
 * Custom Filters with no condition: `{}` as n8n's editor starts it, `{ conditions: [] }` once the
 * last one is removed. n8n compares `_cnd.eq` values with lodash isEqual (n8n-workflow
 * node-helpers.ts, 1.x and 2.x), objects included, though its type names only scalars.
 */
const NO_CONDITIONS = [{}, { conditions: [] }].map((value) => ({
	_cnd: { eq: value as unknown as NodeParameterValue },
}));

/** Shown once a custom condition exists: it combines those conditions only. */
export const matchParameter: INodeProperties = {
	displayName: 'Match',
	name: 'match',
	type: 'options',
	default: 'all',
	displayOptions: { hide: { customFilters: NO_CONDITIONS } },
	options: [
		{ name: 'All Conditions', value: 'all' },
		{ name: 'Any Condition', value: 'any' },
	],
	description:
		'Whether a record must meet all custom conditions or at least one of them. The Filters always apply.',
};

/** Get Many's sort choices → Cart.com's `sort` (docs/common_usage.md: `-` sorts descending). */
export const SORT_CHOICES = {
	newest: { name: 'Newest First', description: 'Most recently created first' },
	updated: { name: 'Recently Updated', description: 'Most recently changed first' },
	oldest: { name: 'Oldest First', description: 'In the order they were created' },
	custom: { name: 'Custom', description: 'By the fields you add in Options → Sort Fields' },
} as const;
export type SortChoice = keyof typeof SORT_CHOICES;

/**
 * The node version from which Get Many starts at Newest First. Version 1 kept Cart.com's own order
 * (oldest first); its saved workflows keep it, as n8n's own nodes do when a default changes.
 */
export const NEWEST_FIRST_SINCE = 1.1;

/** The default Get Many sort of a node version. */
export const defaultSortOf = (typeVersion: number): SortChoice =>
	typeVersion >= NEWEST_FIRST_SINCE ? 'newest' : 'oldest';

/** The Sort dropdown, once per node version range since the default differs. */
export function sortParameters(spec: ResourceSpec): INodeProperties[] {
	const choices: SortChoice[] = spec.timestamps
		? ['newest', 'updated', 'oldest', 'custom']
		: ['newest', 'oldest', 'custom'];
	const sort = (typeVersion: 1 | typeof NEWEST_FIRST_SINCE): INodeProperties => ({
		displayName: 'Sort',
		name: 'sortOrder',
		type: 'options',
		default: defaultSortOf(typeVersion),
		options: choices.map((value) => ({ ...SORT_CHOICES[value], value })),
		description: 'Which records come first, and so which ones a limit keeps',
		displayOptions: {
			show: {
				'@version': typeVersion === 1 ? [1] : [{ _cnd: { gte: NEWEST_FIRST_SINCE } }],
			},
		},
	});
	return [sort(1), sort(NEWEST_FIRST_SINCE)];
}

export function listOptionsCollection(spec: ResourceSpec): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'e.g. order_number,updated_at,grand_total',
			description:
				'Comma-separated fields to return; the record ID is always included. Empty returns all fields.',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			default: MAX_PAGE_SIZE,
			description:
				'Records per request. Without this option the node asks for the largest page (1,000) and adapts to a store that returns fewer: the store’s rate limit counts requests, not records.',
		},
		{
			displayName: 'Sort Fields',
			name: 'sort',
			type: 'string',
			default: '',
			placeholder: 'e.g. -ordered_at,order_number',
			description:
				'Comma-separated fields to sort by, used instead of the Sort choice; a leading - sorts descending. With Return All, sort on fields that do not change while the list is read (e.g. IDs, creation dates).',
		},
	];
	if (spec.nested?.length) options.push(expandParameter(spec));
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort(byDisplayName),
	};
}

export function expandParameter(spec: ResourceSpec): INodeProperties {
	return {
		displayName: 'Include Related',
		name: 'expand',
		type: 'multiOptions',
		options: (spec.nested ?? []).map((nested) => ({ name: toTitle(nested), value: nested })),
		default: [],
		description: 'Nested collections to fill in each record (Cart.com expand)',
	};
}

export const concurrencyParameter: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 1,
	description:
		'How many input items to send at once. The node still keeps within the store’s limit on calls.',
};

export function writeOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'writeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyParameter, ...extra].sort(byDisplayName),
	};
}

export { limitParameter, returnAllParameter } from '../../shared/node';
