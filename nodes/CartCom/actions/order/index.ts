import { defineResource } from '../../helpers/resource';
import { createShipment } from './createShipment.operation';
import { orderSpec } from './spec';
import { updateStatus } from './updateStatus.operation';

export const order = defineResource(orderSpec, [createShipment, updateStatus]);
