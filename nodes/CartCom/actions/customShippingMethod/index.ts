import { defineResource } from '../../helpers/resource';
import { customShippingMethodSpec } from './spec';

export const customShippingMethod = defineResource(customShippingMethodSpec);
