import { defineResource } from '../../helpers/resource';
import { rebuildTree } from './rebuildTree.operation';
import { categorySpec } from './spec';

export const category = defineResource(categorySpec, [rebuildTree]);
