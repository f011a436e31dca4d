/** What both services' polling triggers share: one poll at a time, and a poll's deadline. */
export * from './deadline';
export * from './guards';
