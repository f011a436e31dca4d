import { defineResource } from '../../helpers/resource';
import { couponCodeSpec } from './spec';

export const couponCode = defineResource(couponCodeSpec);
