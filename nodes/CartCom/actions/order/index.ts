import { defineResource } from '../../helpers/resource';
import { orderSpec } from './spec';

export const order = defineResource(orderSpec, []);
