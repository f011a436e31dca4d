/**
 * The operations every spec-driven resource shares, one file each. A resource's spec lists the
 * ones it offers (`operations: [get, getMany, …]`); helpers/resource.ts binds them to the spec.
 * Each dropdown entry takes the spec's own texts (`optionTexts`) over the operation's.
 */
import { recordNoun } from '../../helpers/naming';
import type { ResourceSpec, StandardOperation } from '../../helpers/types';
import { create as createOperation } from './create.operation';
import { remove as removeOperation } from './delete.operation';
import { get as getOperation } from './get.operation';
import { getMany as getManyOperation } from './getMany.operation';
import { getSeveral as getSeveralOperation } from './getSeveral.operation';
import { getWithRelated as getWithRelatedOperation } from './getWithRelated.operation';
import { update as updateOperation } from './update.operation';

function withSpecTexts(
	operation: StandardOperation,
	texts: (spec: ResourceSpec) => { action?: string; description?: string } = () => ({}),
): StandardOperation {
	return {
		...operation,
		option: (spec) => ({
			...operation.option(spec),
			...texts(spec),
			...spec.optionTexts?.[operation.value],
		}),
	};
}

/** Create's texts with the resource's record noun (acronyms kept: "Create blacklisted IP"). */
export const create = withSpecTexts(createOperation, (spec) => ({
	action: `Create ${recordNoun(spec)}`,
	description: `Create a new ${recordNoun(spec)}`,
}));
export const remove = withSpecTexts(removeOperation);
export const get = withSpecTexts(getOperation);
export const getMany = withSpecTexts(getManyOperation);
export const getSeveral = withSpecTexts(getSeveralOperation);
export const getWithRelated = withSpecTexts(getWithRelatedOperation);
export const update = withSpecTexts(updateOperation);
