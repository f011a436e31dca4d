import { defineResource } from '../../helpers/resource';
import { addressSpec } from './spec';

export const address = defineResource(addressSpec);
