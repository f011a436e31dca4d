import { defineResource } from '../../helpers/resource';
import { warehouseSpec } from './spec';

export const warehouse = defineResource(warehouseSpec);
