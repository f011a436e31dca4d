import { defineResource } from '../../helpers/resource';
import { orderStatusSpec } from './spec';

export const orderStatus = defineResource(orderStatusSpec, []);
