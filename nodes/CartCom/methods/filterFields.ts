import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { findSpec } from '../actions/specs';
import { knownFilterFields } from '../helpers/fields';
import { toTitle } from '../helpers/naming';
import { loadOptions as storeLists } from './loadOptions';

/** Get Many's custom-condition Field dropdown: the fields of the resource being listed. */
async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const spec = findSpec(this.getCurrentNodeParameter('resource') as string);
	const names =
		knownFilterFields(spec) ??
		[...new Set(['id', ...spec.fields.map((field) => field.name)])].sort();
	return names.map((name) => ({ name: `${toTitle(name)} (${name})`, value: name }));
}

/** The store lists of loadOptions.ts plus the field dropdown, as one `methods.loadOptions`. */
export const loadOptions = { ...storeLists, getFilterFields };
