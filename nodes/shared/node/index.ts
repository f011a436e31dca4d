/**
 * What every service's action node shares, knowing no service: the per-item loop (pairedItem,
 * Continue On Fail), error wrapping, collection parameters, the input checks' error shape, and the
 * parameters every list operation has (Return All, Limit, the Operation dropdown).
 */
export * from './descriptions';
export * from './errors';
export * from './items';
export * from './parameters';
export * from './validation';
