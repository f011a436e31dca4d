import { defineResource } from '../../helpers/resource';
import { manufacturerSpec } from './spec';

export const manufacturer = defineResource(manufacturerSpec);
