import { defineResource } from '../../helpers/resource';
import { shippingProviderServiceSpec } from './spec';

export const shippingProviderService = defineResource(shippingProviderServiceSpec);
