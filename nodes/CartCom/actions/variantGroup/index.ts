import { defineResource } from '../../helpers/resource';
import { variantGroupSpec } from './spec';

export const variantGroup = defineResource(variantGroupSpec);
