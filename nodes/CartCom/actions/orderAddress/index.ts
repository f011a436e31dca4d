import { defineResource } from '../../helpers/resource';
import { createFromStoreLocation } from './createFromStoreLocation.operation';
import { orderAddressSpec } from './spec';

export const orderAddress = defineResource(orderAddressSpec, [createFromStoreLocation]);
