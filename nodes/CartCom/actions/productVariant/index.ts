import { defineResource } from '../../helpers/resource';
import { productVariantSpec } from './spec';

export const productVariant = defineResource(productVariantSpec);
