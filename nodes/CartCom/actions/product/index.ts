import { defineResource } from '../../helpers/resource';
import { findBySku } from './findBySku.operation';
import { productSpec } from './spec';
import { updatePrice } from './updatePrice.operation';
import { upsert } from './upsert.operation';

export const product = defineResource(productSpec, [findBySku, upsert, updatePrice]);
