import { defineResource } from '../../helpers/resource';
import { storeSpec } from './spec';

export const store = defineResource(storeSpec);
