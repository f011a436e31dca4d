/**
 * What every service's action node shares, knowing no service: the per-item loop (pairedItem,
 * Continue On Fail), error wrapping, collection parameters, and the input checks' error shape.
 */
export * from './errors';
export * from './items';
export * from './parameters';
export * from './validation';
