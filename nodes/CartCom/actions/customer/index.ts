import { defineResource } from '../../helpers/resource';
import { customerSpec } from './spec';

export const customer = defineResource(customerSpec);
