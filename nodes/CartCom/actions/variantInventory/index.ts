import { defineResource } from '../../helpers/resource';
import { variantInventorySpec } from './spec';

export const variantInventory = defineResource(variantInventorySpec);
