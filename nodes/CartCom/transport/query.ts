/**
 * Cart.com sends and signs its query in the form encoding shared by every transport (see
 * nodes/shared/http/query.ts). Import these names from the transport's index.
 */
export * from '../../shared/http/query';
