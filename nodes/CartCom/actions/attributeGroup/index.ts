import { defineResource } from '../../helpers/resource';
import { attributeGroupSpec } from './spec';

export const attributeGroup = defineResource(attributeGroupSpec);
