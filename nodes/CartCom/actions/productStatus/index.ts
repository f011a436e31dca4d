import { defineResource } from '../../helpers/resource';
import { productStatusSpec } from './spec';

export const productStatus = defineResource(productStatusSpec);
