import { defineResource } from '../../helpers/resource';
import { storeLocationSpec } from './spec';

export const storeLocation = defineResource(storeLocationSpec);
