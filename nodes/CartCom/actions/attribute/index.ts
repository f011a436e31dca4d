import { defineResource } from '../../helpers/resource';
import { attributeSpec } from './spec';

export const attribute = defineResource(attributeSpec);
