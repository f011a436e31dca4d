/**
 * Kept only for trigger/poll.ts, which still imports simplifyRecord from here; the standard
 * operations now live in actions/standard/ and the shared parameter readers in parameters.ts.
 * Delete this file once trigger/poll.ts imports from './simplify'.
 */
export { simplifyRecord } from './simplify';
