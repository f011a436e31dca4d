import { decryptedOperation } from '../generic/decrypted';
import { orderPaymentSpec } from './spec';

/** `GET /order_payments/{id}/decrypted` (docs/scopes.md, scope decrypt): a payment's card data in clear. */
export const getDecryptedOrderPayment = decryptedOperation(orderPaymentSpec, 'order payment');
