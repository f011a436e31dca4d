/**
 * What every service's transport shares: the request loop (retries, back-off, deadlines, redirect
 * refusal, ambiguous writes), the call budget, query encoding, redaction and error shaping. A
 * service's protocol (URLs, envelopes, rate-limit signals, error bodies) stays in its own folder.
 */
export * from './body';
export * from './callBudget';
export * from './errors';
export * from './leakyBucket';
export * from './multipart';
export * from './query';
export * from './redaction';
export * from './request';
