import { defineResource } from '../../helpers/resource';
import { customerTypeSpec } from './spec';

export const customerType = defineResource(customerTypeSpec);
