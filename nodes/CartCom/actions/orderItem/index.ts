import { defineResource } from '../../helpers/resource';
import { orderItemSpec } from './spec';

export const orderItem = defineResource(orderItemSpec, []);
