import { creditCardSpec } from '../generic/specs';
import { decryptedOperation } from '../generic/decrypted';

/** `GET /credit_cards/{id}/decrypted` (docs/scopes.md, scope decrypt): a saved card in clear. */
export const getDecryptedCreditCard = decryptedOperation(creditCardSpec, 'credit card');
