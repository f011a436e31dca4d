import { defineResource } from '../../helpers/resource';
import { shippingProviderSpec } from './spec';

export const shippingProvider = defineResource(shippingProviderSpec);
