export * from './auth';
export * from './envelope';
export * from './errors';
export * from './filters';
export * from './paginate';
export * from './query';
export * from './rateLimit';
export * from './request';
