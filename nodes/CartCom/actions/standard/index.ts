/**
 * The operations every spec-driven resource shares, one file each. A resource's spec lists the
 * ones it offers (`operations: [get, getMany, …]`); helpers/resource.ts binds them to the spec.
 */
export { create } from './create.operation';
export { remove } from './delete.operation';
export { get } from './get.operation';
export { getMany } from './getMany.operation';
export { getSeveral } from './getSeveral.operation';
export { getWithRelated } from './getWithRelated.operation';
export { update } from './update.operation';
