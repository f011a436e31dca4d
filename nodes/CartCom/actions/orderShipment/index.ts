import { defineResource } from '../../helpers/resource';
import { orderShipmentSpec } from './spec';

export const orderShipment = defineResource(orderShipmentSpec, []);
