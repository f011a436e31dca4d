import { defineResource } from '../../helpers/resource';
import { productPricingSpec } from './spec';

export const productPricing = defineResource(productPricingSpec);
