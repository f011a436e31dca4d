import { defineResource } from '../../helpers/resource';
import { orderPaymentSpec } from './spec';

export const orderPayment = defineResource(orderPaymentSpec, []);
